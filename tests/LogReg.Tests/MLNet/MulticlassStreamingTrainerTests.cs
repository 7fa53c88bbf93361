using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// The multiclass trainer through the one estimator core: over its memory budget it streams the view and gets the in-memory
/// model (skips and class names included), FitWithReport carries the fit, statistics and details round-trip a model file,
/// and warm starts and balanced class weights work on the streamed path as in memory.
/// </summary>
public class MulticlassStreamingTrainerTests
{
    private const int D = 6;

    private sealed class Row
    {
        public string Species { get; set; } = "";

        [VectorType(D)]
        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }

    private static IDataView View(MLContext ml, int n = 4000)
    {
        var (rows, labels) = LogReg.Tests.Core.SoftmaxData.Random(n, D, 4, seed: 21);
        var random = new Random(3);
        var list = rows.Select((r, i) => new Row
        {
            Species = new[] { "ash", "birch", "cedar", "damson" }[labels[i]],
            Features = r.Select((v, j) => i % 613 == 7 && j == 2 ? float.NaN : (float)v).ToArray(),
            Weight = (float)(0.5 + random.NextDouble()),
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(list);
        return ml.Transforms.Conversion.MapValueToKey("Label", "Species").Fit(data).Transform(data);
    }

    private static LogRegMulticlassOptions Options(bool streamed) => new()
    {
        ExampleWeightColumnName = "Weight", L2Regularization = 0.5f, Optimizer = OptimizerKind.Newton, OptimizationTolerance = 1e-10f,
        NumberOfThreads = 2, MemoryBudgetMegabytes = streamed ? 0 : null,
    };

    [Fact]
    public void OverTheBudgetTheMulticlassTrainerStreamsAndGetsTheInMemoryModel()
    {
        var ml = new MLContext(1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var view = View(ml);
        var memory = ml.MulticlassClassification.Trainers.LogReg(Options(false)).FitWithReport(view).Model;
        var streamed = ml.MulticlassClassification.Trainers.LogReg(Options(true)).FitWithReport(view).Model;
        Assert.Contains(messages, m => m.Contains("blocks of 1024 rows, one read of the view per pass", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("softmax cross-entropy", StringComparison.Ordinal) && m.Contains("streamed in blocks", StringComparison.Ordinal));
        Assert.True(streamed.Report.Optimization.Converged);
        NumericAssert.Close(memory.Model.ToParameters(), streamed.Model.ToParameters(), 1e-9, "θ");
        Assert.Equal(memory.Model.ClassNames, streamed.Model.ClassNames); // the key's values, in the key's order
        Assert.Equal(["ash", "birch", "cedar", "damson"], streamed.Model.ClassNames.Order());
        Assert.Equal(memory.RowCount, streamed.RowCount);
        Assert.Equal(memory.SkippedRows, streamed.SkippedRows);
        Assert.Equal(7, streamed.SkippedRows);
    }

    [Fact]
    public void WarmStartsAndBalancedWeightsWorkOnTheStreamedPathAsInMemory()
    {
        var ml = new MLContext(1);
        var view = View(ml, 3000);
        var balanced = (bool streamed) => ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions
        {
            ClassWeighting = ClassWeighting.Balanced, Optimizer = OptimizerKind.Newton, OptimizationTolerance = 1e-12f, MemoryBudgetMegabytes = streamed ? 0 : null,
        });
        var memory = balanced(false).FitWithReport(view).Model;
        var streamed = balanced(true).FitWithReport(view).Model;
        NumericAssert.Close(memory.Model.ToParameters(), streamed.Model.ToParameters(), 1e-9, "balanced θ");
        var warm = balanced(true).FitWithReport(view, streamed.Model).Model;
        Assert.True(warm.Report.Optimization.Iterations <= 1, $"{warm.Report.Optimization.Iterations} iterations from the optimum");
        NumericAssert.Close(streamed.Model.ToParameters(), warm.Model.ToParameters(), 1e-9, "warm θ");
    }

    [Fact]
    public void FitWithReportCarriesStatisticsAndTheDetailsSurviveAModelFile()
    {
        var ml = new MLContext(1);
        var view = ml.Data.Cache(View(ml, 2000));
        var fit = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { L2Regularization = 0, ShowTrainingStatistics = true, NumberOfThreads = 1 })
            .FitWithReport(view);
        Assert.Same(fit.Model, fit.Scorer.Model.LogRegDetails());
        Assert.NotNull(fit.Model.Statistics);
        Assert.Equal(fit.Model.Statistics!.LogLikelihood, -fit.Model.Statistics.Deviance / 2, 9);
        NumericAssert.Relative(fit.Model.Report.Optimization.Objective, -fit.Model.Statistics.LogLikelihood, 1e-9, "F = −ℓ");
        string path = Path.Combine(Path.GetTempPath(), $"logreg-softmax-report-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, fit.Scorer, view.Schema, path);
            var loaded = Assert.Single(LogRegModelDetails.MulticlassModelsIn(LogRegModelFile.Load(new MLContext(2), path, out _))).LogRegDetails()!;
            Assert.Equal(fit.Model.Model.ToParameters(), loaded.Model.ToParameters());
            Assert.Equal(fit.Model.Statistics.Summary(), loaded.Statistics!.Summary());
            Assert.Equal(fit.Model.SkippedRows, loaded.SkippedRows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AStreamedMulticlassFitRefusesStatisticsWithTheReason()
    {
        var ml = new MLContext(1);
        var trainer = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { MemoryBudgetMegabytes = 0, ShowTrainingStatistics = true });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(View(ml, 1500)));
        Assert.Contains("statistics need the rows in memory", error.Message);
    }

    [Fact]
    public void ANegativeBudgetAndAViewWithNoUsableRowsAreRefusedByName()
    {
        var ml = new MLContext(1);
        var budget = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { MemoryBudgetMegabytes = -5 }));
        Assert.Contains("MemoryBudgetMegabytes is -5", budget.Message);
        var rows = Enumerable.Range(0, 20).Select(i => new Row { Species = i % 2 == 0 ? "ash" : "birch", Features = [.. Enumerable.Repeat(float.NaN, D)], Weight = 1 });
        var data = ml.Data.LoadFromEnumerable(rows.ToList());
        var view = ml.Transforms.Conversion.MapValueToKey("Label", "Species").Fit(data).Transform(data);
        var empty = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.LogReg().Fit(view));
        Assert.Contains("no usable rows (read 20 row(s) with a missing value or label, 0 without)", empty.Message);
    }

    [Fact]
    public void AViewOfUnknownLengthIsCountedOnceAndReadOnce()
    {
        var ml = new MLContext(1);
        var view = new CursorCounting(ml.Data.LoadFromEnumerable(
            View(ml, 1000).GetColumn<uint>("Label").Select((k, i) => new KeyRow { Label = k, Features = [(float)(i % 7), (float)(i % 3)] })));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "Label").Fit(view).Transform(view);
        Assert.Null(keyed.GetRowCount());
        view.Cursors = 0;
        ml.MulticlassClassification.Trainers.LogReg().Fit(keyed);
        Assert.Equal(2, view.Cursors); // the budget check's count, which the in-memory read reuses, and the read
    }

    private sealed class KeyRow
    {
        public uint Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    // A view that does not know its length and counts the cursors opened on it.
    private sealed class CursorCounting(IDataView inner) : IDataView
    {
        public int Cursors { get; set; }

        public bool CanShuffle => inner.CanShuffle;

        public DataViewSchema Schema => inner.Schema;

        public long? GetRowCount() => null;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            Cursors++;
            return inner.GetRowCursor(columnsNeeded, rand);
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        {
            Cursors++;
            return inner.GetRowCursorSet(columnsNeeded, n, rand);
        }
    }
}
