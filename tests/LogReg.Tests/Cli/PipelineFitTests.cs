using LogReg.Cli;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using System.IO.Compression;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// The tool fits its trainer on the columns the trainer reads only: the model is the plain Append chain's, step for step
/// and score for score, and the trainer's recorded training schema no longer carries the file's raw columns.
/// </summary>
public sealed class PipelineFitTests : CliRun
{
    private const string Csv =
        "x,colour,size,w,y\n1.5,red,10,1,yes\n,blue,,2,no\n3.25,,7,0.5,yes\n0.1,red,2,1,no\n-2,green,,1,yes\n7,blue,3.5,3,no\n1e-3,red,1,1,no\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheModelIsThePlainChainsAndItsTrainerRecordsOnlyWhatItRead(bool direct)
    {
        string path = Path.Combine(Folder, "mixed.csv");
        File.WriteAllText(path, Csv);
        var prepared = PreparedTable.Prepare(TableSchema.Infer(CsvTable.Read(path), new ColumnOptions { Label = "y", Missing = MissingPolicy.Mean, Weight = "w" }));
        var ml = new MLContext(1);
        var data = prepared.ToDataView();
        var options = new LogRegOptions
        {
            LabelColumnName = "y", FeatureColumnName = prepared.Plan.FeaturesColumn, ExampleWeightColumnName = "w", L2Regularization = 0.5f,
        };
        var featurise = FeaturePipeline.Build(ml, prepared.Plan);

        var plain = featurise.Append(ml.BinaryClassification.Trainers.LogReg(options)).Fit(data);
        var narrow = PipelineFit.Fit(ml, featurise, ml.BinaryClassification.Trainers.LogReg(options), data, [options.FeatureColumnName, "y", "w", null],
            direct ? (prepared.ToMeansRow(), features => prepared.ToTrainerView(PlanFeaturizer.FeatureRows(prepared, features))) : null);
        // The trainer saw the same rows (the direct ones dense where ML.NET's concatenation of a one-hot part is sparse,
        // so sums in another order): the same model to rounding, and the pipeline's slot names.
        var expected = plain.LastTransformer.Model.LogRegDetails()!.Model;
        var actual = narrow.LastTransformer.Model.LogRegDetails()!.Model;
        Assert.Equal(expected.Bias, actual.Bias, 1e-12);
        for (int j = 0; j < expected.FeatureCount; j++)
        {
            Assert.Equal(expected.Weights[j], actual.Weights[j], 1e-12);
        }
        Assert.Equal(expected.FeatureNames, actual.FeatureNames);

        Assert.Equal(((IEnumerable<ITransformer>)plain).Select(t => t.GetType()), ((IEnumerable<ITransformer>)narrow).Select(t => t.GetType()));
        Assert.Equal(Scores(ml, plain, data), Scores(ml, narrow, data), (a, b) => Math.Abs(a - b) <= 1e-6f);

        // Saved and loaded by plain ML.NET, it scores the raw rows as before and passes their columns through.
        string file = Path.Combine(Folder, "narrow.zip");
        ml.Model.Save(narrow, data.Schema, file);
        ml.Model.Save(plain, data.Schema, Path.Combine(Folder, "plain.zip"));
        Assert.Equal(new[] { prepared.Plan.FeaturesColumn, "w", "y" }, TrainSchema(ml, file).Order(StringComparer.Ordinal));
        Assert.Contains("colour", TrainSchema(ml, Path.Combine(Folder, "plain.zip")));
        var loaded = ml.Model.Load(file, out var inputSchema);
        Assert.Equal(data.Schema.Select(c => c.Name), inputSchema.Select(c => c.Name));
        Assert.Equal(Scores(ml, narrow, data), Scores(ml, loaded, data));
        Assert.NotNull(loaded.Transform(data).Schema.GetColumnOrNull("colour"));
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("skip")]
    public void TheDirectRowsGiveTheSoftmaxModelOfThePipelinesRows(string missing)
    {
        string path = Path.Combine(Folder, "three.csv");
        File.WriteAllText(path, "x,colour,z,y\n1,red,2,a\n,blue,1,b\n3,,0.5,c\n0.5,red,,a\n2,green,3,b\n6,blue,1,c\n4,red,2,a\n1.5,green,0,c\n");
        var prepared = PreparedTable.Prepare(TableSchema.Infer(CsvTable.Read(path), new ColumnOptions { Label = "y", Missing = missing == "mean" ? MissingPolicy.Mean : MissingPolicy.Skip }));
        var ml = new MLContext(1);
        var data = prepared.ToDataView();
        var options = new LogRegMulticlassOptions { LabelColumnName = "y", FeatureColumnName = prepared.Plan.FeaturesColumn, L2Regularization = 0.5f };
        var featurise = FeaturePipeline.Build(ml, prepared.Plan);
        var plain = featurise.Append(ml.MulticlassClassification.Trainers.LogReg(options)).Fit(data);
        var direct = PipelineFit.Fit(ml, featurise, ml.MulticlassClassification.Trainers.LogReg(options), data, [options.FeatureColumnName, "y"],
            (prepared.ToMeansRow(), features => prepared.ToTrainerView(PlanFeaturizer.FeatureRows(prepared, features))));
        var expected = plain.LastTransformer.Model.LogRegDetails()!.Model;
        var actual = direct.LastTransformer.Model.LogRegDetails()!.Model;
        Assert.Equal(expected.Weights.ToArray(), actual.Weights.ToArray(), (a, b) => Math.Abs(a - b) <= 1e-12);
        Assert.Equal(expected.Biases.ToArray(), actual.Biases.ToArray(), (a, b) => Math.Abs(a - b) <= 1e-12);
        Assert.Equal(expected.ClassNames.ToArray(), actual.ClassNames.ToArray());
        Assert.Equal(expected.FeatureNames, actual.FeatureNames);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("skip")]
    public void TheDirectRowsAreThePipelinesRowsValueForValue(string missing)
    {
        // Blanks (imputed with an indicator), a category with a blank level, a weight; and a wide one-hot column whose
        // rows are written sparse.
        var levels = Enumerable.Range(0, 12).Select(k => $"L{k}").ToArray();
        var lines = new List<string> { "x,colour,size,many,w,y" };
        for (int i = 0; i < 40; i++)
        {
            lines.Add(string.Join(",", i % 7 == 0 ? "" : $"{i * 0.37 - 3:F2}", i % 5 == 0 ? "" : i % 3 == 0 ? "red" : "blue",
                i % 9 == 0 ? "" : $"{i % 4}", levels[i % levels.Length], $"{1 + i % 3}", i % 2 == 0 ? "yes" : "no"));
        }
        string path = Path.Combine(Folder, $"rows-{missing}.csv");
        File.WriteAllLines(path, lines);
        var prepared = PreparedTable.Prepare(TableSchema.Infer(CsvTable.Read(path),
            new ColumnOptions { Label = "y", Weight = "w", Missing = missing == "mean" ? MissingPolicy.Mean : MissingPolicy.Skip }));
        var ml = new MLContext(1);
        var data = prepared.ToDataView();
        var fitted = FeaturePipeline.Build(ml, prepared.Plan).Fit(data);
        string features = prepared.Plan.FeaturesColumn;
        var pipeline = fitted.Transform(data).GetColumn<VBuffer<float>>(features).Select(v => v.DenseValues().ToArray()).ToArray();
        var view = prepared.ToTrainerView(PlanFeaturizer.FeatureRows(prepared, fitted.GetOutputSchema(data.Schema)[features]));
        var direct = view.GetColumn<VBuffer<float>>(features).Select(v => v.DenseValues().ToArray()).ToArray();
        Assert.Equal(pipeline, direct);
        // Fitted on the row of means, the featurisation transforms the file's rows (blanks imputed) as it does fitted on them.
        var fromMeans = FeaturePipeline.Build(ml, prepared.Plan).Fit(prepared.ToMeansRow());
        Assert.Equal(pipeline, fromMeans.Transform(data).GetColumn<VBuffer<float>>(features).Select(v => v.DenseValues().ToArray()).ToArray());
        Assert.Equal(data.GetColumn<bool>("y"), view.GetColumn<bool>("y"));
        Assert.Equal(data.GetColumn<float>("w"), view.GetColumn<float>("w"));
    }

    [Fact]
    public void TheImputedMeanIsMLNetsToTheBitWhereRoundingOnceDiffers()
    {
        // Fourteen values near 1.2345e7 (a float step is 1): their exact mean rounds to 12344998, ML.NET's running mean to
        // 12344999 — the model must impute what the same pipeline fitted by ML.NET imputes.
        int[] values = [12344990, 12345008, 12344981, 12344998, 12345001, 12344998, 12345006, 12344998, 12344996, 12344981, 12345015, 12345002, 12345018, 12344987];
        var lines = new List<string> { "big,y" };
        lines.AddRange(values.Select((v, i) => $"{v},{i % 2}"));
        lines.Add(",1");
        lines.Add(",0");
        string path = Path.Combine(Folder, "halfway.csv");
        File.WriteAllLines(path, lines);
        var prepared = PreparedTable.Prepare(TableSchema.Infer(CsvTable.Read(path), new ColumnOptions { Label = "y", Missing = MissingPolicy.Mean }));
        Assert.Equal(12344999f, PlanFeaturizer.Mean(prepared.Schema.Table.Column(0), prepared.Rows));
        var ml = new MLContext(1);
        var data = prepared.ToDataView();
        var fitted = FeaturePipeline.Build(ml, prepared.Plan).Fit(data);
        var imputed = fitted.Transform(data).GetColumn<VBuffer<float>>(prepared.Plan.FeaturesColumn).Last().DenseValues().First();
        Assert.Equal(12344999f, imputed);
    }

    // The column names of the training schema ML.NET saved with the trainer's transformer (a binary IDV entry).
    private string[] TrainSchema(MLContext ml, string model)
    {
        using var zip = ZipFile.OpenRead(model);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("/TrainSchema", StringComparison.Ordinal));
        string copy = Path.Combine(Folder, $"{Guid.NewGuid():N}.idv");
        entry.ExtractToFile(copy);
        return ml.Data.LoadFromBinary(copy).Schema.Select(c => c.Name).ToArray();
    }

    private static float[] Scores(MLContext ml, ITransformer model, IDataView data) =>
        model.Transform(data).GetColumn<float>("Probability").ToArray();
}
