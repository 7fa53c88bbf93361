using System.Buffers;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>The arrays a problem's solves let go: fresh ones from the shared pool (powers of two); each is handed out again, the shortest that is long enough, at most once
/// until it comes back; no more than four are kept, the longest.</summary>
public sealed class MatrixScratchTests
{
    [Fact]
    public void TheShortestArrayLongEnoughIsHandedOutOnce()
    {
        var scratch = new MatrixScratch();
        double[] small = new double[10], middle = new double[50], large = new double[200];
        scratch.Return(large);
        scratch.Return(small);
        scratch.Return(middle);
        Assert.Same(middle, scratch.Rent(40));
        Assert.Same(large, scratch.Rent(40));
        var fresh = scratch.Rent(40);
        Assert.Equal(64, fresh.Length);
        Assert.NotSame(small, fresh);
        Assert.Same(small, scratch.Rent(10));
    }

    [Fact]
    public void FreshArraysComeFromTheSharedPoolAndGoBackWhenTheProblemIsDone()
    {
        var scratch = new MatrixScratch();
        var first = scratch.Rent(37 * 37);
        Assert.Equal(2048, first.Length);
        scratch.Return(first);
        Assert.Same(first, scratch.Rent(38 * 38));
        scratch.Return(first);
        scratch.ReleaseAll();
        // The pool hands the array it was last given for that length to the next request on the same thread.
        var again = ArrayPool<double>.Shared.Rent(2048);
        ArrayPool<double>.Shared.Return(again);
        Assert.Same(first, again);
    }

    [Fact]
    public void AtMostFourAreKeptAndTheShortestIsLetGo()
    {
        var scratch = new MatrixScratch();
        var arrays = Enumerable.Range(1, 5).Select(k => new double[k * 10]).ToArray();
        foreach (var array in arrays)
        {
            scratch.Return(array);
        }
        var handed = Enumerable.Range(0, 5).Select(_ => scratch.Rent(1)).ToArray();
        Assert.Equal(arrays[1..], handed[..4]);
        Assert.DoesNotContain(arrays[0], handed);
        Assert.Equal(16, handed[4].Length);
    }

    [Fact]
    public void ADroppedModelGivesBackItsCurvatureAndRawGram()
    {
        var scratch = new MatrixScratch();
        var gram = new double[16];
        var model = new QuadraticModel(3) { Formed = (gram, new double[5]) };
        scratch.Return(model);
        Assert.Same(model.H, scratch.Rent(9));
        Assert.Same(gram, scratch.Rent(9));
    }

    [Fact]
    public void ADroppedModelHandsItsActiveSetStorageToTheSharedPool()
    {
        // Kept by a dropped model, the storage never came back: every later factorisation of that size allocated afresh.
        var model = new QuadraticModel(3);
        var (_, factor) = model.SystemStorage(3000);
        new MatrixScratch().Return(model);
        Assert.Null(model.Factorisation);
        // The pool hands the arrays it was last given for that length to the next requests on the same thread.
        var again = new[] { ArrayPool<double>.Shared.Rent(3000), ArrayPool<double>.Shared.Rent(3000) };
        foreach (var array in again)
        {
            ArrayPool<double>.Shared.Return(array);
        }
        Assert.Contains(factor, again);
    }
}
