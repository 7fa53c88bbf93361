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

    [Fact]
    public void TheModelIsThePlainChainsAndItsTrainerRecordsOnlyWhatItRead()
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
        var narrow = PipelineFit.Fit(ml, featurise, ml.BinaryClassification.Trainers.LogReg(options), data, options.FeatureColumnName, "y", "w", null);

        Assert.Equal(((IEnumerable<ITransformer>)plain).Select(t => t.GetType()), ((IEnumerable<ITransformer>)narrow).Select(t => t.GetType()));
        Assert.Equal(Scores(ml, plain, data), Scores(ml, narrow, data));

        // Saved and loaded by plain ML.NET, it scores the raw rows as before and passes their columns through.
        string file = Path.Combine(Folder, "narrow.zip");
        ml.Model.Save(narrow, data.Schema, file);
        ml.Model.Save(plain, data.Schema, Path.Combine(Folder, "plain.zip"));
        Assert.Equal(new[] { prepared.Plan.FeaturesColumn, "y", "w" }, TrainSchema(ml, file));
        Assert.Contains("colour", TrainSchema(ml, Path.Combine(Folder, "plain.zip")));
        var loaded = ml.Model.Load(file, out var inputSchema);
        Assert.Equal(data.Schema.Select(c => c.Name), inputSchema.Select(c => c.Name));
        Assert.Equal(Scores(ml, plain, data), Scores(ml, loaded, data));
        Assert.NotNull(loaded.Transform(data).Schema.GetColumnOrNull("colour"));
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
