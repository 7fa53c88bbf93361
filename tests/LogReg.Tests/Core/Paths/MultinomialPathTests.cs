using LogReg.Core.Data;
using LogReg.Core.Paths;
using LogReg.Tests.Kit;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial path against glmnet 4.1-6's <c>family = "multinomial"</c> on iris (Reference/glmnet.json, path 10:
/// the lasso, thresh = 1e-14, features rounded to single precision): the same λ sequence and early stop, the same
/// non-zero coefficients per class at every λ, centred intercepts, an objective never above glmnet's; the
/// optimality conditions at every point; dense ≡ sparse.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MultinomialPathTests(ITestOutputHelper output)
{
    [Fact]
    public void ThePathIsGlmnetsMultinomialPath()
    {
        var reference = ReferenceData.File("glmnet").GetProperty("paths")[10];
        var data = SoftmaxData.IrisSet();
        var lambdas = ReferenceData.Numbers(reference.GetProperty("lambda"));
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Tolerance = 1e-16 });
        output.WriteLine($"path lengths: glmnet {lambdas.Length}, ours {path.Lambdas.Count}");
        Assert.Equal(lambdas.Length, path.Lambdas.Count);
        var ratios = ReferenceData.Numbers(reference.GetProperty("dev_ratio"));
        Assert.Equal(reference.GetProperty("null_dev").GetDouble(), path.NullDeviance, 1e-9);
        var objective = new SoftmaxObjective(data, 1.0);
        double worst = 0;
        for (int m = 0; m < lambdas.Length; m++)
        {
            NumericAssert.Relative(lambdas[m], path.Lambdas[m], 1e-12, $"λ[{m}]");
            var intercepts = Enumerable.Range(0, 3).Select(k => reference.GetProperty("intercept")[k][m].GetDouble()).ToArray();
            var expected = Enumerable.Range(0, 3).Select(k => ReferenceData.Numbers(reference.GetProperty("coefficients")[k][m])).ToArray();
            double scale = Math.Max(1, expected.SelectMany(c => c).Select(Math.Abs).Concat(intercepts.Select(Math.Abs)).Max());
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(expected[k].Select(v => Math.Abs(v) > 1e-10 * scale), path.Coefficients[m][k].Select(v => Math.Abs(v) > 1e-10 * scale));
            }
            Assert.Equal(0, path.Intercepts[m].Sum(), 1e-9);
            double ours = objective.At(path.Intercepts[m], path.Coefficients[m], lambdas[m]);
            double theirs = objective.At(intercepts, expected, lambdas[m]);
            if (!(ours < theirs * (1 - 1e-11)))
            {
                Assert.Equal(ratios[m], path.DevianceRatio[m], 1e-6);
            }
            Assert.True(ours <= theirs * (1 + 1e-13), $"λ[{m}]: objective {ours:R} above glmnet's {theirs:R}");
            double here = 0;
            for (int k = 0; k < 3; k++)
            {
                here = Math.Max(here, Math.Abs(path.Intercepts[m][k] - intercepts[k]) / scale);
                here = Math.Max(here, expected[k].Select((v, j) => Math.Abs(path.Coefficients[m][k][j] - v) / scale).Max());
            }
            worst = Math.Max(worst, here);
        }
        output.WriteLine($"largest coefficient difference relative to the largest coefficient: {worst:E2}");
        // glmnet's multinomial points at thresh = 1e-14 sit up to 6.5e-6 from these, each with a higher objective (by up
        // to ~1e-12 relative); at thresh = 1e-20 glmnet stops with "convergence for 42th lambda value not reached".
        Assert.True(worst < 1e-5, $"largest relative difference {worst:E2}");
    }

    [Theory]
    [InlineData(1.0, false, true)]
    [InlineData(0.5, true, true)]
    [InlineData(0.5, false, true)]
    [InlineData(0.0, false, true)]
    [InlineData(1.0, false, false)]
    [InlineData(0.5, true, false)]
    [InlineData(0.0, false, false)]
    public void EveryPointMeetsTheOptimalityConditions(double alpha, bool sparse, bool jointNewton)
    {
        // On the rows and the original scale: a feature wrongly screened out, or a class left unsettled, would leave a
        // subgradient above the tolerance at its λ. Both solvers of a λ: the joint Newton steps and the rounds over the classes.
        var data = SoftmaxData.Set(SoftmaxData.Random(400, 12, 3, seed: 5), sparse: sparse);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha, Tolerance = 1e-16 }, jointNewton);
        var rows = Enumerable.Range(0, data.RowCount).Select(i => { var r = new double[data.FeatureCount]; data.Features.CopyRow(i, r); return r; }).ToArray();
        var scales = Enumerable.Range(0, data.FeatureCount).Select(j =>
        {
            double mean = rows.Average(r => r[j]);
            return Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
        }).ToArray();
        double worst = 0;
        for (int m = alpha == 0 ? 1 : 0; m < path.Lambdas.Count; m++)
        {
            double lambda = path.Lambdas[m];
            var (b, w) = (path.Intercepts[m], path.Coefficients[m]);
            var residual = rows.Select((r, i) =>
            {
                var z = b.Select((bk, k) => bk + r.Select((x, j) => x * w[k][j]).Sum()).ToArray();
                double max = z.Max(), total = z.Sum(v => Math.Exp(v - max));
                return z.Select((v, k) => Math.Exp(v - max) / total - (data.Labels[i] == k ? 1 : 0)).ToArray();
            }).ToArray();
            for (int k = 0; k < 3; k++)
            {
                worst = Math.Max(worst, Math.Abs(residual.Average(r => r[k])) / lambda);
                for (int j = 0; j < data.FeatureCount; j++)
                {
                    double g = rows.Select((r, i) => r[j] * residual[i][k]).Average() + lambda * (1 - alpha) * scales[j] * scales[j] * w[k][j];
                    double l1 = lambda * alpha * scales[j];
                    double violation = w[k][j] != 0 ? Math.Abs(g + l1 * Math.Sign(w[k][j])) : Math.Max(Math.Abs(g) - l1, 0);
                    worst = Math.Max(worst, violation / lambda);
                }
            }
        }
        output.WriteLine($"{path.Lambdas.Count} λ; largest violation relative to λ: {worst:E2}");
        // Measured 2e-6 at the far end of the α = 0.5 path (absolute 2e-10, coefficients near 3 on a nearly separable set).
        Assert.True(worst < 1e-5, $"violation {worst:E2}·λ");
    }

    [Fact]
    public void SparseRowsGiveTheDensePath()
    {
        var rows = SoftmaxData.Random(300, 10, 3, seed: 11);
        var options = new ElasticNetPathOptions { L1Ratio = 0.7, Tolerance = 1e-20 };
        var dense = MultinomialElasticNetPath.Fit(SoftmaxData.Set(rows), options);
        var sparse = MultinomialElasticNetPath.Fit(SoftmaxData.Set(rows, sparse: true), options);
        Assert.Equal(dense.Lambdas.Count, sparse.Lambdas.Count);
        // The two differ only in rounding, but the far end of this path is flat (nearly separated classes): the stopping
        // test at 1e-20 of the deviance pins the coefficients there to a few 1e-9 — measured 4.7e-9 with Math.Exp's
        // exponentials and 1.6e-8 with the vectorised ones (4 ulps), at the 82nd λ of 85.
        for (int m = 0; m < dense.Lambdas.Count; m++)
        {
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(dense.Intercepts[m][k], sparse.Intercepts[m][k], 1e-7);
                for (int j = 0; j < 10; j++)
                {
                    Assert.Equal(dense.Coefficients[m][k][j], sparse.Coefficients[m][k][j], 1e-7);
                }
            }
        }
    }
}
