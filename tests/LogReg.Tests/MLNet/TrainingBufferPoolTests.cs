using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// The caller-owned pool of the copy's large arrays: reused only at a fitting size, kept for as long as the caller keeps
/// the pool, and a fit on a reused array full of stale values gives the model of a fresh copy. No state outside the pool,
/// so these tests run alongside any other.
/// </summary>
public class TrainingBufferPoolTests
{
    private static readonly int Length = (int)TrainingBufferPool.MinimumLength<float>() + 1000;

    [Fact]
    public void AReturnedArrayIsRentedAgainOnlyWhenItsSizeFitsAndOnlyFromItsOwnPool()
    {
        var pool = new TrainingBufferPool();
        var first = TrainingBufferPool.Rent<float>(pool, Length, out bool reused);
        Assert.False(reused);
        TrainingBufferPool.Return(pool, first);
        Assert.NotSame(first, TrainingBufferPool.Rent<float>(new TrainingBufferPool(), Length, out _)); // another pool
        Assert.NotSame(first, TrainingBufferPool.Rent<float>(null, Length, out _)); // no pool
        Assert.Same(first, TrainingBufferPool.Rent<float>(pool, Length, out reused));
        Assert.True(reused);

        // Taken: the next rent gets a new array.
        Assert.NotSame(first, TrainingBufferPool.Rent<float>(pool, Length, out _));

        TrainingBufferPool.Return(pool, first);
        Assert.NotSame(first, TrainingBufferPool.Rent<float>(pool, Length + 1, out _)); // too small
        TrainingBufferPool.Return(pool, first);
        Assert.NotSame(first, TrainingBufferPool.Rent<float>(pool, Length / 3, out _)); // over twice the length asked for
        TrainingBufferPool.Return(pool, first);
        Assert.Equal(100, TrainingBufferPool.Rent<float>(pool, 100, out _).Length); // small arrays are never pooled
        Assert.Same(first, TrainingBufferPool.Rent<float>(pool, Length, out _)); // … and do not displace the large one
    }

    [Fact]
    public void APoolKeepsItsArrayThroughFullCollectionsAndGoesWithThePool()
    {
        var (pool, array) = PoolWithAFreshArray();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.True(array.TryGetTarget(out var kept));
        Assert.Same(kept, TrainingBufferPool.Rent<float>(pool, Length, out _));
        GC.KeepAlive(pool);
        kept = null;
        var dropped = ArrayOfADroppedPool();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.False(dropped.TryGetTarget(out _));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (TrainingBufferPool Pool, WeakReference<float[]> Array) PoolWithAFreshArray()
    {
        var pool = new TrainingBufferPool();
        var array = new float[Length];
        TrainingBufferPool.Return(pool, array);
        return (pool, new WeakReference<float[]>(array));
    }

    // Not inlined: the array must be reachable from the pool only, and the pool from nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<float[]> ArrayOfADroppedPool() => PoolWithAFreshArray().Array;

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
        var pool = new TrainingBufferPool();
        var options = new LogRegOptions { L2Regularization = 1, NumberOfThreads = 2, BufferPool = pool };

        var expected = LogisticRegressionTrainer.Train(
            TrainingSetReader.Read(view, "Label", "Features", null).Data, options.ToTrainerOptions(seed: 0, progress: null, log: null)).Model;

        var stale = new float[(rows.Count + 500) * d];
        for (int k = 0; k < stale.Length; k++)
        {
            stale[k] = k % 3 == 0 ? float.NaN : k % 3 == 1 ? float.PositiveInfinity : 1e30f;
        }
        TrainingBufferPool.Return(pool, stale);
        var fitted = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;

        Assert.Equal(rows.Count - 1, fitted.RowCount);
        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Bias), BitConverter.DoubleToInt64Bits(fitted.Bias));
        // The fit used the stale array (and gave it back): its first row now holds the data's first row.
        Assert.Equal(rows[0].Features, stale.AsSpan(0, d).ToArray());
        Assert.Same(stale, TrainingBufferPool.Rent<float>(pool, stale.Length, out _));
    }

    [Fact]
    public void ASparseFitOnReusedArraysFullOfStaleIndicesAndValuesGivesTheModelOfFreshArrays()
    {
        // 60,000 rows × 100 with ~20% non-zeros: ~1.2 M stored values, so the growing copy rents its arrays.
        const int d = 100;
        var rows = TrainingBehaviourTests.SyntheticRows(60_000, d, seed: 23, sparse: true);
        var ml = new MLContext(seed: 1);
        var view = ml.Data.Cache(TrainingBehaviourTests.SparseView(ml, rows, d));
        var pool = new TrainingBufferPool();
        var options = new LogRegOptions { L2Regularization = 1, NumberOfThreads = 2, BufferPool = pool };
        var read = TrainingSetReader.Read(view, "Label", "Features", null).Data;
        Assert.True(read.Features.IsSparse);
        var expected = LogisticRegressionTrainer.Train(read, options.ToTrainerOptions(seed: 0, progress: null, log: null)).Model;

        long stored = read.Features.StoredValueCount;
        var staleIndices = Enumerable.Repeat(int.MaxValue, (int)(1.5 * stored)).ToArray();
        var staleValues = Enumerable.Repeat(float.NaN, staleIndices.Length).ToArray();
        TrainingBufferPool.Return(pool, staleIndices);
        TrainingBufferPool.Return(pool, staleValues);
        var fitted = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;

        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Bias), BitConverter.DoubleToInt64Bits(fitted.Bias));
        Assert.NotEqual(int.MaxValue, staleIndices[0]); // the fit wrote its copy into the stale arrays
        Assert.Same(staleIndices, TrainingBufferPool.Rent<int>(pool, staleIndices.Length, out _));
        Assert.Same(staleValues, TrainingBufferPool.Rent<float>(pool, staleValues.Length, out _));
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
        var pool = new TrainingBufferPool();
        var options = new LogRegMulticlassOptions { L2Regularization = 1, NumberOfThreads = 2, BufferPool = pool };
        var expected = SoftmaxRegressionTrainer.Train(
            TrainingSetReader.ReadMulticlass(view, "Label", "Features", null).Data, options.ToTrainerOptions(seed: 0, progress: null, log: null)).Model;

        var stale = Enumerable.Repeat(float.NaN, (n + 500) * d).ToArray();
        TrainingBufferPool.Return(pool, stale);
        var fitted = ml.MulticlassClassification.Trainers.LogReg(options).Fit(view).Model.LogRegDetails()!.Model;

        Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), fitted.Weights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Biases.Select(BitConverter.DoubleToInt64Bits), fitted.Biases.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(rows[0].Features, stale.AsSpan(0, d).ToArray()); // the fit filled the stale array …
        Assert.Same(stale, TrainingBufferPool.Rent<float>(pool, stale.Length, out _)); // … and gave it back
    }
}
