using System.Text.Json;
using LogReg.Core.Paths;
using LogReg.Tests.Kit;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Cross-validation against cv.glmnet 4.1-6 (Reference/glmnet.json; folds fixed at rep(1:10, length.out = n)), both its
/// default alignment (folds on their own λ, interpolated) and folds given the full λ: the same λ sequence, the curve and
/// its standard errors to 1e-6, the same lambda.min and lambda.1se; folds and results independent of the thread count.
/// Both sides are solved to 1e-20 (glmnet's thresh, our Tolerance): on nearly separable sets the held-out deviance still
/// moves by 1e-6 between glmnet's thresh 1e-14 and 1e-18, and between our default 1e-16 and 1e-20.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CrossValidationTests(ITestOutputHelper output)
{
    public static TheoryData<int> Curves => new() { 0, 1, 2, 3, 4, 5, 6, 7 };

    [Theory]
    [MemberData(nameof(Curves))]
    public void TheCurveIsCvGlmnets(int index)
    {
        var reference = ReferenceData.File("glmnet").GetProperty("cross_validation")[index];
        var data = ReferenceData.Get(reference.GetProperty("data").GetString()!).Dense();
        var metric = reference.GetProperty("type_measure").GetString() switch
        {
            "deviance" => CrossValidationMetric.Deviance,
            "class" => CrossValidationMetric.Misclassification,
            _ => CrossValidationMetric.Auc,
        };
        var cv = ElasticNetCrossValidation.Fit(data, new CrossValidationOptions
        {
            Path = new ElasticNetPathOptions { L1Ratio = reference.GetProperty("alpha").GetDouble(), Tolerance = 1e-20 },
            FoldIds = Enumerable.Range(0, data.RowCount).Select(i => i % 10).ToArray(),
            Metric = metric,
            Alignment = reference.GetProperty("same_lambdas").GetBoolean() ? FoldAlignment.SameLambdas : FoldAlignment.Interpolated,
        });
        // At λ_max every held-out prediction of a fold ties (the intercept alone): glmnet's weighted AUC breaks ties at
        // random there, so the AUC curve is compared from the second λ.
        AssertCurveIsCvGlmnets(reference, cv, metric == CrossValidationMetric.Auc ? 1 : 0, output);
    }

    /// <summary>
    /// cv.glmnet's curve (<paramref name="reference"/>: lambda, cvm, cvsd, lambda_min, lambda_1se) against <paramref name="cv"/>
    /// from the λ at <paramref name="from"/> on: the same λ to 1e-12, the curve and its standard errors to 1e-6, the same
    /// lambda.min and lambda.1se; the largest differences written to <paramref name="output"/>.
    /// </summary>
    internal static void AssertCurveIsCvGlmnets<TPath>(JsonElement reference, CrossValidatedPath<TPath> cv, int from, ITestOutputHelper output)
        where TPath : IRegularizationPath
    {
        var lambdas = ReferenceData.Numbers(reference.GetProperty("lambda"));
        var mean = ReferenceData.Numbers(reference.GetProperty("cvm"));
        var error = ReferenceData.Numbers(reference.GetProperty("cvsd"));
        Assert.Equal(lambdas.Length, cv.Path.Lambdas.Count);
        double worst = 0, worstError = 0;
        for (int k = from; k < lambdas.Length; k++)
        {
            NumericAssert.Relative(lambdas[k], cv.Path.Lambdas[k], 1e-12, $"λ[{k}]");
            NumericAssert.Relative(mean[k], cv.Mean[k], 1e-6, $"cvm[{k}]");
            NumericAssert.Relative(error[k], cv.StandardError[k], 1e-6, $"cvsd[{k}]");
            worst = Math.Max(worst, Math.Abs(mean[k] - cv.Mean[k]) / Math.Abs(mean[k]));
            worstError = Math.Max(worstError, Math.Abs(error[k] - cv.StandardError[k]) / Math.Abs(error[k]));
        }
        output.WriteLine($"largest relative differences: cvm {worst:E2}, cvsd {worstError:E2}");
        NumericAssert.Relative(reference.GetProperty("lambda_min").GetDouble(), cv.Path.Lambdas[cv.MinimumIndex], 1e-12, "lambda.min");
        NumericAssert.Relative(reference.GetProperty("lambda_1se").GetDouble(), cv.ChosenLambda, 1e-12, "lambda.1se");
    }

    [Fact]
    public void OneAndTwoThreadsGiveTheSameFoldsAndCurve()
    {
        var data = ReferenceData.BreastCancer.Dense();
        var options = new CrossValidationOptions { Path = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 30 }, Seed = 7 };
        var one = ElasticNetCrossValidation.Fit(data, options with { MaxThreads = 1 });
        var two = ElasticNetCrossValidation.Fit(data, options with { MaxThreads = 2 });
        Assert.Equal(one.FoldIds, two.FoldIds);
        Assert.Equal(one.Mean, two.Mean);
        Assert.Equal(one.StandardError, two.StandardError);
        Assert.Equal(one.ChosenIndex, two.ChosenIndex);
    }

    [Fact]
    public void TheAucIsRefusedOnFoldsItCannotScore()
    {
        // Too few rows per fold (cv.glmnet's rule: 10), and a fold of one class, where a fold's AUC is undefined.
        var spector = ReferenceData.Spector.Dense();
        Assert.Contains("at least 10 held-out rows per fold",
            Assert.Throws<ArgumentException>(() => ElasticNetCrossValidation.Fit(spector, new CrossValidationOptions { Metric = CrossValidationMetric.Auc })).Message);
        var data = ReferenceData.BreastCancer.Dense();
        var folds = Enumerable.Range(0, data.RowCount).Select(i => data.Labels[i] == 1 ? 0 : 1 + i % 3).ToArray();
        Assert.Contains("Fold 1 of 4 holds rows of one class only", Assert.Throws<ArgumentException>(() =>
            ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { Metric = CrossValidationMetric.Auc, FoldIds = folds })).Message);
    }

    [Theory]
    [InlineData(CrossValidationMetric.Auc, 0.85, 2.2e-16)]
    [InlineData(CrossValidationMetric.Deviance, 1.2, -4.4e-16)]
    public void MeansAFewUlpsApartAreTiesThatGoToTheLargerLambda(CrossValidationMetric metric, double best, double nudge)
    {
        // cv.glmnet sums in extended precision: an outside tester's AUC curve on Pima tied exactly at three λ in R and came out
        // 2.2e-16 apart here, and the next λ was chosen.
        var path = ElasticNetPath.Fit(ReferenceData.Spector.Dense(), new ElasticNetPathOptions { Lambdas = [0.1, 0.05, 0.02, 0.01] });
        double worse = metric == CrossValidationMetric.Auc ? 0.8 : 1.3;
        double[] curve = [worse, best, best + nudge, worse];
        var scores = new[] { curve, curve };
        var cv = CrossValidationSummary.OverFolds(path, new CrossValidationOptions { Metric = metric }, [0, 1], scores, [1.0, 1.0]);
        Assert.Equal(best + nudge, cv.Mean[2]);
        Assert.Equal(1, cv.MinimumIndex);
        var clear = CrossValidationSummary.OverFolds(path, new CrossValidationOptions { Metric = metric }, [0, 1], [[worse, best, best + 1e6 * nudge, worse], [worse, best, best + 1e6 * nudge, worse]], [1.0, 1.0]);
        Assert.Equal(2, clear.MinimumIndex);
    }

    [Fact]
    public void AMeanOnTheOneStandardErrorBoundByAFewUlpsIsWithinIt()
    {
        // An outside tester's AUC curve on 40 Ionosphere rows: 94/96 = 95/96 − 1/96 exactly in R, 1.1e-16 outside the bound here,
        // so lambda.1se was the 43rd λ where cv.glmnet's is the 31st.
        var path = ElasticNetPath.Fit(ReferenceData.Spector.Dense(), new ElasticNetPathOptions { Lambdas = [0.1, 0.05, 0.02, 0.01] });
        double onBound = 0.8 - 2.2e-16;
        double[] first = [0.5, onBound, 0.85, 1.0], second = [0.5, onBound, 0.85, 0.8];
        var cv = CrossValidationSummary.OverFolds(path, new CrossValidationOptions { Metric = CrossValidationMetric.Auc }, [0, 1], [first, second], [1.0, 1.0]);
        Assert.Equal(3, cv.MinimumIndex);
        Assert.Equal(0.1, cv.StandardError[3], 15);
        var expectedBound = cv.Mean[3] - cv.StandardError[3];
        Assert.True(cv.Mean[1] < expectedBound, $"{cv.Mean[1]:R} against {expectedBound:R}");
        Assert.Equal(1, cv.OneStandardErrorIndex);
    }

    [Fact]
    public void StratifiedFoldsHoldEachClassInProportionAndGroupsStayTogether()
    {
        var classes = Enumerable.Range(0, 103).Select(i => i % 4 == 0 ? 1 : 0).ToArray();
        var folds = FoldAssignment.Stratified(classes, 10, seed: 3);
        for (int f = 0; f < 10; f++)
        {
            var members = Enumerable.Range(0, classes.Length).Where(i => folds[i] == f).ToArray();
            Assert.InRange(members.Length, 10, 11);
            Assert.InRange(members.Count(i => classes[i] == 1), 2, 3);
        }
        var groups = Enumerable.Range(0, 103).Select(i => $"g{i / 4}").ToArray();
        var grouped = FoldAssignment.ByGroup(groups, 5, seed: 3);
        Assert.All(groups.Select((g, i) => (g, i)).GroupBy(p => p.g), g => Assert.Single(g.Select(p => grouped[p.i]).Distinct()));
        Assert.Equal(5, grouped.Distinct().Count());
    }
}
