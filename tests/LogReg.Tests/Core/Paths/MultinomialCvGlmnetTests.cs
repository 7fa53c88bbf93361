using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial path's cross-validation against cv.glmnet 4.1-6's <c>family = "multinomial"</c> on iris
/// (Reference/glmnet_multinomial_cv.json, scripts/make_glmnet_multinomial_cv.R; folds fixed at rep(1:10, length.out = n),
/// deviance, λ down to 1e-2·λ_max): the same λ sequence, the curve and its standard errors to 1e-6, the same lambda.min
/// and lambda.1se — with every fold at the full data's λ and, as cv.glmnet does by default, on its own sequence
/// interpolated. Both sides solve to 1e-16 (glmnet's thresh, our Tolerance).
/// </summary>
[Trait("Category", "Slow")]
public sealed class MultinomialCvGlmnetTests(ITestOutputHelper output)
{
    public static TheoryData<int> Curves => new() { 0, 1, 2 };

    [Theory]
    [MemberData(nameof(Curves))]
    public void TheCurveIsCvGlmnets(int index)
    {
        var reference = ReferenceData.File("glmnet_multinomial_cv").GetProperty("cross_validation")[index];
        var cv = ElasticNetCrossValidation.Fit(SoftmaxData.IrisSet(), new CrossValidationOptions
        {
            Path = new ElasticNetPathOptions
            {
                L1Ratio = reference.GetProperty("alpha").GetDouble(),
                LambdaMinRatio = reference.GetProperty("lambda_min_ratio").GetDouble(),
                Tolerance = 1e-16,
            },
            FoldIds = Enumerable.Range(0, 150).Select(i => i % 10).ToArray(),
            Metric = CrossValidationMetric.Deviance,
            Alignment = reference.GetProperty("same_lambdas").GetBoolean() ? FoldAlignment.SameLambdas : FoldAlignment.Interpolated,
        });
        CrossValidationTests.AssertCurveIsCvGlmnets(reference, cv, from: 0, output);
    }
}
