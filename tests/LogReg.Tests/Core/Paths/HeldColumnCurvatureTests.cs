using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The sparse sweeps' held model (<see cref="HeldColumnCurvature"/>): every column it serves has the curvature, cross
/// weight and v·x values its row weights give, across Newton steps and λ; and it is forgotten away from where the last
/// solve ended.
/// </summary>
public sealed class HeldColumnCurvatureTests
{
    // More columns than rows, so the solves sweep (the covariance form takes at most as many columns as rows).
    private static TrainingSet WideSparse(int n, int d, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d)
            .Select(_ => random.NextDouble() < 0.1 ? Math.Round(random.NextDouble() * 12 - 4) / 4 : 0).ToArray()).ToList();
        var labels = rows.Select(r => r[0] - r[1] + r[2] + random.NextDouble() > 0.6 ? 1.0 : 0.0).ToArray();
        return new TrainingSet(SparseMatrix.FromDenseRows(rows, d), labels);
    }

    [Fact]
    public void EveryColumnTheHeldModelServesHasTheEntriesItsWeightsGive()
    {
        var problem = SparseStandardizedProblem.Of(WideSparse(150, 300, seed: 4), standardize: true);
        var held = problem.HeldCurvature!;
        var beta = new double[300];
        double threshold = 1e-8 * problem.NullDeviancePerWeight;
        var some = Enumerable.Range(0, 100).ToArray();
        var all = Enumerable.Range(0, 300).ToArray();
        // A large λ over a third of the columns, then a far smaller one over all of them from where it ended: the second
        // takes the first's model for the columns it had, adds the others, and renews it when the moves grow.
        double intercept = problem.Solve(some, beta, problem.NullIntercept, 0.05, 0.5, threshold, newtonSteps: 100);
        AssertConsistent(problem, held, some);
        intercept = problem.Solve(all, beta, intercept, 0.002, 0.5, threshold, newtonSteps: 100);
        Assert.True(problem.LastSolveSettled);
        AssertConsistent(problem, held, all);
        // From elsewhere: a fresh model.
        beta[7] += 0.5;
        problem.Solve(all, beta, intercept, 0.002, 0.5, threshold, newtonSteps: 100);
        AssertConsistent(problem, held, all);
    }

    private static void AssertConsistent(SparseStandardizedProblem problem, HeldColumnCurvature held, int[] columns)
    {
        var v = held.Weights;
        Assert.Equal(v.Sum(), held.WeightSum, 1e-12);
        var stored = problem.StoredBuffer();
        foreach (int j in columns)
        {
            Assert.True(held.TryGet(j, out double curvature, out double crossWeight), $"column {j} not held");
            double xv = 0, xxv = 0;
            for (int k = problem.ColumnStart[j]; k < problem.ColumnStart[j + 1]; k++)
            {
                double x = problem.ColumnValues[k], vx = v[problem.ColumnRows[k]] * x;
                Assert.Equal(vx, stored[k], 1e-15);
                (xv, xxv) = (xv + vx, xxv + vx * x);
            }
            double mean = problem.Mean(j), scale = problem.Scale(j);
            Assert.Equal(xv, crossWeight, 1e-12);
            Assert.Equal((xxv - 2 * mean * xv + mean * mean * held.WeightSum) / (scale * scale), curvature, 1e-10);
        }
    }

    [Fact]
    public void TheModelServesOnlyWhereTheLastSolveEndedAndWhileItsDriftIsSmall()
    {
        var held = new HeldColumnCurvature(rowCount: 3, featureCount: 4);
        Assert.True(double.IsPositiveInfinity(held.Drift));
        held.Renew([0.25, 0.5, 0.125]);
        Assert.Equal(0.875, held.WeightSum);
        Assert.Equal(0, held.Drift);
        Assert.False(held.TryGet(2, out _, out _));
        held.Set(2, 1.5, -0.5);
        Assert.True(held.TryGet(2, out double curvature, out double cross));
        Assert.Equal((1.5, -0.5), (curvature, cross));
        held.Moved(CoordinateSteps.LargestMove(-0.002, [0.001, -0.003, 0]));
        Assert.Equal(0.003, held.Drift, 1e-18);
        double[] labels = [1, 0, 1], beta = [0, 0.5, 0, -1];
        held.EndedAt(beta, 0.25, labels);
        held.StartAt((double[])beta.Clone(), 0.25, labels);
        Assert.Equal(0.003, held.Drift, 1e-18);
        // Taken once: a second start, even at the same point, is not where a solve ended.
        held.StartAt(beta, 0.25, labels);
        Assert.True(double.IsPositiveInfinity(held.Drift));
        held.Renew([1, 1, 1]);
        Assert.False(held.TryGet(2, out _, out _));
        foreach (var (otherBeta, otherIntercept, otherLabels) in new[] { (new double[] { 0, 0.5, 0, -0.9 }, 0.25, labels), (beta, 0.3, labels), (beta, 0.25, (double[])labels.Clone()) })
        {
            held.Renew([1, 1, 1]);
            held.EndedAt(beta, 0.25, labels);
            held.StartAt(otherBeta, otherIntercept, otherLabels);
            Assert.True(double.IsPositiveInfinity(held.Drift));
        }
    }
}
