using System.IO.Compression;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>Statistics and the fit report survive Save/Load: ML.NET's form in plain ML.NET, ours through LogRegModelFile.</summary>
public class StatisticsPersistenceTests
{
    private static readonly LogRegOptions MaximumLikelihood = new() { L2Regularization = 0, ShowTrainingStatistics = true, OptimizationTolerance = 1e-10f };

    private static LinearBinaryModelParameters LinearModelOf(ITransformer transformer) => transformer switch
    {
        TransformerChain<ITransformer> chain => LinearModelOf(chain.LastTransformer),
        IPredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: LinearBinaryModelParameters linear } } => linear,
        _ => throw new ArgumentException(transformer.GetType().Name),
    };

    private static ITransformer PlainRoundTrip(ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        var ml = new MLContext(2);
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        return new MLContext(3).Model.Load(stream, out _);
    }

    [Fact]
    public void AfterAPlainMLNetReloadTheStatisticsMatchStatsmodels()
    {
        var ml = new MLContext(1);
        var data = TestData.Spector(ml);
        var loaded = LinearModelOf(PlainRoundTrip(ml.BinaryClassification.Trainers.LogReg(MaximumLikelihood).Fit(data), data.Schema));
        var stats = Assert.IsType<LinearModelParameterStatistics>(loaded.Statistics);
        var sm = ReferenceData.Spector.Json.GetProperty("mle").GetProperty("statsmodels");
        Assert.Equal(32, stats.TrainingExampleCount);
        Assert.Equal(4, stats.ParametersCount);
        NumericAssert.Relative(sm.GetProperty("deviance").GetDouble(), stats.Deviance, 1e-6, "deviance");
        NumericAssert.Relative(sm.GetProperty("null_deviance").GetDouble(), stats.NullDeviance, 1e-6, "null deviance");
        var bse = sm.GetProperty("bse");
        NumericAssert.Relative(bse.GetProperty("intercept").GetDouble(), stats.GetBiasStatistics().StandardError, 1e-5, "intercept");
        var byIndex = stats.GetWeightsCoefficientStatistics(10).ToDictionary(c => c.Index);
        Assert.Equal(3, byIndex.Count);
        NumericAssert.Relative(bse.GetProperty("gpa").GetDouble(), byIndex[0].StandardError, 1e-5, "gpa");
        NumericAssert.Relative(bse.GetProperty("tuce").GetDouble(), byIndex[1].StandardError, 1e-5, "tuce");
        NumericAssert.Relative(bse.GetProperty("psi").GetDouble(), byIndex[2].StandardError, 1e-5, "psi");
        NumericAssert.Relative(sm.GetProperty("z_values").GetProperty("psi").GetDouble(), byIndex[2].ZScore, 1e-5, "z psi");
    }

    [Fact]
    public void AboveTheDenseLimitMLNetGetsDevianceLevelStatisticsThatSurviveAReload()
    {
        int d = 5000;
        var ml = new MLContext(1);
        var rows = Enumerable.Range(0, 40).Select(i => new TestData.Row
        {
            Label = i % 2 == 0,
            Features = Enumerable.Range(0, d).Select(j => j % 40 == i ? 1f : 0f).ToArray(),
        }).ToList();
        var data = TestData.ToDataView(ml, rows, d);
        var fitted = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { ShowTrainingStatistics = true }).FitWithReport(data);
        Assert.Contains("above the 2000 parameters supported", fitted.Model.Statistics!.StandardErrorNote);
        var stats = LinearModelOf(PlainRoundTrip(fitted.Scorer, data.Schema)).Statistics;
        Assert.NotNull(stats);
        Assert.IsNotType<LinearModelParameterStatistics>(stats);
        Assert.Equal(40, stats!.TrainingExampleCount);
        NumericAssert.Relative(fitted.Model.Statistics.Deviance, stats.Deviance, 1e-6, "deviance");
    }

    [Fact]
    public void LogRegModelFileGivesBackTheFitReportAndFullStatisticsWhilePlainMLNetScoresTheSameFile()
    {
        var ml = new MLContext(1);
        var data = TestData.BreastCancer(ml);
        var model = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { ShowTrainingStatistics = true })).Fit(data);
        var original = model.LastTransformer.Model.LogRegDetails()!;
        string path = Path.Combine(Path.GetTempPath(), $"logreg-details-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, model, data.Schema, path);
            var ours = LogRegModelFile.Load(new MLContext(2), path, out _);
            var details = LinearModelOf(ours).LogRegDetails();
            Assert.NotNull(details);
            Assert.Equal(original.Weights, details!.Weights);
            Assert.Equal(original.Bias, details.Bias);
            Assert.Equal(original.RowCount, details.RowCount);
            Assert.Equal(original.Report.Optimizer, details.Report.Optimizer);
            Assert.Equal(original.Report.Options.L2Regularization, details.Report.Options.L2Regularization);
            Assert.Equal(original.Report.Optimization.Iterations, details.Report.Optimization.Iterations);
            Assert.Equal(original.Report.Optimization.Trace, details.Report.Optimization.Trace);
            Assert.Equal(original.Statistics!.Coefficients, details.Statistics!.Coefficients);
            Assert.Equal(original.Statistics.Summary(), details.Statistics.Summary());

            var plain = new MLContext(3).Model.Load(path, out _);
            Assert.Null(LinearModelOf(plain).LogRegDetails());
            Assert.Equal(model.Transform(data).GetColumn<float>("Score"), plain.Transform(data).GetColumn<float>("Score"));
            Assert.Equal(model.Transform(data).GetColumn<float>("Score"), ours.Transform(data).GetColumn<float>("Score"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ExtraEntriesAreWrittenBesideTheModelAndTheDetailsNameIsRefused()
    {
        var ml = new MLContext(seed: 1);
        var spector = TestData.Spector(ml);
        var model = ml.BinaryClassification.Trainers.LogReg(l2Regularization: 1).Fit(spector);
        using var stream = new MemoryStream();
        LogRegModelFile.Save(ml, model, spector.Schema, stream,
            new Dictionary<string, Action<Stream>> { ["App/Note.txt"] = entry => entry.Write("hello"u8) });
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            using var reader = new StreamReader(zip.GetEntry("App/Note.txt")!.Open());
            Assert.Equal("hello", reader.ReadToEnd());
            Assert.NotNull(zip.GetEntry(LogRegModelFile.DetailsEntry));
        }
        stream.Position = 0;
        Assert.Equal(TestData.Column(model.Transform(spector), "Score"), TestData.Column(ml.Model.Load(stream, out _).Transform(spector), "Score"));
        Assert.Throws<ArgumentException>(() => LogRegModelFile.Save(ml, model, spector.Schema, new MemoryStream(),
            new Dictionary<string, Action<Stream>> { [LogRegModelFile.DetailsEntry] = _ => { } }));
    }

    [Fact]
    public void DetailsThatDoNotBelongToTheModelAreRefusedWithTheFileNamed()
    {
        var ml = new MLContext(1);
        var spector = TestData.Spector(ml);
        string a = Path.Combine(Path.GetTempPath(), $"logreg-a-{Guid.NewGuid():N}.zip");
        string b = Path.Combine(Path.GetTempPath(), $"logreg-b-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, ml.BinaryClassification.Trainers.LogReg(l2Regularization: 1).Fit(spector), spector.Schema, a);
            LogRegModelFile.Save(ml, ml.BinaryClassification.Trainers.LogReg(l2Regularization: 5).Fit(spector), spector.Schema, b);
            string foreign;
            using (var zip = ZipFile.OpenRead(b))
            using (var reader = new StreamReader(zip.GetEntry(LogRegModelFile.DetailsEntry)!.Open()))
            {
                foreign = reader.ReadToEnd();
            }
            using (var zip = ZipFile.Open(a, ZipArchiveMode.Update))
            {
                zip.GetEntry(LogRegModelFile.DetailsEntry)!.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(LogRegModelFile.DetailsEntry).Open());
                writer.Write(foreign);
            }
            var e = Assert.Throws<InvalidDataException>(() => LogRegModelFile.Load(ml, a, out _));
            Assert.Contains(a, e.Message);
            Assert.Contains("do not match", e.Message);
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }
}
