using LogReg.Core.Data;
using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The dense block kernels (AVX-512, AVX2 or scalar, whichever this machine runs) against plain
/// double-precision loops over the same float rows, across widths around the vector sizes and block
/// lengths around the panel size.
/// </summary>
public class DenseKernelTests
{
    private static DenseMatrix Random(int n, int d, int seed, out float[] values)
    {
        var rng = new Random(seed);
        values = new float[n * d];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(rng.NextDouble() * 4 - 2);
        }
        return new DenseMatrix(n, d, values);
    }

    [Theory]
    [InlineData(1, 1)] [InlineData(7, 3)] [InlineData(8, 64)] [InlineData(9, 65)] [InlineData(17, 5)] [InlineData(31, 130)] [InlineData(100, 67)]
    public void BlockProductsMatchPlainLoops(int d, int n)
    {
        var x = Random(n, d, d * 1000 + n, out var v);
        var rng = new Random(5);
        var w = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        for (int start = 0; start < n; start += 64)
        {
            int count = Math.Min(64, n - start);
            var z = new double[count];
            x.MultiplyRows(start, count, w, 0.25, z);
            var g = new double[d];
            x.AddTransposeRows(start, count, c.AsSpan(start, count), g);
            var gExpected = new double[d];
            for (int k = 0; k < count; k++)
            {
                double zk = 0.25;
                for (int j = 0; j < d; j++)
                {
                    zk += v[(start + k) * d + j] * w[j];
                    gExpected[j] += c[start + k] * v[(start + k) * d + j];
                }
                Assert.Equal(zk, z[k], 1e-12);
            }
            for (int j = 0; j < d; j++)
            {
                Assert.Equal(gExpected[j], g[j], 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(1, 1)] [InlineData(3, 63)] [InlineData(7, 64)] [InlineData(8, 65)] [InlineData(30, 455)] [InlineData(33, 129)]
    public void WeightedGramMatchesRowByRowOuterProducts(int d, int n)
    {
        var x = Random(n, d, d + 7 * n, out _);
        var rng = new Random(11);
        // Negative weights too: squared error on the sigmoid has negative curvature.
        var c = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.3).ToArray();
        int m = d + 1;
        var blocked = new double[m * m];
        x.AddWeightedGram(1, n - 1, c.AsSpan(1), blocked);
        var expected = new double[m * m];
        var scratch = new double[m];
        for (int i = 1; i < n; i++)
        {
            x.AddWeightedOuterProduct(i, c[i], expected, scratch);
        }
        for (int j = 0; j < m; j++)
        {
            for (int l = j; l < m; l++)
            {
                Assert.Equal(expected[j * m + l], blocked[j * m + l], 1e-11);
            }
            for (int l = 0; l < j; l++)
            {
                Assert.Equal(0.0, blocked[j * m + l]); // the lower triangle is left alone
            }
        }
    }

    [Theory]
    [InlineData(1, 1)] [InlineData(7, 64)] [InlineData(8, 65)] [InlineData(15, 130)] [InlineData(16, 7)] [InlineData(33, 129)]
    public void WeightedGramInWideTilesIsTheNarrowOneBitForBit(int d, int n)
    {
        // On machines with AVX-512 the 8 × 8 tiles of 512-bit vectors run; each entry must be the same chain of fused
        // multiply-adds as in the 4 × 8 tiles of 256-bit vectors (elsewhere both calls take the narrow tiles).
        var rng = new Random(d * 1000 + n);
        var values = Enumerable.Range(0, n * d).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.3).ToArray();
        int m = d + 1;
        var wide = new double[m * m];
        var narrow = new double[m * m];
        DenseGramKernel.AddWeightedGram(values, d, 0, n, c, wide, wide: true);
        DenseGramKernel.AddWeightedGram(values, d, 0, n, c, narrow, wide: false);
        for (int e = 0; e < m * m; e++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(wide[e]) == BitConverter.DoubleToInt64Bits(narrow[e]),
                $"d = {d}, n = {n}: entry ({e / m}, {e % m}) {wide[e]:R} wide, {narrow[e]:R} narrow (512-bit tiles here: {SoftmaxKernels.WideTilesAvailable})");
        }
    }

    [Theory]
    [InlineData(16, 130)] [InlineData(9, 64)] [InlineData(40, 65)]
    public void AGramGatheredFromTheRowsIsTheCopiedColumnsGramBitForBit(int d, int n)
    {
        // The multinomial path's classes each screen their own columns: their Gram is gathered from the full rows as each
        // panel is widened, instead of copying the columns first. The same values in the same order: the same bits.
        var x = Random(n, d, d * 31 + n, out var values);
        var rng = new Random(d + n);
        var c = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.3).ToArray();
        int[] columns = [.. Enumerable.Range(0, d).Where(j => j % 3 != 1).Reverse()];
        int m = columns.Length + 1;
        var copied = new float[n * columns.Length];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < columns.Length; a++)
            {
                copied[i * columns.Length + a] = values[i * d + columns[a]];
            }
        }
        var expected = new double[m * m];
        DenseGramKernel.AddWeightedGram(copied, columns.Length, 0, n, c, expected);
        var gathered = new double[m * m];
        x.AddWeightedGram(columns, c, gathered);
        for (int e = 0; e < m * m; e++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[e]) == BitConverter.DoubleToInt64Bits(gathered[e]),
                $"d = {d}, n = {n}: entry ({e / m}, {e % m}) {gathered[e]:R} gathered, {expected[e]:R} copied");
        }
    }
}
