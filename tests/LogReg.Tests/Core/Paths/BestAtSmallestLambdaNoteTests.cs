using LogReg.Core.Paths;
using LogReg.Tests.Core;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A cross-validation whose best score is at the path's smallest λ says so (its curve may improve below it): the ridge's
/// default sequence, which starts at α = 0.001's λ_max, can end far above the minimum.
/// </summary>
public sealed class BestAtSmallestLambdaNoteTests
{
    [Fact]
    public void ARidgeSequenceEndingAboveTheMinimumIsNamedAndAFullCurveIsNot()
    {
        var data = BinaryIndicatorSet.Of(seed: 4, rows: 300, columns: 20);
        var shortRidge = ElasticNetCrossValidation.Fit(data, new CrossValidationOptions
        {
            FoldCount = 5, Seed = 1, Path = new ElasticNetPathOptions { L1Ratio = 0, LambdaCount = 10, LambdaMinRatio = 0.1 },
        });
        Assert.Equal(shortRidge.Mean.Count - 1, shortRidge.MinimumIndex);
        var note = CrossValidationNote.BestAtSmallestLambda(shortRidge);
        Assert.NotNull(note);
        Assert.Contains("smallest λ", note);
        Assert.Contains("--lambda-min-ratio", note);
        var lasso = ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldCount = 5, Seed = 1 });
        Assert.InRange(lasso.MinimumIndex, 1, lasso.Mean.Count - 2);
        Assert.Null(CrossValidationNote.BestAtSmallestLambda(lasso));
    }

    [Fact]
    public void APathGlmnetsEarlyStopEndedSaysSoInsteadOfAskingForASmallerRatio()
    {
        // A million λ: the first steps from λ_max change the deviance ratio by less than 1e-5, so the path ends at its
        // fifth λ, still improving — a smaller LambdaMinRatio would change nothing (an outside tester's 50,000,000 λ).
        var data = ReferenceData.BreastCancer.Dense();
        var crowded = ElasticNetCrossValidation.Fit(data, new CrossValidationOptions
        {
            FoldCount = 5, Seed = 1, Path = new ElasticNetPathOptions { LambdaCount = 1_000_000 },
        });
        Assert.True(crowded.Path.EndedEarly);
        Assert.Equal(5, crowded.Path.Lambdas.Count);
        Assert.Equal(4, crowded.MinimumIndex);
        var note = CrossValidationNote.BestAtSmallestLambda(crowded);
        Assert.NotNull(note);
        Assert.Contains("where glmnet's early stop ended the path: the deviance explained grew by less than 1e-5", note);
        Assert.DoesNotContain("--lambda-min-ratio", note);
        // The flag is the rule's, not a short path's: Pima's lasso stops at 60 of 100 λ, breast cancer's runs through, and
        // a sequence ended by the multinomial rule says so too.
        Assert.True(ElasticNetPath.Fit(ReferenceData.Get("pima").Dense(), new ElasticNetPathOptions()).EndedEarly);
        Assert.False(ElasticNetPath.Fit(data, new ElasticNetPathOptions()).EndedEarly);
        Assert.False(ElasticNetPath.Fit(data, new ElasticNetPathOptions { LambdaCount = 5 }).EndedEarly);
        var iris = MultinomialElasticNetPath.Fit(SoftmaxData.IrisSet(), new ElasticNetPathOptions { LambdaCount = 20_000 });
        Assert.True(iris.EndedEarly);
        Assert.True(iris.Lambdas.Count < 20_000);
    }
}
