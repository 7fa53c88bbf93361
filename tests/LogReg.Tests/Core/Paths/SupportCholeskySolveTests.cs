using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The support's Newton system solved directly, against the system written out densely from the standardised columns:
/// the solution itself where the columns are independent, and a solution (H·d = q) where a nested category's dummies are
/// sums of another's — the collinear one-hot case the direct solve is for, where H is singular and the system consistent.
/// </summary>
public sealed class SupportCholeskySolveTests
{
    private const int Rows = 300;

    // A six-level category (five treatment dummies), optionally a three-level one nested in it (two dummies, each the sum
    // of two of the first's), and a sparse count.
    private static (SparseStandardizedProblem Problem, double[][] Standardized, double[] V) Problem(bool nested)
    {
        var random = new Random(7);
        var rows = new List<double[]>();
        for (int i = 0; i < Rows; i++)
        {
            int level = random.Next(6);
            var row = new List<double>();
            for (int l = 1; l < 6; l++)
            {
                row.Add(level == l ? 1 : 0);
            }
            if (nested)
            {
                row.Add(level / 2 == 1 ? 1 : 0);
                row.Add(level / 2 == 2 ? 1 : 0);
            }
            row.Add(random.NextDouble() < 0.3 ? random.Next(1, 5) : 0);
            rows.Add(row.ToArray());
        }
        int columns = rows[0].Length;
        var labels = rows.Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, columns), labels), standardize: true);
        var standardized = rows.Select(r => Enumerable.Range(0, columns).Select(j => (r[j] - problem.Mean(j)) / problem.Scale(j)).ToArray()).ToArray();
        var v = Enumerable.Range(0, Rows).Select(i => (0.05 + (i % 7) * 0.03) / Rows).ToArray();
        return (problem, standardized, v);
    }

    // (X̃ᵀVX̃ + l2·I | the intercept's row and column)·d, written out row by row.
    private static double[] Multiply(double[][] x, double[] v, double l2, double[] d)
    {
        int k = d.Length - 1;
        var result = new double[k + 1];
        for (int i = 0; i < x.Length; i++)
        {
            double fitted = d[k];
            for (int r = 0; r < k; r++)
            {
                fitted += x[i][r] * d[r];
            }
            for (int r = 0; r < k; r++)
            {
                result[r] += v[i] * x[i][r] * fitted;
            }
            result[k] += v[i] * fitted;
        }
        for (int r = 0; r < k; r++)
        {
            result[r] += l2 * d[r];
        }
        return result;
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.01)]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.01)]
    public void TheSolutionSolvesTheSupportsSystem(bool nested, double l2)
    {
        var (problem, x, v) = Problem(nested);
        int k = x[0].Length;
        var columns = Enumerable.Range(0, k).ToArray();
        // A right-hand side in H's range, so that the singular system (nested, l2 = 0) is consistent as the step's is.
        var random = new Random(3);
        var known = Enumerable.Range(0, k + 1).Select(_ => random.NextDouble() - 0.5).ToArray();
        var q = Multiply(x, v, l2, known);
        var d = SupportCholeskySolve.Solve(problem, columns, columns, v, l2, q);
        Assert.NotNull(d);
        var residual = Multiply(x, v, l2, d).Zip(q, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(residual < 1e-10 * q.Max(Math.Abs), $"largest |Hd − q| {residual:E2}");
        if (!nested || l2 > 0)
        {
            // A non-singular system has one solution.
            for (int r = 0; r <= k; r++)
            {
                Assert.Equal(known[r], d[r], 1e-8);
            }
        }
    }

    [Fact]
    public void TheCostCountsEachRowsPairsAndTheFactorisation()
    {
        var (problem, x, _) = Problem(nested: true);
        int k = x[0].Length;
        var columns = Enumerable.Range(0, k).ToArray();
        double pairs = 0;
        for (int i = 0; i < Rows; i++)
        {
            int c = 0;
            for (int j = 0; j < k; j++)
            {
                c += problem.ColumnRows.AsSpan(problem.ColumnStart[j], problem.ColumnStart[j + 1] - problem.ColumnStart[j]).Contains(i) ? 1 : 0;
            }
            pairs += c * (c + 1) / 2.0;
        }
        Assert.Equal(pairs + Math.Pow(k + 1, 3) / 24, SupportCholeskySolve.Cost(problem, columns, new int[Rows]), 1e-9);
    }

    [Fact]
    public void ARelativePivotDropsAColumnInTheSpanOfThoseBeforeIt()
    {
        // Columns a, b, a + b and c: the third is dependent, its pivot rounding noise rather than 0.
        var random = new Random(1);
        var a = Enumerable.Range(0, 50).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 50).Select(_ => random.NextDouble()).ToArray();
        var c = Enumerable.Range(0, 50).Select(_ => random.NextDouble()).ToArray();
        double[][] columns = [a, b, a.Zip(b, (p, q) => p + q).ToArray(), c];
        var m = new double[16];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                m[i * 4 + j] = columns[i].Zip(columns[j], (p, q) => p * q).Sum();
            }
        }
        var factor = SemidefiniteCholesky.Factor(m, 4, relativePivot: 1e-10);
        Assert.NotNull(factor);
        Assert.Equal(1, factor.DroppedCount);
        double[] known = [0.3, -1.2, 0.7, 2.0];
        var rhs = Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 4).Sum(j => m[i * 4 + j] * known[j])).ToArray();
        var solution = (double[])rhs.Clone();
        factor.Solve(solution);
        Assert.True(Math.Abs(solution[2]) < 1e-12, $"the dependent column's component {solution[2]:E2}");
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(rhs[i], Enumerable.Range(0, 4).Sum(j => m[i * 4 + j] * solution[j]), 1e-9);
        }
    }
}
