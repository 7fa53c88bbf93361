using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial path's rounds over the classes, one unguarded Newton step per class as glmnet takes them, cycled on a
/// wide sparse set (3 classes, one of 11 rows; 448 columns screened in at the second λ, too many for the joint steps): a
/// move of 0.49 every round for 100,000 rounds, then an error. Stalled rounds are now guarded — each class's step halved
/// until the objective falls — and the path reaches every λ's optimum.
/// </summary>
public sealed class GuardedRoundsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void AWideSetWhoseRoundsCycledReachesEveryOptimum(double alpha)
    {
        var data = WideSparseSet.Of(classes: 3);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha, LambdaCount = 15, Tolerance = 1e-12 });
        Assert.Equal(15, path.Lambdas.Count);
        double worst = WideSparseSet.LargestViolation(data, path, alpha);
        output.WriteLine($"largest violation relative to λ: {worst:E2}; non-zero {string.Join(",", path.NonZero)}");
        Assert.True(worst < 1e-5, $"violation {worst:E2}·λ");
    }
}
