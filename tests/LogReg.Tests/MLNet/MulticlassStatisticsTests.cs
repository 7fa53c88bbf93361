using System.Globalization;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// ShowTrainingStatistics on the multiclass trainer: ML.NET's record in MaximumEntropyModelParameters.Statistics
/// (surviving a plain reload) and statsmodels' MNLogit table in LogRegDetails().Statistics.
/// </summary>
public class MulticlassStatisticsTests
{
    private sealed class AnesRow
    {
        public string Party { get; set; } = "";

        [VectorType(5)]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    // The ANES 1996 extract of Reference/mnlogit.json: 5 features, 7 classes 0 … 6 (keys 1 … 7).
    private static IDataView Anes96(MLContext ml)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "anes96.csv")).Where(l => l.Length > 0).Skip(1);
        var rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(c => new AnesRow { Party = ((int)c[^1]).ToString(CultureInfo.InvariantCulture), Features = c[..^1].Select(v => (float)v).ToArray() }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        // Keys in the order of the values: class 0 first, the reference class of MNLogit.
        return ml.Data.Cache(ml.Transforms.Conversion.MapValueToKey("Label", nameof(AnesRow.Party), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data));
    }

    private static MaximumEntropyModelParameters PlainRoundTrip(ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        new MLContext(2).Model.Save(model, schema, stream);
        stream.Position = 0;
        var loaded = new MLContext(3).Model.Load(stream, out _);
        return ((MulticlassPredictionTransformer<MaximumEntropyModelParameters>)loaded).Model;
    }

    [Fact]
    public void TheUnpenalisedFitsTableIsStatsmodelsMNLogitAndMLNetsRecordSurvivesAPlainReload()
    {
        var ml = new MLContext(1);
        var data = Anes96(ml);
        var transformer = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions
        {
            L2Regularization = 0, OptimizationTolerance = 1e-10f, ShowTrainingStatistics = true,
        }).Fit(data);
        var stats = transformer.Model.LogRegDetails()!.Statistics!;
        Assert.True(stats.Warnings.Count == 0, string.Join(" | ", stats.Warnings));
        var reference = ReferenceData.File("mnlogit");
        var bse = reference.GetProperty("bse").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(6, stats.Coefficients.Count);
        for (int k = 0; k < 6; k++)
        {
            for (int j = 0; j < 6; j++)
            {
                NumericAssert.Relative(bse[k][j], stats.Coefficients[k][j].StandardError!.Value, 1e-5, $"class {k + 1} {stats.Coefficients[k][j].Name} se");
            }
        }
        NumericAssert.Relative(reference.GetProperty("llf").GetDouble(), stats.LogLikelihood, 1e-8, "llf");

        var record = PlainRoundTrip(transformer, data.Schema).Statistics;
        Assert.NotNull(record);
        Assert.Equal(944, record!.TrainingExampleCount);
        Assert.Equal(7 + 7 * 5, record.ParametersCount); // K biases + non-zero weights, as LbfgsMaximumEntropy counts
        NumericAssert.Relative(-2 * reference.GetProperty("llf").GetDouble(), record.Deviance, 1e-6, "deviance");
        NumericAssert.Relative(-2 * reference.GetProperty("llnull").GetDouble(), record.NullDeviance, 1e-6, "null deviance");
    }

    [Fact]
    public void APenalisedFitGetsFitLevelFiguresLikeLbfgsMaximumEntropy()
    {
        var ml = new MLContext(1);
        var data = Anes96(ml);
        var transformer = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { ShowTrainingStatistics = true }).Fit(data);
        var stats = transformer.Model.LogRegDetails()!.Statistics!;
        Assert.All(stats.Coefficients.SelectMany(c => c), c => Assert.Null(c.StandardError));
        Assert.Contains(stats.Warnings, w => w.Contains("penalised", StringComparison.Ordinal));
        var record = PlainRoundTrip(transformer, data.Schema).Statistics!;
        // ML.NET's own trainer at the same L2 (its L1 off): the same likelihood at its (less tight) optimum.
        var theirs = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0, L2Regularization = 1, ShowTrainingStatistics = true, OptimizationTolerance = 1e-10f,
        }).Fit(data).Model.Statistics!;
        NumericAssert.Relative(theirs.NullDeviance, record.NullDeviance, 1e-5, "null deviance");
        NumericAssert.Relative(theirs.Deviance, record.Deviance, 1e-3, "deviance");
        Assert.Equal(theirs.ParametersCount, record.ParametersCount);
    }
}
