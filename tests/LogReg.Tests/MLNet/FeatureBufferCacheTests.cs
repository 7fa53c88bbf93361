using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>The cache is process-wide: these tests run alone (no other test's fit can take or return an array meanwhile).</summary>
[CollectionDefinition(nameof(ProcessWideCacheTests), DisableParallelization = true)]
public sealed class ProcessWideCacheTests
{
}

[Collection(nameof(ProcessWideCacheTests))]
public class FeatureBufferCacheTests
{
    private const int Length = (int)FeatureBufferCache.MinimumLength + 1000;

    [Fact]
    public void AReturnedArrayIsRentedAgainOnlyWhenItsSizeFits()
    {
        var first = FeatureBufferCache.Rent(Length);
        FeatureBufferCache.Return(first);
        Assert.Same(first, FeatureBufferCache.Rent(Length));

        // Taken: the next rent gets a new array.
        Assert.NotSame(first, FeatureBufferCache.Rent(Length));

        FeatureBufferCache.Return(first);
        Assert.NotSame(first, FeatureBufferCache.Rent(Length + 1)); // too small
        FeatureBufferCache.Return(first);
        Assert.NotSame(first, FeatureBufferCache.Rent(Length / 3)); // over twice the length asked for
        FeatureBufferCache.Return(first);
        Assert.Equal(100, FeatureBufferCache.Rent(100).Length); // small arrays are never cached
        GC.KeepAlive(first);
    }

    [Fact]
    public void AFitOnAReusedArrayFullOfStaleValuesGivesTheModelOfAFreshCopy()
    {
        // 11,000 × 100 floats (over the caching size) with a NaN row that the reader skips, so the copy's
        // tail is never written; the rented array is full of NaN and infinities from a "previous fit".
        const int d = 100;
        var rows = TrainingBehaviourTests.SyntheticRows(11_000, d, seed: 21, sparse: false);
        rows[17].Features[3] = float.NaN;
        var ml = new MLContext(seed: 1);
        var view = ml.Data.Cache(TestData.ToDataView(ml, rows, d));
        var options = new LogRegOptions { L2Regularization = 1, NumberOfThreads = 2 };

        var expected = LogisticRegressionTrainer.Train(
            TrainingSetReader.Read(view, "Label", "Features", null).Data, options.ToTrainerOptions(seed: 0, progress: null, log: null)).Model;

        var stale = new float[(rows.Count + 500) * d];
        for (int k = 0; k < stale.Length; k++)
        {
            stale[k] = k % 3 == 0 ? float.NaN : k % 3 == 1 ? float.PositiveInfinity : 1e30f;
        }
        FeatureBufferCache.Return(stale);
        var fitted = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;

        Assert.Equal(rows.Count - 1, fitted.RowCount);
        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Bias), BitConverter.DoubleToInt64Bits(fitted.Bias));
        // The fit used the stale array (and gave it back): its first row now holds the data's first row.
        Assert.Equal(rows[0].Features, stale.AsSpan(0, d).ToArray());
        Assert.Same(stale, FeatureBufferCache.Rent(stale.Length));
    }
}
