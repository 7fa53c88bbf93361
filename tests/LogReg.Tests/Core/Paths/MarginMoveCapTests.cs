using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial rounds' trust region: one class step may move a row's margin by at most 10. With more classes than
/// the joint Newton steps take, the rounds' unguarded steps from a cold start at one small λ overshot until the rows were
/// certain — on these 12-class sets with class-specific words every case ended "did not settle" (an outside tester's
/// 20-class text set lost its path the same way at 0.05·λ_max). Shortened to the cap, with the λ's later steps guarded,
/// each reaches its optimum.
/// </summary>
public sealed class MarginMoveCapTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 1e-3)]
    [InlineData(2, 1e-4)]
    [InlineData(3, 1e-6)]
    public void OneSmallLambdaFromAColdStartReachesItsOptimum(int seed, double lambda)
    {
        var data = ClassWordsSet.Of(rows: 300, classes: 12, own: 5, noise: 100, inClass: 0.3, elsewhere: 0.01, seed);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [lambda], Tolerance = 1e-12 });
        Assert.Null(path.UnsettledLambda);
        double worst = WideSparseSet.LargestViolation(data, path, alpha: 1);
        output.WriteLine($"non-zero {path.NonZero[0]}, deviance ratio {path.DevianceRatio[0]:F6}; largest violation relative to λ: {worst:E2}");
        Assert.True(worst < 1e-5, $"violation {worst:E2}·λ");
    }
}
