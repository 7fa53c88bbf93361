using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>Non-finite input is refused with the column and row named; nothing returns a silent zero model.</summary>
public class NonFiniteInputTests
{
    private static List<TestData.Row> Rows() =>
        Enumerable.Range(0, 40).Select(i => new TestData.Row { Label = i % 2 == 0, Features = new[] { i * 0.1f, (i % 7) - 3f, 1f / (i + 1) } }).ToList();

    [Theory]
    [InlineData(float.PositiveInfinity, "+∞")]
    [InlineData(float.NegativeInfinity, "−∞")]
    public void AnInfiniteFeatureIsRefusedByFitWithColumnAndRow(float bad, string shown)
    {
        var ml = new MLContext(1);
        var rows = Rows();
        rows[17].Features[2] = bad;
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(TestData.ToDataView(ml, rows, 3)));
        Assert.Contains("'Features' slot 2", e.Message);
        Assert.Contains(shown, e.Message);
        Assert.Contains("in row 18;", e.Message); // rows[17], the eighteenth: a data view's rows are named from 1
    }

    [Fact]
    public void ANaNFeatureStillSkipsItsRowAndIsCounted()
    {
        var ml = new MLContext(1);
        var rows = Rows();
        rows[3].Features[0] = float.NaN;
        var model = ml.BinaryClassification.Trainers.LogReg().FitWithReport(TestData.ToDataView(ml, rows, 3));
        Assert.Equal(1, model.Model.SkippedRows);
    }

    [Fact]
    public void ADenseRowOfTheWrongLengthIsRefusedWithBothSizes()
    {
        var ml = new MLContext(1);
        var rows = Rows();
        rows[5].Features = new[] { 1f, 2f };
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(TestData.ToDataView(ml, rows, 3)));
        Assert.Contains("'Features'", e.Message);
        Assert.Contains("2 values in row 6", e.Message); // rows[5], the sixth: a data view's rows are named from 1
        Assert.Contains("says 3", e.Message);
    }

    [Fact]
    public void TheCoreTrainingSetRefusesNonFiniteFeaturesByName()
    {
        var rows = new List<double[]> { new[] { 1.0, 2.0 }, new[] { 3.0, double.PositiveInfinity } };
        var e = Assert.Throws<ArgumentException>(() => new TrainingSet(DenseMatrix.FromRows(rows), new[] { 0.0, 1.0 }, null, new[] { "a", "b" }));
        Assert.Contains("feature 'b' (column 1) of row 1", e.Message);
        var sparse = Assert.Throws<ArgumentException>(() => new TrainingSet(SparseMatrix.FromDenseRows(new List<double[]> { new[] { 0.0, double.NaN } }, 2), new[] { 1.0 }));
        Assert.Contains("feature 1 of row 0", sparse.Message);
    }

    [Fact]
    public void ReadingChecksCancellation()
    {
        int produced = 0;
        IEnumerable<TestData.Row> Lazy()
        {
            for (int i = 0; i < 200_000; i++)
            {
                produced++;
                yield return new TestData.Row { Label = i % 2 == 0, Features = new[] { i * 1e-5f, 1f, 0f } };
            }
        }
        var ml = new MLContext(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var trainer = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { CancellationToken = cancelled.Token });
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(TestData.ToDataView(ml, Lazy(), 3)));
        Assert.InRange(produced, 0, 4097); // stopped at the first check (the first read of an unknown-length view counts it), not after reading everything
    }

    [Fact]
    public void SeparableDataWithoutAPenaltyIsAWarningInTheLog()
    {
        var ml = new MLContext(1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        ml.BinaryClassification.Trainers.LogReg(l2Regularization: 0).Fit(TestData.BreastCancer(ml));
        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("completely separated") && m.Contains("raise L2Regularization"));
        }
    }

    [Fact]
    public void EigenvaluesOfANonFiniteMatrixAreAClearErrorNotACrash()
    {
        var e = Assert.Throws<ArgumentException>(() => DenseLinearAlgebra.SymmetricEigenvalues(new[] { 1.0, double.NaN, double.NaN, 1.0 }, 2));
        Assert.Contains("non-finite", e.Message);
    }

    [Fact]
    public void ShowTrainingStatisticsOnOneHotColumnsNamesTheDependencyAndUsesTheRank()
    {
        var ml = new MLContext(1);
        var reference = ReferenceData.Get("one_hot");
        var view = LogReg.MLNet.TrainingSetDataView.ToDataView(reference.Dense(), ml);
        var stats = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 0, ShowTrainingStatistics = true, OptimizationTolerance = 1e-10f })
            .FitWithReport(view).Model.Statistics!;
        Assert.Equal(new[] { "psi_yes" }, stats.AliasedCoefficients);
        Assert.Contains(stats.Warnings, w => w.Contains("'psi_yes' = 1·intercept − 1·'psi_no'"));
        Assert.Equal(reference.Json.GetProperty("rank").GetInt32(), stats.ParameterCount);
        Assert.Equal(reference.Json.GetProperty("aic").GetDouble(), stats.Aic, 1e-4);
    }
}
