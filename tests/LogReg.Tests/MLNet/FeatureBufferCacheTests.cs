using System.Runtime.CompilerServices;
using LogReg.Core.Data;
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
    private static readonly int Length = (int)FeatureBufferCache<float>.MinimumLength + 1000;
    private static readonly int DoubleLength = (int)FeatureBufferCache<double>.MinimumLength + 1000;

    [Fact]
    public void AReturnedArrayIsRentedAgainOnlyWhenItsSizeFits()
    {
        var first = FeatureBufferCache<float>.Rent(Length);
        FeatureBufferCache<float>.Return(first);
        Assert.Same(first, FeatureBufferCache<float>.Rent(Length));

        // Taken: the next rent gets a new array.
        Assert.NotSame(first, FeatureBufferCache<float>.Rent(Length));

        FeatureBufferCache<float>.Return(first);
        Assert.NotSame(first, FeatureBufferCache<float>.Rent(Length + 1)); // too small
        FeatureBufferCache<float>.Return(first);
        Assert.NotSame(first, FeatureBufferCache<float>.Rent(Length / 3)); // over twice the length asked for
        FeatureBufferCache<float>.Return(first);
        Assert.Equal(100, FeatureBufferCache<float>.Rent(100).Length); // small arrays are never cached
        GC.KeepAlive(first);
    }

    [Fact]
    public void AReturnedArraySurvivesAFullCollectionWhileItIsHeld()
    {
        var returned = ReturnAFreshArray();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var rented = FeatureBufferCache<double>.Rent(DoubleLength);
        Assert.True(returned.TryGetTarget(out var array));
        Assert.Same(array, rented);
    }

    [Fact]
    public async Task AfterTheHoldTimeAReturnedArrayGoesAtTheNextFullCollection()
    {
        var holdTime = FeatureBufferCache<double>.HoldTime;
        FeatureBufferCache<double>.HoldTime = TimeSpan.FromMilliseconds(20);
        try
        {
            var returned = ReturnAFreshArray();
            // The release runs on the thread pool, which may be busy with other tests: wait up to 10 s for it.
            bool collected = false;
            for (int attempt = 0; attempt < 200 && !collected; attempt++)
            {
                await Task.Delay(50);
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                collected = !returned.TryGetTarget(out _);
            }
            Assert.True(collected);
            Assert.Equal(DoubleLength, FeatureBufferCache<double>.Rent(DoubleLength).Length); // a new array
        }
        finally
        {
            FeatureBufferCache<double>.HoldTime = holdTime;
        }
    }

    // Not inlined: the array must be reachable from the cache only, not from a local of the test. Doubles: no
    // fit uses FeatureBufferCache<double>, so no test running alongside can rent the array meanwhile.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<double[]> ReturnAFreshArray()
    {
        var array = new double[DoubleLength];
        FeatureBufferCache<double>.Return(array);
        return new WeakReference<double[]>(array);
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
        FeatureBufferCache<float>.Return(stale);
        var fitted = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;

        Assert.Equal(rows.Count - 1, fitted.RowCount);
        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Bias), BitConverter.DoubleToInt64Bits(fitted.Bias));
        // The fit used the stale array (and gave it back): its first row now holds the data's first row.
        Assert.Equal(rows[0].Features, stale.AsSpan(0, d).ToArray());
        Assert.Same(stale, FeatureBufferCache<float>.Rent(stale.Length));
    }

    [Fact]
    public void ASparseFitOnReusedArraysFullOfStaleIndicesAndValuesGivesTheModelOfFreshArrays()
    {
        // 60,000 rows × 100 with ~20% non-zeros: ~1.2 M stored values, so the growing copy rents its arrays.
        const int d = 100;
        var rows = TrainingBehaviourTests.SyntheticRows(60_000, d, seed: 23, sparse: true);
        var ml = new MLContext(seed: 1);
        var view = ml.Data.Cache(TrainingBehaviourTests.SparseView(ml, rows, d));
        var options = new LogRegOptions { L2Regularization = 1, NumberOfThreads = 2 };
        var read = TrainingSetReader.Read(view, "Label", "Features", null).Data;
        Assert.True(read.Features.IsSparse);
        var expected = LogisticRegressionTrainer.Train(read, options.ToTrainerOptions(seed: 0, progress: null, log: null)).Model;

        long stored = read.Features.StoredValueCount;
        var staleIndices = Enumerable.Repeat(int.MaxValue, (int)(1.5 * stored)).ToArray();
        var staleValues = Enumerable.Repeat(float.NaN, staleIndices.Length).ToArray();
        FeatureBufferCache<int>.Return(staleIndices);
        FeatureBufferCache<float>.Return(staleValues);
        var fitted = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;

        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Bias), BitConverter.DoubleToInt64Bits(fitted.Bias));
        Assert.NotEqual(int.MaxValue, staleIndices[0]); // the fit wrote its copy into the stale arrays
        Assert.Same(staleIndices, FeatureBufferCache<int>.Rent(staleIndices.Length));
        Assert.Same(staleValues, FeatureBufferCache<float>.Rent(staleValues.Length));
    }

    [Fact]
    public void AMulticlassFitOnAReusedArrayGivesTheModelOfAFreshCopyAndGivesTheArrayBack()
    {
        // 11,000 × 100 floats (over the caching size), three classes.
        const int d = 100, n = 11_000;
        var rows = TrainingBehaviourTests.SyntheticRows(n, d, seed: 29, sparse: false);
        var labels = rows.Select((r, i) => (r.Label ? 1 : 0) + (r.Features[0] > 0.5f ? 1 : 0)).ToArray();
        var set = new MulticlassTrainingSet(new DenseMatrix(n, d, rows.SelectMany(r => r.Features).ToArray()), labels, 3);
        var ml = new MLContext(seed: 1);
        var view = ml.Data.Cache(set.ToDataView(ml));
        var options = new LogRegMulticlassOptions { L2Regularization = 1, NumberOfThreads = 2 };
        var expected = SoftmaxRegressionTrainer.Train(
            TrainingSetReader.ReadMulticlass(view, "Label", "Features", null).Data, options.ToTrainerOptions(seed: 0, progress: null, log: null)).Model;

        var stale = Enumerable.Repeat(float.NaN, (n + 500) * d).ToArray();
        FeatureBufferCache<float>.Return(stale);
        var fitted = ml.MulticlassClassification.Trainers.LogReg(options).Fit(view).Model.LogRegDetails()!.Model;

        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Biases.Select(BitConverter.DoubleToInt64Bits), fitted.Biases.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(rows[0].Features, stale.AsSpan(0, d).ToArray()); // the fit filled the stale array …
        Assert.Same(stale, FeatureBufferCache<float>.Rent(stale.Length)); // … and gave it back
    }
}
