using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>Cross-validation of the multinomial path: deterministic at any thread count, the AUC refused, a one-row class refused.</summary>
[Trait("Category", "Slow")]
public sealed class MultinomialCrossValidationTests
{
    [Fact]
    public void FoldsGiveTheSameCurveAtOneAndTwoThreads()
    {
        var data = SoftmaxData.Set(SoftmaxData.Random(300, 8, 3, seed: 3));
        var options = new CrossValidationOptions { FoldCount = 5, Seed = 7, Path = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 30 } };
        var one = ElasticNetCrossValidation.Fit(data, options with { MaxThreads = 1 });
        var two = ElasticNetCrossValidation.Fit(data, options with { MaxThreads = 2 });
        Assert.Equal(one.Mean, two.Mean);
        Assert.Equal(one.StandardError, two.StandardError);
        Assert.Equal(one.ChosenIndex, two.ChosenIndex);
        // The held-out deviance falls from the null model's before it rises again (or flattens): λ_min is inside the path.
        Assert.True(one.Mean[one.MinimumIndex] < one.Mean[0] - 0.1, $"{one.Mean[one.MinimumIndex]} vs {one.Mean[0]}");
        Assert.True(one.OneStandardErrorIndex <= one.MinimumIndex);
    }

    [Fact]
    public void TheAucIsRefusedForMoreThanTwoClasses()
    {
        var data = SoftmaxData.IrisSet();
        var error = Assert.Throws<ArgumentException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { Metric = CrossValidationMetric.Auc }));
        Assert.Contains("AUC", error.Message);
    }

    [Fact]
    public void AOneRowClassIsRefusedAndAPathWithoutAClassGivesItNoProbability()
    {
        // Class 2 has one row: the fold holding it out would train on two classes and score that row at the deviance's
        // clip at every λ, inflating every standard error; refused, as glmnet refuses a class with fewer than two rows.
        var (rows, labels) = SoftmaxData.Random(120, 4, 2, seed: 9);
        labels[0] = 2;
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 3);
        var error = Assert.Throws<ArgumentException>(() =>
            ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldCount = 4, Seed = 1, Path = new ElasticNetPathOptions { LambdaCount = 20 } }));
        Assert.Contains("holds the only row of class '2'", error.Message);
        // A path on rows without the class (as an ML.NET key type's unused value) gives it no probability.
        var path = MultinomialElasticNetPath.Fit(data.SelectRows(Enumerable.Range(1, 119).ToArray()), new ElasticNetPathOptions { LambdaCount = 10 });
        Assert.All(path.Intercepts, b => Assert.Equal(double.NegativeInfinity, b[2]));
        Assert.All(path.Coefficients, w => Assert.All(w[2], v => Assert.Equal(0, v)));
    }
}
