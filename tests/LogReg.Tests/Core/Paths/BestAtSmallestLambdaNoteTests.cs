using LogReg.Core.Paths;
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
}
