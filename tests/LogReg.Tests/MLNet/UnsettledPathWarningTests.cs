using System.Text.Json;
using LogReg.Cli;
using LogReg.Core.Paths;
using LogReg.MLNet;
using LogReg.Tests.Core.Paths;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// A path that ended before a λ it could not solve says so wherever a user meets it: a warning in ML.NET's log, the λ in
/// the model's details and in the saved file, a warning line under `logreg cv`'s table and the λ in its JSON.
/// </summary>
public sealed class UnsettledPathWarningTests
{
    private sealed class WideRow
    {
        public bool Label { get; set; }

        [VectorType(500)]
        public float[] Features { get; set; } = [];
    }

    // Four Newton steps a λ cut the wide set's path short (UnsettledLambdaTests); folds and λ as small as the check needs.
    private static readonly LogRegCVOptions Capped = new() { MaxNewtonSteps = 4, LambdaCount = 30, LambdaMinRatio = 1e-5, NumberOfFolds = 5, Seed = 1 };

    [Fact]
    public void TheTrainerWarnsAndTheSavedModelKeepsTheUnsolvedLambda()
    {
        var set = WideDenseSet.Of();
        var ml = new MLContext(1);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == ChannelMessageKind.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(e.Message);
                }
            }
        };
        var row = new double[500];
        var view = ml.Data.LoadFromEnumerable(Enumerable.Range(0, set.RowCount).Select(i =>
        {
            set.Features.CopyRow(i, row);
            return new WideRow { Label = set.Labels[i] == 1, Features = row.Select(v => (float)v).ToArray() };
        }).ToList());
        var transformer = ml.BinaryClassification.Trainers.LogRegCV(Capped).FitWithReport(view);
        var path = transformer.Model.CrossValidation!.Path;
        Assert.NotNull(path.UnsettledLambda);
        Assert.Contains(warnings, w => w.Contains("was not solved — its Newton steps ran out", StringComparison.Ordinal));
        string file = Path.Combine(Path.GetTempPath(), $"logreg-unsettled-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, transformer, view.Schema, file);
            var loaded = LogRegModelDetails.LinearModelsIn(LogRegModelFile.Load(new MLContext(2), file, out _)).Single().LogRegDetails()!;
            Assert.Equal(path.UnsettledLambda, loaded.CrossValidation!.Path.UnsettledLambda);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void CvPrintsAWarningLineAndWritesTheLambdaInItsJson()
    {
        var cv = ElasticNetCrossValidation.Fit(WideDenseSet.Of(), Capped.ToCore(1, null));
        var text = new StringWriter();
        CvReport.Print(text, cv, 200, 500, "m.zip", "seed 1");
        var warning = Assert.Single(text.ToString().Split('\n'), line => line.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Contains($"the path ends at λ = {cv.Path.Lambdas[^1]:G6}", warning);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            CvReport.WriteJson(json, cv, Enumerable.Range(0, 500).Select(j => $"x{j}").ToArray(), 1, 1);
        }
        using var document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(cv.Path.UnsettledLambda, document.RootElement.GetProperty("unsettled_lambda").GetDouble());
    }
}
