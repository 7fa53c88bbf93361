using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core.Numerics;

/// <summary>
/// The factorisation's tile of sixteen dot products: on every length around the vector widths (8 and 4 entries a step, a
/// masked last four, the scalar rest) each sum is the plain loop's to rounding, and entries past the length — not yet
/// formed in a factorisation, any value — never reach a sum.
/// </summary>
public sealed class CholeskyTileTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(28)]
    public void SumsAreThePlainLoopsAndIgnoreEntriesPastTheLength(int length)
    {
        const int n = 40, a = 30, b = 5;
        var random = new Random(length + 1);
        var l = new double[n * n];
        for (int i = 0; i < l.Length; i++)
        {
            l[i] = i % n < length ? random.NextDouble() - 0.5 : double.NaN;
        }
        var sums = new double[16];
        CholeskyTile.Dots(l, a, b, n, length, sums);
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                double expected = 0;
                for (int k = 0; k < length; k++)
                {
                    expected += l[(a + r) * n + k] * l[(b + c) * n + k];
                }
                Assert.True(Math.Abs(sums[4 * r + c] - expected) <= 1e-14, $"({r}, {c}): {sums[4 * r + c]:R} against {expected:R}");
            }
        }
    }

    [Fact]
    public void RowsPastTheMatrixAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CholeskyTile.Dots(new double[36], 3, 0, 6, 4, new double[16]));
}
