using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The covariance form above the sparse limit only where the sweeps crawl: never before a sweeping solve has been seen,
/// never above the dense limit, and otherwise exactly when that many sweeps over the columns' stored values cost more than
/// their Gram (each row's pairs, counted here row by row) and the factorisation.
/// </summary>
public sealed class SparseCovarianceChoiceTests
{
    private static SparseStandardizedProblem Problem(int rows, int columns)
    {
        var random = new Random(2);
        var dense = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns)
            .Select(_ => random.NextDouble() < 0.05 ? 1.0 + random.Next(3) : 0).ToArray()).ToList();
        var labels = Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? 1.0 : 0.0).ToArray();
        return SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(dense, columns), labels), standardize: true);
    }

    [Fact]
    public void TheCrawlMustCostMoreThanTheGramAndTheFactorisation()
    {
        var problem = Problem(rows: 3000, columns: 500);
        var columns = Enumerable.Range(0, 500).ToArray();
        Assert.False(problem.CovarianceChoice.Pays(columns), "no sweeping solve seen yet");
        double stored = 0, pairs = 0;
        for (int i = 0; i < 3000; i++)
        {
            int c = columns.Count(j => problem.ColumnRows.AsSpan(problem.ColumnStart[j], problem.ColumnStart[j + 1] - problem.ColumnStart[j]).Contains(i));
            stored += c;
            pairs += c * (c + 1) / 2.0;
        }
        double breakEven = (pairs + Math.Pow(501, 3) / 24) / stored;
        problem.CovarianceChoice.SweepsPerStep = breakEven * 0.99;
        Assert.False(problem.CovarianceChoice.Pays(columns));
        problem.CovarianceChoice.SweepsPerStep = breakEven * 1.01;
        Assert.True(problem.CovarianceChoice.Pays(columns));
    }

    [Fact]
    public void NeverAboveTheDenseLimit()
    {
        var problem = Problem(rows: 200, columns: StandardizedProblem.CovarianceColumns + 1);
        problem.CovarianceChoice.SweepsPerStep = 1e12;
        Assert.False(problem.CovarianceChoice.Pays(Enumerable.Range(0, StandardizedProblem.CovarianceColumns + 1).ToArray()));
        Assert.True(problem.CovarianceChoice.Pays(Enumerable.Range(0, StandardizedProblem.CovarianceColumns).ToArray()));
    }
}
