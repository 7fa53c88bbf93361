using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The binary path's vectorised per-row and per-column kernels against their scalar definitions, bit for bit: the
/// residuals and curvature weights from e^(−|η|), a column's dot product over stored singles (its four running sums as
/// vector lanes, any tail), and the dependence-free widening of a single.
/// </summary>
public sealed class BinaryRowKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1003)]
    public void ResidualsAndWeightsAreTheScalarSigmoidPairsOnes(int n)
    {
        var random = new Random(n);
        // Both signs, zero, nearly certain rows, and weights including zero.
        var eta = Enumerable.Range(0, n).Select(i => i % 11 == 0 ? 0 : i % 13 == 0 ? 40 * (random.NextDouble() - 0.5) : 6 * (random.NextDouble() - 0.5)).ToArray();
        var weights = Enumerable.Range(0, n).Select(i => i % 9 == 4 ? 0 : random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        var r = eta.Select(e => Math.Exp(-Math.Abs(e))).ToArray();
        var v = new double[n];
        BinaryRowResiduals.FromExponentials(eta, r, v, weights, labels);
        for (int i = 0; i < n; i++)
        {
            StableMath.SigmoidPair(eta[i], out double p, out double q);
            Assert.Equal(weights[i] * (labels[i] - p), r[i]);
            Assert.Equal(weights[i] * p * q, v[i]);
        }
    }

    [Fact]
    public void AColumnsDotIsItsFourRunningSumsOverTheWidenedSingles()
    {
        // Columns of 0 to 11 stored values (every tail length), values not representable in fewer bits.
        var random = new Random(3);
        int n = 40, d = 12;
        var rows = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, d).Select(j => i < 3 * j ? (double)(float)(random.NextDouble() * 3 - 1) : 0).ToArray()).ToList();
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, d), Enumerable.Range(0, n).Select(i => i % 2 * 1.0).ToArray()), standardize: false);
        var r = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.3).ToArray();
        for (int j = 0; j < d; j++)
        {
            var sums = new double[4];
            int count = 0;
            for (int k = problem.ColumnStart[j]; k < problem.ColumnStart[j + 1]; k++, count++)
            {
                int lane = count < (problem.ColumnStart[j + 1] - problem.ColumnStart[j]) / 4 * 4 ? count % 4 : 0;
                sums[lane] += (double)problem.ColumnValues[k] * r[problem.ColumnRows[k]];
            }
            Assert.Equal((sums[0] + sums[1]) + (sums[2] + sums[3]), problem.RawDot(j, r));
        }
    }

    [Fact]
    public void AWidenedSingleIsItsDouble()
    {
        float[] values = [0f, -0f, 1f, -1.5f, float.Epsilon, -float.Epsilon, 1e-40f, float.MaxValue, float.MinValue, float.PositiveInfinity,
            float.NegativeInfinity, 0.1f, 3.3333333f];
        foreach (float x in values)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(SingleWidening.Widen(x)));
        }
        Assert.True(double.IsNaN(SingleWidening.Widen(float.NaN)));
    }
}
