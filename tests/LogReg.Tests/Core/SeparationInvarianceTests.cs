using LogReg.Core.Data;
using LogReg.Core.Separation;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The verdict is a property of the data, not of their order or storage: row and column permutations,
/// thread counts and dense or sparse storage give the same verdict, the same separated rows and (up to the
/// permutation) the same direction.
/// </summary>
public class SeparationInvarianceTests
{
    public static TheoryData<string> Designs() => new() { "housevotes84_blank", "quasi_indicator", "overlapping", "unix_times" };

    [Theory]
    [MemberData(nameof(Designs))]
    public void PermutingRowsAndColumnsChangesNothing(string design)
    {
        var (rows, labels, names) = Make(design);
        var baseline = SeparationCheck.Run(Build(rows, labels, names));
        Assert.True(baseline.Checked, baseline.Reason);
        var rng = new Random(20261202);
        for (int trial = 0; trial < 4; trial++)
        {
            int[] rowOrder = trial == 0 ? Enumerable.Range(0, rows.Length).Reverse().ToArray() : Shuffle(rows.Length, rng);
            int[] columnOrder = trial == 0 ? Enumerable.Range(0, names.Length).ToArray() : Shuffle(names.Length, rng);
            var permuted = Build(
                rowOrder.Select(i => columnOrder.Select(j => rows[i][j]).ToArray()).ToArray(),
                rowOrder.Select(i => labels[i]).ToArray(),
                columnOrder.Select(j => names[j]).ToArray());
            var result = SeparationCheck.Run(permuted);
            Assert.True(result.Checked, result.Reason);
            Assert.Equal(baseline.Separated, result.Separated);
            Assert.Equal(baseline.Complete, result.Complete);
            Assert.Equal(baseline.SeparatedRows, result.SeparatedRows);
            Assert.Equal(baseline.Direction.Keys.OrderBy(k => k), result.Direction.Keys.OrderBy(k => k));
            foreach (var (name, value) in baseline.Direction)
            {
                Assert.Equal(value, result.Direction[name], 6);
            }
            if (result.Separated)
            {
                SeparationAssert.DirectionSeparates(permuted, result);
            }
        }
    }

    [Fact]
    public void TheQuasiIndicatorSetIsQuasiCompletelySeparatedByItsIndicator()
    {
        var (rows, labels, names) = Make("quasi_indicator");
        var data = Build(rows, labels, names);
        var result = SeparationCheck.Run(data);
        Assert.True(result.Separated);
        Assert.False(result.Complete);
        // Every row with z = 0 is negative: those are separated; the rows with z = 1 overlap.
        Assert.Equal(rows.Count(r => r[^1] == 0), result.SeparatedRows);
        Assert.Equal(new[] { "intercept", "z" }, result.Direction.Keys.OrderBy(k => k, StringComparer.Ordinal));
        SeparationAssert.DirectionSeparates(data, result);
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void ThreadsAndSparseStorageGiveTheSameResult(string design)
    {
        var (rows, labels, names) = Make(design);
        var dense = Build(rows, labels, names);
        var one = SeparationCheck.Run(dense, threads: 1);
        var four = SeparationCheck.Run(dense, threads: 4);
        // Same chunks whatever the threads: bit-identical.
        Assert.Equal(one, four with { Direction = one.Direction });
        Assert.Equal(one.Direction, four.Direction);
        var sparse = SeparationCheck.Run(new TrainingSet(SparseMatrix.FromDenseRows(rows, names.Length), labels, null, names));
        Assert.Equal(one.Separated, sparse.Separated);
        Assert.Equal(one.Complete, sparse.Complete);
        Assert.Equal(one.SeparatedRows, sparse.SeparatedRows);
    }

    // housevotes84_blank: R's HouseVotes84 one-hot with a "(blank)" level (complete separation).
    // quasi_indicator: 2,000 × 12, a 0/1 column z whose rows at 0 are all negative (quasi-complete).
    // overlapping: the same without the all-negative rows at z = 0 (the estimate exists).
    // unix_times: 1,000 Unix times, separated at one float step; the scaled column is nearly the intercept column.
    private static (double[][] Rows, double[] Labels, string[] Names) Make(string design)
    {
        if (design is "housevotes84_blank" or "unix_times")
        {
            var reference = ReferenceData.Get(design);
            return (reference.Rows.ToArray(), reference.Labels, reference.FeatureNames);
        }
        var rng = new Random(7);
        int n = 2000, d = 11;
        var weights = Enumerable.Range(0, d).Select(j => Gaussian(rng)).ToArray();
        var rows = new double[n][];
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            var x = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).Append(rng.NextDouble() < 0.3 ? 0.0 : 1.0).ToArray();
            double p = 1 / (1 + Math.Exp(-x.Take(d).Select((v, j) => v * weights[j]).Sum()));
            labels[i] = design == "quasi_indicator" && x[d] == 0 ? 0 : rng.NextDouble() < p ? 1 : 0;
            rows[i] = x;
        }
        return (rows, labels, Enumerable.Range(0, d).Select(j => $"x{j}").Append("z").ToArray());
    }

    private static TrainingSet Build(double[][] rows, double[] labels, string[] names) =>
        new(DenseMatrix.FromRows(rows), labels, null, names);

    private static int[] Shuffle(int count, Random rng) => Enumerable.Range(0, count).OrderBy(_ => rng.Next()).ToArray();

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
