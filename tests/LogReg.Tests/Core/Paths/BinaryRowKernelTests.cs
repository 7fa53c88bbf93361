using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The binary path's vectorised per-row and per-column kernels against their scalar definitions, bit for bit: the
/// residuals and curvature weights from e^(−|η|), a column's dot product over stored singles (its running sums as
/// vector lanes, eight folded onto four where 512-bit vectors run, any tail) and the sweeps' fused pass giving the same
/// sum, and the dependence-free widening of a single.
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
    public void AColumnsDotIsItsRunningLaneSumsOverTheWidenedSingles()
    {
        var (problem, r) = ColumnsOfEveryLength(3);
        for (int j = 0; j < problem.FeatureCount; j++)
        {
            int from = problem.ColumnStart[j];
            Assert.Equal(LaneSums(problem.ColumnStart[j + 1] - from, k => (double)problem.ColumnValues[from + k] * r[problem.ColumnRows[from + k]]),
                problem.RawDot(j, r));
        }
    }

    [Fact]
    public void TheSweepsFusedColumnPassIsTheDotAndTheWeightedValues()
    {
        var (problem, r) = ColumnsOfEveryLength(5);
        var random = new Random(6);
        var v = Enumerable.Range(0, problem.RowCount).Select(_ => random.NextDouble() * 0.25).ToArray();
        var weighted = new double[problem.ColumnValues.Length];
        for (int j = 0; j < problem.FeatureCount; j++)
        {
            int from = problem.ColumnStart[j], count = problem.ColumnStart[j + 1] - from;
            var (xv, xxv, dot) = SparseCoordinateDescent.WeightedColumn(problem, j, v, weighted, r);
            Assert.Equal(problem.RawDot(j, r), dot);
            double x(int k) => problem.ColumnValues[from + k];
            double vx(int k) => v[problem.ColumnRows[from + k]] * x(k);
            for (int k = 0; k < count; k++)
            {
                Assert.Equal(vx(k), weighted[from + k]);
            }
            // The other two sums are summed in lanes too: equal to rounding.
            double sumVx = Enumerable.Range(0, count).Sum(vx), sumVxx = Enumerable.Range(0, count).Sum(k => vx(k) * x(k));
            Assert.True(Math.Abs(sumVx - xv) <= 1e-14 * Math.Max(1, Math.Abs(sumVx)), $"column {j}: {xv} against {sumVx}");
            Assert.True(Math.Abs(sumVxx - xxv) <= 1e-14 * Math.Max(1, sumVxx), $"column {j}: {xxv} against {sumVxx}");
        }
    }

    // Columns of 0, 3, 6, … 45 stored values (every tail length of the 8- and 4-lane loops), values not representable in
    // fewer bits, and a row-length vector to take their dots with.
    private static (SparseStandardizedProblem Problem, double[] R) ColumnsOfEveryLength(int seed)
    {
        var random = new Random(seed);
        int n = 48, d = 16;
        var rows = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, d).Select(j => i < 3 * j ? (double)(float)(random.NextDouble() * 3 - 1) : 0).ToArray()).ToList();
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, d), Enumerable.Range(0, n).Select(i => i % 2 * 1.0).ToArray()), standardize: false);
        return (problem, Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.3).ToArray());
    }

    // The kernel's order: eight running sums folded onto four (lane l and l + 4) where 512-bit vectors run, four running sums
    // over the next multiple of four, the tail into the first, then (s0 + s1) + (s2 + s3).
    private static double LaneSums(int count, Func<int, double> product)
    {
        var sums = new double[4];
        int k = 0;
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var wide = new double[8];
            for (; k + 8 <= count; k += 8)
            {
                for (int lane = 0; lane < 8; lane++)
                {
                    wide[lane] += product(k + lane);
                }
            }
            for (int lane = 0; lane < 4; lane++)
            {
                sums[lane] = wide[lane] + wide[lane + 4];
            }
        }
        for (; k + 4 <= count; k += 4)
        {
            for (int lane = 0; lane < 4; lane++)
            {
                sums[lane] += product(k + lane);
            }
        }
        for (; k < count; k++)
        {
            sums[0] += product(k);
        }
        return (sums[0] + sums[1]) + (sums[2] + sums[3]);
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
