using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Which form a dense solve takes: the covariance form over up to 1,000 columns no more than the rows; sweeps beyond that
/// which hand the λ over when they crawl — up to 3,000 columns where they are no more than the rows, as beyond the rows
/// — and sweeps alone past both. Over 1,000 correlated columns of more rows, sweeps at the default tolerance crawled for
/// minutes a path (an outside tester's 3,000 × 1,200: over ten).
/// </summary>
public sealed class CrawlCovarianceTests
{
    [Theory]
    [InlineData(500, 3000, false, "Covariance")]
    [InlineData(1000, 3000, false, "Covariance")]
    [InlineData(1200, 3000, false, "SweepsThenCovariance")]
    [InlineData(1200, 3000, true, "Covariance")]
    [InlineData(3000, 3000, false, "SweepsThenCovariance")]
    [InlineData(3001, 5000, true, "Sweeps")]
    [InlineData(1200, 1100, true, "Sweeps")]
    [InlineData(900, 300, false, "SweepsThenCovariance")]
    [InlineData(900, 300, true, "Covariance")]
    public void TheFormFollowsTheColumnsTheRowsAndWhetherSweepsCrawled(int columns, int rows, bool crawled, string expected) =>
        Assert.Equal(expected, StandardizedProblem.FormFor(columns, rows, crawled).ToString());

    // 2,600 rows × 1,100 columns sharing a common factor, every column in the class: late in the path more than 1,000
    // columns are in play.
    private static TrainingSet Data()
    {
        const int n = 2600, d = 1100;
        var rng = new Random(23);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var beta = Enumerable.Range(0, d).Select(_ => 0.04 * Normal()).ToArray();
        var x = new float[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double common = Normal(), score = 0;
            for (int j = 0; j < d; j++)
            {
                double value = 0.5 * common + Normal();
                x[i * d + j] = (float)value;
                score += beta[j] * value;
            }
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-score)) ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(n, d, x), y);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void APathOverMoreThanAThousandColumnsAtTheDefaultToleranceReachesTheOptimum()
    {
        var (path, worst) = BinaryPathObjective.GapToTighter(Data(), new ElasticNetPathOptions());
        Assert.Null(path.UnsettledLambda);
        Assert.True(path.NonZero.Max() > StandardizedProblem.CovarianceColumns, $"at most {path.NonZero.Max()} columns entered");
        Assert.InRange(worst, -1e-12, 1e-9);
    }
}
