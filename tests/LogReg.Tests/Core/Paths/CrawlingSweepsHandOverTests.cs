using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Sweeps over the rows (more screened-in columns than rows) that crawl hand the λ over to the covariance form and its
/// exact step. Before, such a path at a tolerance of 1e-20 swept until its Newton steps ran out and ended early — on
/// <see cref="CopiedWideColumnsSet"/> after 43 to 77 λ of 100, in 23–29 s; at 1e-18 an outside tester's set of this kind
/// took 544 s a path.
/// </summary>
public sealed class CrawlingSweepsHandOverTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ATightPathOverCopiedColumnsSolvesEveryLambdaAndNoPointOfTheDefaultPathIsBelowIt(int seed)
    {
        var data = CopiedWideColumnsSet.Of(seed);
        var tight = ElasticNetPath.Fit(data, new ElasticNetPathOptions { Tolerance = 1e-20 });
        Assert.Null(tight.UnsettledLambda);
        Assert.Equal(100, tight.Lambdas.Count);
        var (path, worst) = BinaryPathObjective.GapToTighter(data, new ElasticNetPathOptions());
        Assert.Equal(100, path.Lambdas.Count);
        Assert.InRange(worst, -1e-12, 1e-8);
    }

    // The sparse sweeps crawl there too (their exact step on the support did not end it: 19–40 s a path at 1e-20); once
    // they have, the covariance form takes the columns beyond the rows as it does the dense ones.
    [Fact]
    public void TheSparsePathOverCopiedColumnsIsTheDensePath()
    {
        var dense = CopiedWideColumnsSet.Of(seed: 1);
        var rows = Enumerable.Range(0, dense.RowCount).Select(i =>
        {
            var row = new double[dense.FeatureCount];
            dense.Features.CopyRow(i, row);
            return row;
        }).ToList();
        var sparse = new TrainingSet(SparseMatrix.FromDenseRows(rows, dense.FeatureCount), dense.Labels);
        var options = new ElasticNetPathOptions { Tolerance = 1e-20 };
        var (fromDense, fromSparse) = (ElasticNetPath.Fit(dense, options), ElasticNetPath.Fit(sparse, options));
        Assert.Null(fromSparse.UnsettledLambda);
        Assert.Equal(fromDense.Lambdas.Count, fromSparse.Lambdas.Count);
        for (int k = 0; k < fromDense.Lambdas.Count; k++)
        {
            Assert.Equal(1, fromSparse.Lambdas[k] / fromDense.Lambdas[k], 1e-12);
            Assert.Equal(fromDense.DevianceRatio[k], fromSparse.DevianceRatio[k], 1e-10);
        }
    }
}
