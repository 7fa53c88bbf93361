using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The single-precision Gram (<see cref="SingleGramKernel"/>) against the same sums in double: every centred entry within
/// float rounding of its scale — also on columns whose mean is ten thousand times their spread, where raw float sums would
/// cancel to nothing — the same bits from the 512-bit and 256-bit tiles, and from gathered and copied columns.
/// </summary>
public sealed class SingleGramKernelTests
{
    private static float[] Rows(int n, int d, int seed, double mean, double spread)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n * d).Select(_ => (float)(mean + spread * (rng.NextDouble() * 2 - 1))).ToArray();
    }

    private static double[] Weights(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 0.25 / n).ToArray();
    }

    // Σc·(x − μ)(x' − μ') summed in double from the floats, μ the columns' plain means: the reference.
    private static double[,] CentredInDouble(float[] values, int n, int d, double[] c, double[] mean)
    {
        var g = new double[d + 1, d + 1];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a <= d; a++)
            {
                double xa = a < d ? values[i * d + a] - mean[a] : 1;
                for (int b = a; b <= d; b++)
                {
                    g[a, b] += c[i] * xa * (b < d ? values[i * d + b] - mean[b] : 1);
                }
            }
        }
        return g;
    }

    private static double[] Means(float[] values, int n, int d) =>
        Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Average(i => (double)values[i * d + j])).ToArray();

    [Theory]
    [InlineData(1, 1, 0.0)] [InlineData(31, 63, 0.0)] [InlineData(32, 64, 0.0)] [InlineData(33, 65, 0.0)] [InlineData(130, 300, 0.0)]
    [InlineData(40, 200, 1e4)] [InlineData(140, 130, 1e4)]
    public void CentredEntriesAreWithinFloatRoundingOfTheDoubleSums(int d, int n, double mean)
    {
        // Spread 1 about the mean: at 1e4 a float's raw products carry ~1e-3 absolute error against centred sums of ~1,
        // so only sums taken about the shifts can pass.
        var values = Rows(n, d, d * 7 + n, mean, 1);
        var c = Weights(n, d + n);
        var shifts = Means(values, n, d);
        int m = d + 1;
        var raw = new double[m * m];
        SingleGramKernel.AddRawGram(values, d, null, n, shifts, c, raw);
        var expected = CentredInDouble(values, n, d, c, shifts);
        var unit = Enumerable.Repeat(1.0, d).ToArray();
        for (int a = 0; a <= d; a++)
        {
            for (int b = a; b <= d; b++)
            {
                double entry = RawGramCentring.Entry(raw, shifts, unit, a, b);
                double scale = Math.Sqrt(expected[a, a] * expected[b, b]);
                Assert.True(Math.Abs(entry - expected[a, b]) <= 2e-6 * scale,
                    $"d = {d}, n = {n}, mean {mean}: entry ({a}, {b}) {entry:R} against {expected[a, b]:R} (scale {scale:R})");
            }
        }
    }

    [Theory]
    [InlineData(7, 65)] [InlineData(40, 130)] [InlineData(150, 64)]
    public void WideAndNarrowTilesGiveTheSameBits(int d, int n)
    {
        var values = Rows(n, d, d + 3 * n, 2, 3);
        var c = Weights(n, n);
        var shifts = Means(values, n, d);
        int m = d + 1;
        var (wide, narrow) = (new double[m * m], new double[m * m]);
        SingleGramKernel.AddRawGram(values, d, null, n, shifts, c, wide, wide: true);
        SingleGramKernel.AddRawGram(values, d, null, n, shifts, c, narrow, wide: false);
        for (int e = 0; e < m * m; e++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(wide[e]) == BitConverter.DoubleToInt64Bits(narrow[e]),
                $"d = {d}, n = {n}: entry ({e / m}, {e % m}) {wide[e]:R} wide, {narrow[e]:R} narrow (512-bit tiles here: {SoftmaxKernels.WideTilesAvailable})");
        }
    }

    [Fact]
    public void GatheredColumnsAreTheCopiedColumnsBitForBit()
    {
        const int n = 131, d = 60;
        var values = Rows(n, d, 5, -1, 2);
        var c = Weights(n, 9);
        int[] columns = [.. Enumerable.Range(0, d).Where(j => j % 4 != 2).Reverse()];
        int k = columns.Length, m = k + 1;
        var copied = new float[n * k];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < k; a++)
            {
                copied[i * k + a] = values[i * d + columns[a]];
            }
        }
        var shifts = Enumerable.Range(0, k).Select(a => 0.1 * a - 1).ToArray();
        var (fromCopy, gathered) = (new double[m * m], new double[m * m]);
        SingleGramKernel.AddRawGram(copied, k, null, n, shifts, c, fromCopy);
        new DenseMatrix(n, d, values).AddSingleGram(columns, shifts, c, gathered);
        Assert.Equal(fromCopy.Select(BitConverter.DoubleToInt64Bits), gathered.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void RowsBeyondTheWeightsAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SingleGramKernel.AddRawGram(new float[20], 4, null, 5, new double[4], new double[4], new double[25]));
}
