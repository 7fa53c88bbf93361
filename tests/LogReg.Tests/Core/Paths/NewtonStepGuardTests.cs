using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The binary path's Newton steps on far more columns than rows: on the wide sparse set at a 10-λ grid, full steps cycled
/// between two points for all 100 steps at the third λ and then ran every row to certainty at the fourth (the error "no
/// curvature left"). Steps past the tenth of a λ are now guarded to descend; the path completes and every point meets
/// its optimality conditions.
/// </summary>
public sealed class NewtonStepGuardTests(ITestOutputHelper output)
{
    [Fact]
    public void ACoarseGridOnWideRowsReachesEveryOptimum()
    {
        var set = WideSparseSet.Of(classes: 2);
        var labels = set.Labels.Select(y => (double)y).ToArray();
        var path = ElasticNetPath.Fit(new TrainingSet(set.Features, labels), new ElasticNetPathOptions { LambdaCount = 10 });
        Assert.Equal(10, path.Lambdas.Count);
        int n = set.RowCount, d = set.FeatureCount;
        var (rows, entries, scales) = WideSparseSet.Dense(set);
        double worst = 0;
        for (int m = 0; m < path.Lambdas.Count; m++)
        {
            double lambda = path.Lambdas[m], b = path.Intercepts[m];
            var w = path.Coefficients[m];
            var gradient = new double[d];
            double interceptGradient = 0;
            for (int i = 0; i < n; i++)
            {
                double z = b + entries[i].Sum(j => rows[i][j] * w[j]);
                double residual = (1 / (1 + Math.Exp(-z)) - labels[i]) / n;
                interceptGradient += residual;
                foreach (int j in entries[i])
                {
                    gradient[j] += rows[i][j] * residual;
                }
            }
            worst = Math.Max(worst, Math.Abs(interceptGradient) / lambda);
            for (int j = 0; j < d; j++)
            {
                double l1 = lambda * scales[j];
                worst = Math.Max(worst, WideSparseSet.Violation(gradient[j], w[j], l1) / lambda);
            }
        }
        output.WriteLine($"largest violation relative to λ: {worst:E2}; non-zero {string.Join(",", path.NonZero)}");
        Assert.True(worst < 1e-6, $"violation {worst:E2}·λ");
    }
}
