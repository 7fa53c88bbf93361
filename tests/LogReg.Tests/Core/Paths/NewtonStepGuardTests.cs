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
        var rows = Enumerable.Range(0, n).Select(i => { var r = new double[d]; set.Features.CopyRow(i, r); return r; }).ToArray();
        var entries = rows.Select(r => Enumerable.Range(0, d).Where(j => r[j] != 0).ToArray()).ToArray();
        var scales = Enumerable.Range(0, d).Select(j =>
        {
            double mean = rows.Average(r => r[j]);
            return Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
        }).ToArray();
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
                double violation = w[j] != 0 ? Math.Abs(gradient[j] + l1 * Math.Sign(w[j])) : Math.Max(Math.Abs(gradient[j]) - l1, 0);
                worst = Math.Max(worst, violation / lambda);
            }
        }
        output.WriteLine($"largest violation relative to λ: {worst:E2}; non-zero {string.Join(",", path.NonZero)}");
        Assert.True(worst < 1e-6, $"violation {worst:E2}·λ");
    }
}
