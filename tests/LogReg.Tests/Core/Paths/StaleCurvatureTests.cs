using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Steps on a held curvature judged by the rows' weights (<see cref="StaleCurvature"/>): the path they give on many rows per
/// column is closer to a 1e-20 path than the coefficient rule's was, because such a step settles only on a tightened
/// threshold and takes the exact step.
/// </summary>
public sealed class StaleCurvatureTests
{
    [Theory]
    [InlineData(1, 2000, 60)]
    [InlineData(2, 3000, 90)]
    public void APathOnManyRowsOfIndicatorsIsCloserToATightPathThanTheCoefficientRulesWas(int seed, int rows, int columns)
    {
        var data = BinaryIndicatorSet.Of(seed, rows, columns);
        var path = ElasticNetPath.Fit(data);
        var tight = ElasticNetPath.Fit(data, new ElasticNetPathOptions { Tolerance = 1e-20, Lambdas = path.Lambdas.ToArray() });
        Assert.Equal(path.Lambdas.Count, tight.Lambdas.Count);
        double worst = path.DevianceRatio.Zip(tight.DevianceRatio, (a, b) => Math.Abs(a - b)).Max();
        // 8.3e-11 and 3.8e-11 now; the coefficient rule's paths were 1.3e-9 off on both (and 4.8e-9 on mlbench DNA).
        Assert.InRange(worst, 0, 2.5e-10);
    }

    [Fact]
    public void TheChangeIsTheLargestRelativeMoveOfARowsWeightAndInfiniteWhereARowHadNone()
    {
        Assert.Equal(0.5, StaleCurvature.Change([0.2, 0.1, 0], [0.25, 0.15, 0]), 12);
        Assert.Equal(double.PositiveInfinity, StaleCurvature.Change([0.2, 0], [0.2, 1e-300]));
    }

    [Fact]
    public void AStepOnACurvatureMovedByMoreThanItsSettleShareSettlesOnAThresholdTightenedByTheSquareOfTheRatio()
    {
        Assert.Equal(1e-16, StaleCurvature.SettleThreshold(1e-16, 0));
        Assert.Equal(1e-16, StaleCurvature.SettleThreshold(1e-16, 0.02));
        Assert.Equal(1e-18, StaleCurvature.SettleThreshold(1e-16, 0.2), 1e-30);
    }
}
