using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The sparse raw Gram regroups its columns' stored values by row in one of two ways — the rows' own storage filtered
/// (increasing columns holding at least half the stored values) or a counting sort of the column lists — and keeps the
/// last regrouping for the next Gram over the same columns: every way gives the Gram summed from the dense rows, and a
/// kept regrouping gives a fresh problem's Gram bit for bit, whatever was formed in between.
/// </summary>
public sealed class SparseRawGramTests
{
    private const int N = 120, D = 10;

    private static List<double[]> Rows()
    {
        var random = new Random(12);
        return Enumerable.Range(0, N).Select(_ => Enumerable.Range(0, D)
            .Select(_ => random.NextDouble() < 0.4 ? Math.Round(random.NextDouble() * 6 - 1, 3) : 0).ToArray()).ToList();
    }

    private static SparseStandardizedProblem Problem(List<double[]> rows) =>
        SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, D), rows.Select((r, i) => i % 2 == 0 ? 1.0 : 0.0).ToArray()),
            standardize: true);

    private static double[] Weights(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, N).Select(_ => 0.01 + 0.24 * random.NextDouble()).ToArray();
    }

    [Theory]
    // Every column, increasing: the rows' own storage.
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    // Most columns, increasing, with gaps: the rows' storage filtered.
    [InlineData(new[] { 0, 2, 3, 5, 6, 7, 9 })]
    // A few columns: the counting sort.
    [InlineData(new[] { 1, 4, 8 })]
    // Out of order: the counting sort.
    [InlineData(new[] { 9, 0, 5, 3, 7, 1, 6, 2 })]
    public void EveryRegroupingGivesTheGramOfTheDenseRows(int[] columns)
    {
        var rows = Rows();
        var v = Weights(seed: 1);
        var gram = RawGramFixture.Gram(Problem(rows), columns, v);
        int m = columns.Length, stride = m + 1;
        for (int a = 0; a < stride; a++)
        {
            for (int b = a; b < stride; b++)
            {
                double expected = 0;
                for (int i = 0; i < N; i++)
                {
                    double xa = a < m ? rows[i][columns[a]] : 1, xb = b < m ? rows[i][columns[b]] : 1;
                    expected += v[i] * (float)xa * (float)xb;
                }
                Assert.Equal(expected, gram[a * stride + b], 1e-12 * Math.Max(1, Math.Abs(expected)));
            }
        }
    }

    [Fact]
    public void AKeptRegroupingGivesAFreshProblemsGramBitForBit()
    {
        var rows = Rows();
        int[] many = [0, 1, 2, 4, 5, 6, 8, 9], few = [3, 7];
        var problem = Problem(rows);
        RawGramFixture.Gram(problem, many, Weights(seed: 2));
        RawGramFixture.Gram(problem, many, Weights(seed: 3));
        var fromKept = RawGramFixture.Gram(problem, many, Weights(seed: 4));
        RawGramFixture.Gram(problem, few, Weights(seed: 5));
        var afterOthers = RawGramFixture.Gram(problem, many, Weights(seed: 4));
        var fresh = RawGramFixture.Gram(Problem(rows), many, Weights(seed: 4));
        Assert.Equal(fresh, fromKept);
        Assert.Equal(fresh, afterOthers);
    }
}
