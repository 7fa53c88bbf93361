using System.Buffers;
using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core.Numerics;

/// <summary>The shared pool as the paths and the dense Gram use it: powers of two up to 16 MB; other lengths are neither served nor taken back.</summary>
public sealed class PooledArrayTests
{
    [Fact]
    public void ArraysUpTo16MBComeFromThePoolAndGoBackToIt()
    {
        var array = PooledArray.Rent<float>(3_000);
        Assert.Equal(4096, array.Length);
        PooledArray.Return(array);
        // The pool hands the array it was last given for that length to the next request on the same thread.
        Assert.Same(array, PooledArray.Rent<float>(4_000));
        var largest = PooledArray.Rent<double>(2 << 20);
        Assert.Equal(2 << 20, largest.Length);
        PooledArray.Return(largest);
        Assert.Same(largest, ArrayPool<double>.Shared.Rent(2 << 20));
    }

    [Fact]
    public void LargerArraysAreExactAndLeftToTheCollector()
    {
        var large = PooledArray.Rent<double>((2 << 20) + 1);
        Assert.Equal((2 << 20) + 1, large.Length);
        var power = new double[4 << 20];
        PooledArray.Return(power);
        var rented = ArrayPool<double>.Shared.Rent(4 << 20);
        Assert.NotSame(power, rented);
    }

    [Fact]
    public void LengthsThePoolDoesNotDealInAreLeftToTheCollector()
    {
        var odd = new double[100];
        PooledArray.Return(odd);
        PooledArray.Return(new double[8]);
        var rented = ArrayPool<double>.Shared.Rent(100);
        ArrayPool<double>.Shared.Return(rented);
        Assert.NotSame(odd, rented);
        Assert.Equal(128, rented.Length);
    }
}
