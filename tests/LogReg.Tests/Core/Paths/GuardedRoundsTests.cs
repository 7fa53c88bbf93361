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
        int n = data.RowCount, d = data.FeatureCount;
        var (rows, entries, scales) = WideSparseSet.Dense(data);
        double worst = 0;
        for (int m = 0; m < path.Lambdas.Count; m++)
        {
            double lambda = path.Lambdas[m];
            var (b, w) = (path.Intercepts[m], path.Coefficients[m]);
            // The mean gradient of the deviance/2 on the rows, each feature's by its stored values.
            var gradient = new double[3, d];
            var interceptGradient = new double[3];
            for (int i = 0; i < n; i++)
            {
                var z = Enumerable.Range(0, 3).Select(k => b[k] + entries[i].Sum(j => rows[i][j] * w[k][j])).ToArray();
                double max = z.Max(), total = z.Sum(v => Math.Exp(v - max));
                for (int k = 0; k < 3; k++)
                {
                    double residual = (Math.Exp(z[k] - max) / total - (data.Labels[i] == k ? 1 : 0)) / n;
                    interceptGradient[k] += residual;
                    foreach (int j in entries[i])
                    {
                        gradient[k, j] += rows[i][j] * residual;
                    }
                }
            }
            for (int k = 0; k < 3; k++)
            {
                worst = Math.Max(worst, Math.Abs(interceptGradient[k]) / lambda);
                for (int j = 0; j < d; j++)
                {
                    double g = gradient[k, j] + lambda * (1 - alpha) * scales[j] * scales[j] * w[k][j];
                    double l1 = lambda * alpha * scales[j];
                    worst = Math.Max(worst, WideSparseSet.Violation(g, w[k][j], l1) / lambda);
                }
            }
        }
        output.WriteLine($"largest violation relative to λ: {worst:E2}; non-zero {string.Join(",", path.NonZero)}");
        Assert.True(worst < 1e-5, $"violation {worst:E2}·λ");
    }
}
