using LogReg.Core.Data;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// The trainer's memory budget: over it, Fit streams the view pass by pass and gets the in-memory
/// model; and reading a view of unknown length allocates the one copy at its final size.
/// </summary>
public class StreamingTrainerTests
{
    private const int D = 8;

    // One mutable row handed out again and again: the enumerable allocates nothing per row, and it
    // is not a collection, so the view does not know its length.
    private static IEnumerable<TestData.Row> Rows(int n, int seed, bool withNaN = false)
    {
        var rng = new Random(seed);
        var w = Enumerable.Range(0, D).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var row = new TestData.Row { Features = new float[D] };
        for (int i = 0; i < n; i++)
        {
            double z = -0.3;
            for (int j = 0; j < D; j++)
            {
                row.Features[j] = (float)(rng.NextDouble() * 4 - 2);
                z += w[j] * row.Features[j];
            }
            if (withNaN && i % 997 == 5)
            {
                row.Features[3] = float.NaN;
            }
            row.Label = rng.NextDouble() < 1 / (1 + Math.Exp(-z));
            row.Weight = (float)(0.5 + rng.NextDouble());
            yield return row;
        }
    }

    [Fact]
    public void OverTheBudgetTheTrainerStreamsAndGetsTheInMemoryModel()
    {
        var ml = new MLContext(1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var view = TestData.ToDataView(ml, Rows(6000, 4, withNaN: true), D);
        var options = new LogRegOptions { L2Regularization = 1, ExampleWeightColumnName = "Weight", OptimizationTolerance = 1e-9f };
        var memory = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;
        options.MemoryBudgetMegabytes = 0;
        var streamed = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;
        Assert.Contains(messages, m => m.Contains("blocks of 1024 rows, one read of the view per pass", StringComparison.Ordinal));
        NumericAssert.Relative(memory.Report.Optimization.Objective, streamed.Report.Optimization.Objective, 1e-9, "objective");
        for (int j = 0; j < D; j++)
        {
            Assert.Equal(memory.Weights[j], streamed.Weights[j], 1e-6);
        }
        Assert.Equal(memory.RowCount, streamed.RowCount);
        Assert.Equal(memory.SkippedRows, streamed.SkippedRows);
        Assert.True(streamed.SkippedRows > 0);
    }

    [Fact]
    public void StreamingRefusesStatisticsWithTheReason()
    {
        var ml = new MLContext(1);
        var trainer = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { MemoryBudgetMegabytes = 0, ShowTrainingStatistics = true });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(TestData.ToDataView(ml, Rows(3000, 5), D)));
        Assert.Contains("MemoryBudgetMegabytes", error.Message);
        var sgd = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { MemoryBudgetMegabytes = 0, Optimizer = LogReg.Core.Training.OptimizerKind.MiniBatchSgd });
        Assert.Contains("MiniBatchSgd", Assert.Throws<ArgumentException>(() => sgd.Fit(TestData.ToDataView(ml, Rows(3000, 5), D))).Message);
    }

    [Fact]
    public void AViewOfUnknownLengthIsReadIntoOneCopyOfItsFinalSize()
    {
        var ml = new MLContext(1);
        const int n = 200_000;
        var view = TestData.ToDataView(ml, Rows(n, 6), D);
        Assert.Null(view.GetRowCount());
        TrainingSetReader.Read(TestData.ToDataView(ml, Rows(100, 6), D), "Label", "Features", null); // JIT and ML.NET's first-use allocations
        long before = GC.GetAllocatedBytesForCurrentThread();
        var read = TrainingSetReader.Read(view, "Label", "Features", null);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long final = (long)n * D * sizeof(float) + (long)n * sizeof(double);
        Assert.Equal(n, read.Data.RowCount);
        Assert.True(allocated <= 1.5 * final, $"allocated {allocated:N0} bytes to read {final:N0} bytes of data");
    }
}
