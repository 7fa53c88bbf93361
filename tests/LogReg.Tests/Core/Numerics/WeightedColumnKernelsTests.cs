using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core.Numerics;

/// <summary>
/// The naive sweeps' kernels over a column and the rows' curvature weights: on lengths around the vector widths a
/// column's curvature Σ vᵢxᵢ² is the plain loop's to rounding, and the residual move ρᵢ −= vᵢ·xᵢ·δ is the plain loop's bit
/// for bit (the same operations on each entry).
/// </summary>
public sealed class WeightedColumnKernelsTests
{
    private static (double[] V, double[] X, double[] Rho) Rows(int n, int seed)
    {
        var random = new Random(seed);
        double[] Draw() => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 0.5).ToArray();
        return (Draw(), Draw(), Draw());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void TheCurvatureIsThePlainSum(int n)
    {
        var (v, x, _) = Rows(n, seed: n);
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            expected += v[i] * x[i] * x[i];
        }
        Assert.Equal(expected, VectorKernels.WeightedSquares(v, x), 1e-13);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(101)]
    public void TheResidualMoveIsThePlainLoopBitForBit(int n)
    {
        var (v, x, rho) = Rows(n, seed: 100 + n);
        var expected = (double[])rho.Clone();
        const double delta = -0.3711;
        for (int i = 0; i < n; i++)
        {
            expected[i] -= v[i] * x[i] * delta;
        }
        VectorKernels.SubtractWeighted(v, x, delta, rho);
        Assert.Equal(expected, rho);
    }

    [Fact]
    public void ShortWeightsAreRefused() =>
        Assert.Throws<ArgumentException>(() => VectorKernels.WeightedSquares(new double[3], new double[4]));
}
