using LogReg.Core.Paths;
using LogReg.Tests.Kit;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The issue's parity bar, coefficient by coefficient: on three real sets (breast cancer, Pima, Sonar) for α = 1, 0.5 and
/// 0, with the intercept and glmnet's standardisation, every point of our default path — glmnet's λ, its early stop —
/// within 1e-6 of glmnet's coefficients and intercept, relative to the point's largest, with the same active set
/// (Reference/glmnet_tight.json). The lasso and elastic-net references are glmnet solved again at thresh 1e-22 on its own
/// λ: at the issue's 1e-14 glmnet itself is still 1e-5 to 4e-4 from there on breast cancer and Sonar (the script's
/// header), so a comparison with it would measure glmnet's stopping (ElasticNetPathTests compares the objective there).
/// </summary>
[Trait("Category", "Slow")]
public sealed class GlmnetCoefficientTests(ITestOutputHelper output)
{
    public static TheoryData<int> Paths => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Paths))]
    public void EveryPointsCoefficientsAreGlmnetsToOneInAMillion(int index)
    {
        var reference = ReferenceData.File("glmnet_tight").GetProperty("paths")[index];
        var data = ReferenceData.Get(reference.GetProperty("data").GetString()!).Dense();
        double alpha = reference.GetProperty("alpha").GetDouble();
        var lambdas = ReferenceData.Numbers(reference.GetProperty("lambda"));
        var intercepts = ReferenceData.Numbers(reference.GetProperty("intercept"));
        var path = ElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha });
        Assert.Equal(lambdas.Length, path.Lambdas.Count);
        double worst = 0;
        for (int k = 0; k < lambdas.Length; k++)
        {
            NumericAssert.Relative(lambdas[k], path.Lambdas[k], 1e-12, $"λ[{k}]");
            var expected = ReferenceData.Numbers(reference.GetProperty("coefficients")[k]);
            double scale = expected.Select(Math.Abs).Append(Math.Abs(intercepts[k])).Max();
            Assert.Equal(expected.Select(v => Math.Abs(v) > 1e-10 * scale), path.Coefficients[k].Select(v => Math.Abs(v) > 1e-10 * scale));
            double gap = expected.Select((v, j) => Math.Abs(path.Coefficients[k][j] - v)).Append(Math.Abs(path.Intercepts[k] - intercepts[k])).Max() / scale;
            Assert.True(gap <= 1e-6, $"λ[{k}] = {lambdas[k]:G6}: coefficients {gap:E2} from glmnet's, relative to the largest");
            worst = Math.Max(worst, gap);
        }
        output.WriteLine($"{reference.GetProperty("data").GetString()} α = {alpha}: largest difference relative to the point's largest coefficient {worst:E2}");
    }
}
