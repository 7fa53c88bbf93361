using LogReg.Cli;
using LogReg.Core.Data;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>The direct featurisation stats uses is the ML.NET pipeline's, slot for slot and value for value.</summary>
public sealed class PlanFeaturizerTests : CliRun
{
    // Numbers with blanks (imputed, with an indicator), a category with a blank and a level that sorts before the
    // reference, a weight column, and a label given as text.
    private const string Mixed =
        "x,colour,size,w,y\n" +
        "1.5,red,10,1,yes\n" +
        ",blue,,2,no\n" +
        "3.25,,7,0.5,yes\n" +
        "0.1,red,2,1,no\n" +
        "-2,green,,1,yes\n" +
        "7,blue,3.5,3,no\n" +
        "1e-3,red,1,1,no\n";

    private const string ThreeClasses =
        "x,colour,y\n1,red,a\n,blue,b\n3,,c\n0.5,red,a\n2,green,b\n6,blue,c\n4,red,a\n";

    private PreparedTable Prepare(string csv, MissingPolicy missing, string? weight = null)
    {
        string path = Path.Combine(Folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        return PreparedTable.Prepare(TableSchema.Infer(CsvTable.Read(path), new ColumnOptions { Label = "y", Missing = missing, Weight = weight }));
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("skip")]
    public void BinarySetsAreIdentical(string missing)
    {
        var prepared = Prepare(Mixed, CliOptions.Policies[missing], weight: "w");
        Assert.True(PlanFeaturizer.Applies(prepared.Plan));
        var direct = PlanFeaturizer.ToTrainingSet(prepared);
        var pipeline = CsvInput.ToTrainingSet(new Microsoft.ML.MLContext(1), prepared);
        Assert.Equal(pipeline.FeatureNames, direct.FeatureNames);
        Assert.Equal(pipeline.Labels, direct.Labels);
        Assert.Equal(pipeline.ExampleWeights, direct.ExampleWeights);
        AssertSameRows(pipeline.Features, direct.Features);
    }

    [Fact]
    public void MulticlassSetsAreIdentical()
    {
        var prepared = Prepare(ThreeClasses, MissingPolicy.Mean);
        var direct = PlanFeaturizer.ToMulticlassSet(prepared);
        var pipeline = CsvInput.ToMulticlassSet(new Microsoft.ML.MLContext(1), prepared);
        Assert.Equal(pipeline.FeatureNames, direct.FeatureNames);
        Assert.Equal(pipeline.Labels, direct.Labels);
        Assert.Equal(pipeline.ClassNames, direct.ClassNames);
        AssertSameRows(pipeline.Features, direct.Features);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("skip")]
    public void TrainsDirectMetricsAreThePipelinesScores(string missing)
    {
        // train's accuracy and AUC come from margins computed on the table; the saved pipeline's scores are the truth.
        var prepared = Prepare(Mixed, CliOptions.Policies[missing], weight: "w");
        var ml = new Microsoft.ML.MLContext(1);
        var options = new LogReg.MLNet.LogRegOptions { LabelColumnName = "y", FeatureColumnName = prepared.Plan.FeaturesColumn, L2Regularization = 0.5f };
        var model = FeaturePipeline.Build(ml, prepared.Plan).Append(LogReg.MLNet.LogRegCatalog.LogReg(ml.BinaryClassification.Trainers, options)).Fit(prepared.ToDataView());
        var scores = model.Transform(prepared.ToDataView()).GetColumn<float>("Score").ToArray();
        var margins = PlanFeaturizer.Margins(prepared, model.LastTransformer.Model.LogRegDetails()!.Model.Weights, model.LastTransformer.Model.LogRegDetails()!.Model.Bias);
        Assert.Equal(scores.Length, margins.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            Assert.InRange(Math.Abs(margins[i] - scores[i]), 0, 1e-5 * (1 + Math.Abs(margins[i])));
        }
        var direct = TrainingMetrics.Binary(prepared, model.LastTransformer.Model.LogRegDetails()!.Model);
        var pipeline = TrainingMetrics.Binary(model.Transform(prepared.ToDataView()), "y");
        Assert.Equal(pipeline.Accuracy, direct.Accuracy);
        Assert.Equal(pipeline.Auc, direct.Auc, 12);
    }

    [Fact]
    public void AFreeTextColumnGoesThroughThePipeline()
    {
        string path = Path.Combine(Folder, "text.csv");
        File.WriteAllText(path, "note,y\nthe red fox,1\na blue sky,0\nred sky,1\nblue fox,0\n");
        var prepared = PreparedTable.Prepare(TableSchema.Infer(CsvTable.Read(path), new ColumnOptions { Label = "y", Text = new[] { "note" } }));
        Assert.False(PlanFeaturizer.Applies(prepared.Plan));
        Assert.Contains("note[red]", CsvInput.TrainingSetOf(prepared, 1).FeatureNames!);
    }

    private static void AssertSameRows(DesignMatrix expected, DesignMatrix actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        var a = new double[expected.ColumnCount];
        var b = new double[expected.ColumnCount];
        for (int i = 0; i < expected.RowCount; i++)
        {
            expected.CopyRow(i, a);
            actual.CopyRow(i, b);
            Assert.Equal(a, b);
        }
    }

    // The featurisation of a file with many numeric columns: its steps, and the direct featurisation's agreement.
    private (int Steps, string[] Names) Wide(int columns)
    {
        var lines = new List<string> { string.Join(",", Enumerable.Range(0, columns).Select(j => $"x{j}").Append("colour").Append("y")) };
        for (int i = 0; i < 12; i++)
        {
            // Every third column has a blank in row 0 (an indicator each); a category follows the numbers.
            lines.Add(string.Join(",", Enumerable.Range(0, columns).Select(j => i == 0 && j % 3 == 0 ? "" : $"{(i * 7 + j) % 11}.5")
                .Append(i % 3 == 0 ? "red" : "blue").Append($"{i % 2}")));
        }
        var prepared = Prepare(string.Join("\n", lines), MissingPolicy.Mean);
        var ml = new Microsoft.ML.MLContext(1);
        var fitted = FeaturePipeline.Build(ml, prepared.Plan).Fit(prepared.ToDataView());
        var data = fitted.Transform(prepared.ToDataView());
        var names = FeaturePipeline.SlotNames(prepared.Plan, data.Schema);
        Assert.Equal(names, PlanFeaturizer.ToTrainingSet(prepared).FeatureNames);
        return (((IEnumerable<Microsoft.ML.ITransformer>)fitted).Count(), names);
    }

    [Fact]
    public void ThePipelinesLengthDoesNotGrowWithTheNumberOfNumericColumns()
    {
        // ML.NET walks the whole chain for every column it opens, so a step per column made wide files quadratic
        // (50 × 5,000 took minutes); a run of numeric columns is one vector whatever its width.
        var narrow = Wide(6);
        var wide = Wide(900);
        Assert.Equal(narrow.Steps, wide.Steps);
        Assert.Equal(900 + 300 + 1, wide.Names.Length);
        Assert.Equal(new[] { "x0", "x1", "x2", "x3", "x4", "x5", "x0[missing]", "x3[missing]", "colour[red]" }, narrow.Names);
    }
}
