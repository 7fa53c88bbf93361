using LogReg.Core.Numerics;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The active-set system after coefficients have left it, solved with the factor of the system they left (a bordered
/// system, not a new factorisation): the same solution as factoring the smaller system afresh, one removal or several,
/// from either end, and after a column the factor had dropped has left; and no answer where it could be wrong — a column
/// dependent on one that left.
/// </summary>
public sealed class ActiveSetRemovalsTests
{
    // The system over `active` (column positions 0..n−1 of a random Gram, the last row standing for the intercept).
    private static ActiveSetStep.ActiveSystem System(int n, int seed, IReadOnlyDictionary<int, int[]>? sums = null)
    {
        var random = new Random(seed);
        var x = new double[n][];
        for (int i = 0; i < n; i++)
        {
            x[i] = sums is not null && sums.TryGetValue(i, out var parts)
                ? Enumerable.Range(0, n + 4).Select(k => parts.Sum(p => x[p][k])).ToArray()
                : Enumerable.Range(0, n + 4).Select(_ => random.NextDouble() - 0.5).ToArray();
        }
        var matrix = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                matrix[i * n + j] = x[i].Zip(x[j], (a, b) => a * b).Sum();
            }
        }
        return new ActiveSetStep.ActiveSystem(Enumerable.Range(0, n - 1).ToArray(), 0, matrix,
            SemidefiniteCholesky.Factor(matrix, n, ActiveSetStep.DependentPivot));
    }

    // The system's rows and columns at `keep` (the intercept's last), factored afresh and solved for `rhs`.
    private static double[] Fresh(ActiveSetStep.ActiveSystem system, int[] keep, double[] rhs)
    {
        int n = system.Active.Length + 1, k = keep.Length;
        var smaller = new double[k * k];
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++)
            {
                smaller[r * k + c] = system.Matrix[keep[r] * n + keep[c]];
            }
        }
        var solution = (double[])rhs.Clone();
        SemidefiniteCholesky.Factor(smaller, k)!.Solve(solution);
        return solution;
    }

    [Fact]
    public void RemovalsOneAtATimeGiveTheSmallerSystemsOwnSolution()
    {
        var system = System(12, seed: 3);
        var removals = new ActiveSetRemovals(system);
        var left = new List<int>();
        foreach (int removed in new[] { 4, 0, 10, 7 })
        {
            left.Add(removed);
            var active = system.Active.Where(a => !left.Contains(a)).ToArray();
            var keep = active.Append(11).ToArray();
            var rhs = keep.Select(r => Math.Sin(r + 1)).ToArray();
            var move = (double[])rhs.Clone();
            Assert.True(removals.TrySolve(active, move, 1e-20));
            var expected = Fresh(system, keep, rhs);
            for (int r = 0; r < keep.Length; r++)
            {
                Assert.Equal(expected[r], move[r], 1e-9);
            }
        }
    }

    [Fact]
    public void AColumnTheFactorDroppedLeavesWithoutABorderAndTheRestLeaveAfterIt()
    {
        // Column 5 is the sum of columns 1 and 2: the factor drops it, and its huge pivot already gives it no move, so it
        // leaves with no column of W (before, it was refused and each such stop factored afresh: 37,000 times on a path of
        // columns duplicated at many scales). Columns 0 and 7 then leave through the border as usual.
        var system = System(9, seed: 4, new Dictionary<int, int[]> { [5] = [1, 2] });
        Assert.True(system.Factor!.IsDropped(5));
        var removals = new ActiveSetRemovals(system);
        var left = new List<int>();
        foreach (int removed in new[] { 5, 0, 7 })
        {
            left.Add(removed);
            var active = system.Active.Where(a => !left.Contains(a)).ToArray();
            var keep = active.Append(8).ToArray();
            var rhs = keep.Select(r => Math.Sin(2 * r + 1)).ToArray();
            var move = (double[])rhs.Clone();
            Assert.True(removals.TrySolve(active, move, 1e-20));
            var expected = Fresh(system, keep, rhs);
            for (int r = 0; r < keep.Length; r++)
            {
                Assert.Equal(expected[r], move[r], 1e-9);
            }
        }
    }

    [Fact]
    public void AColumnDependentOnOneThatLeftIsNotSolvedThroughTheOldFactor()
    {
        // Column 5 is the sum of 1 and 2 (dropped by the factor); once column 2 leaves, 5 is independent of the rest, but the
        // old factor still gives it no move — the residual check refuses that answer rather than return it.
        var system = System(9, seed: 5, new Dictionary<int, int[]> { [5] = [1, 2] });
        var active = system.Active.Where(a => a != 2).ToArray();
        var keep = active.Append(8).ToArray();
        var rhs = keep.Select(r => Math.Cos(r)).ToArray();
        var move = (double[])rhs.Clone();
        Assert.False(new ActiveSetRemovals(system).TrySolve(active, move, 1e-20));
        Assert.Equal(rhs, move);
    }
}
