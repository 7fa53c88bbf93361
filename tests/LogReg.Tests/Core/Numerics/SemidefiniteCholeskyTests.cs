using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core.Numerics;

/// <summary>
/// The semidefinite Cholesky factorisation, which forms rows four at a time: on every size around the group's edges (and
/// the vector width's) it solves positive definite systems to rounding, and a column in the span of those before it —
/// inside a group, at a group's first row, in the short last group — is dropped and the consistent part still solved.
/// </summary>
public sealed class SemidefiniteCholeskyTests
{
    // The Gram XXᵀ of n random rows three entries longer than n (positive definite); where `sums` names row i, that row is
    // the sum of the rows it lists instead (and its column of the Gram dependent).
    private static double[] Gram(int n, int seed, IReadOnlyDictionary<int, int[]>? sums = null)
    {
        var random = new Random(seed);
        int width = n + 3;
        var x = new double[n][];
        for (int i = 0; i < n; i++)
        {
            x[i] = sums is not null && sums.TryGetValue(i, out var parts)
                ? Enumerable.Range(0, width).Select(k => parts.Sum(p => x[p][k])).ToArray()
                : Enumerable.Range(0, width).Select(_ => random.NextDouble() - 0.5).ToArray();
        }
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i * n + j] = x[i].Zip(x[j], (a, b) => a * b).Sum();
            }
        }
        return m;
    }

    private static double LargestResidual(double[] m, int n, double[] solution, double[] rhs) =>
        Enumerable.Range(0, n).Max(i => Math.Abs(Enumerable.Range(0, n).Sum(j => m[i * n + j] * solution[j]) - rhs[i]));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(21)]
    [InlineData(37)]
    [InlineData(130)]
    public void PositiveDefiniteSystemsAreSolvedToRounding(int n)
    {
        var m = Gram(n, seed: n);
        var factor = SemidefiniteCholesky.Factor(m, n)!;
        Assert.Equal(0, factor.DroppedCount);
        var rhs = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1)).ToArray();
        var solution = (double[])rhs.Clone();
        factor.Solve(solution);
        // Conditioning of these Grams is modest (three more columns than rows), so 1e-9 is rounding, not luck.
        Assert.True(LargestResidual(m, n, solution, rhs) < 1e-9, $"residual {LargestResidual(m, n, solution, rhs):E2}");
    }

    [Theory]
    [InlineData(11, 6, new[] { 1, 3 })] // inside the second group of four
    [InlineData(11, 8, new[] { 0, 5 })] // at the third group's first row
    [InlineData(11, 10, new[] { 2, 9 })] // in the short last group (rows 8–10)
    [InlineData(21, 13, new[] { 2, 11 })] // inside a group after several full ones
    [InlineData(21, 20, new[] { 7, 19 })] // in the last group, alone (row 20)
    public void AColumnInTheSpanOfEarlierOnesIsDroppedAndTheConsistentPartSolved(int n, int dependent, int[] parts)
    {
        var m = Gram(n, seed: dependent, new Dictionary<int, int[]> { [dependent] = parts });
        var factor = SemidefiniteCholesky.Factor(m, n, relativePivot: 1e-10)!;
        Assert.Equal(1, factor.DroppedCount);
        Assert.True(factor.IsDropped(dependent));
        // A right-hand side in the range (M·z) is solved although M is singular.
        var z = Enumerable.Range(0, n).Select(i => Math.Cos(i)).ToArray();
        var rhs = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => m[i * n + j] * z[j])).ToArray();
        var solution = (double[])rhs.Clone();
        factor.Solve(solution);
        Assert.True(LargestResidual(m, n, solution, rhs) < 1e-9, $"residual {LargestResidual(m, n, solution, rhs):E2}");
    }

    [Theory]
    [InlineData(double.NaN, 6, 2)]
    [InlineData(double.NaN, 9, 8)]
    [InlineData(double.PositiveInfinity, 5, 0)]
    [InlineData(double.NegativeInfinity, 10, 7)]
    public void ANonFiniteEntryOffTheDiagonalGivesNoFactor(double entry, int row, int column)
    {
        // Before, only the diagonal was checked: a NaN off it made its row's pivot NaN, which the drop rule took as a
        // dependent column, and a factor came back whose solutions were silently wrong.
        var m = Gram(11, seed: 9);
        m[row * 11 + column] = m[column * 11 + row] = entry;
        Assert.Null(SemidefiniteCholesky.Factor(m, 11, 1e-10));
    }

    // The active-set systems factor into the arrays of the one they replace: longer, and full of its entries — or of
    // anything: the tiles' last four columns are read eight at a time and masked (NaN there must not reach a sum).
    [Theory]
    [InlineData(7, 1e3)]
    [InlineData(13, 1e3)]
    [InlineData(21, 1e3)]
    [InlineData(21, double.NaN)]
    [InlineData(30, double.PositiveInfinity)]
    public void AFactorIntoUsedStorageSolvesAsAFreshOneBitForBit(int n, double scale)
    {
        var m = Gram(n, seed: 21, new Dictionary<int, int[]> { [n - 2] = [0, 1] });
        var storage = Enumerable.Range(0, (n + 3) * (n + 3)).Select(i => Math.Sin(i) * scale).ToArray();
        var reused = SemidefiniteCholesky.Factor(m, n, 1e-10, storage)!;
        var fresh = SemidefiniteCholesky.Factor(m, n, 1e-10)!;
        Assert.Equal(fresh.DroppedCount, reused.DroppedCount);
        var rhs = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
        var (a, b) = (rhs.ToArray(), rhs.ToArray());
        fresh.Solve(a);
        reused.Solve(b);
        Assert.Equal(a, b);
        Assert.All(a, x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public void StorageShorterThanTheFactorIsRefused() =>
        Assert.Throws<ArgumentException>(() => SemidefiniteCholesky.Factor(Gram(5, seed: 1), 5, storage: new double[24]));
}
