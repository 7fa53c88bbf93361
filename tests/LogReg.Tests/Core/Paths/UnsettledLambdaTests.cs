using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A λ whose Newton steps run out ends the path there, as glmnet returns "solutions for larger lambdas" when its maxit runs
/// out: the λ before it are the unlimited path's own points, the path names the λ it could not solve, and cross-validation
/// chooses among the solved ones. (Before, the binary path kept the 100th step's point as if solved — how a cycling λ got
/// through — and the multinomial path threw the whole path away.)
/// </summary>
public sealed class UnsettledLambdaTests
{
    [Fact]
    public void TheBinaryPathEndsBeforeTheLambdaItCannotSolve()
    {
        var data = WideDenseSet.Of();
        var options = new ElasticNetPathOptions { LambdaCount = 30, LambdaMinRatio = 1e-5 };
        var full = ElasticNetPath.Fit(data, options);
        // Four steps solve the first λ at the default tolerance, not the third (rows 200 × 500: near separation comes early).
        var capped = ElasticNetPath.Fit(data, options with { MaxNewtonSteps = 4 });
        AssertEndsBefore(full, capped, 2, (path, m) => [path.Intercepts[m], .. path.Coefficients[m]]);
        var cv = ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { Path = options with { MaxNewtonSteps = 4 }, FoldCount = 5, Seed = 1 });
        Assert.Equal(capped.Lambdas.Count, cv.Mean.Count);
        Assert.Equal(capped.UnsettledLambda, cv.Path.UnsettledLambda);
        Assert.InRange(cv.ChosenIndex, 0, capped.Lambdas.Count - 1);
    }

    [Fact]
    public void TheMultinomialPathEndsBeforeTheLambdaItsJointStepsCannotSolve()
    {
        var (rows, labels) = SoftmaxData.Random(300, 7, 3, seed: 23);
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 3);
        var options = new ElasticNetPathOptions { LambdaCount = 40, Tolerance = 1e-14 };
        var full = MultinomialElasticNetPath.Fit(data, options, jointNewton: true);
        var capped = MultinomialElasticNetPath.Fit(data, options with { MaxNewtonSteps = 2 }, jointNewton: true);
        AssertEndsBefore(full, capped, 1, (path, m) => [.. path.Intercepts[m], .. path.Coefficients[m].SelectMany(c => c)]);
    }

    // The capped path is the full one's first points exactly (λ, intercepts, coefficients), and names the λ after them.
    private static void AssertEndsBefore<TPath>(TPath full, TPath capped, int atLeast, Func<TPath, int, double[]> point)
        where TPath : IRegularizationPath
    {
        Assert.Null(full.UnsettledLambda);
        Assert.InRange(capped.Lambdas.Count, atLeast, full.Lambdas.Count - 1);
        Assert.Equal(full.Lambdas[capped.Lambdas.Count], capped.UnsettledLambda);
        for (int m = 0; m < capped.Lambdas.Count; m++)
        {
            Assert.Equal(full.Lambdas[m], capped.Lambdas[m]);
            Assert.Equal(point(full, m), point(capped, m));
        }
    }

    [Fact]
    public void APathWithNoLambdaSolvedIsRefusedInOneLineAndSoIsItsFold()
    {
        // Given λ below λ_max, a cap of one step solves none of them (an outside tester got an empty path, and from
        // cross-validation an index out of range).
        var data = WideDenseSet.Of();
        var lambdas = ElasticNetPath.Fit(data, new ElasticNetPathOptions { LambdaCount = 30, LambdaMinRatio = 1e-5 }).Lambdas.Skip(20).ToArray();
        var capped = new ElasticNetPathOptions { Lambdas = lambdas, MaxNewtonSteps = 1 };
        var refusal = Assert.Throws<InvalidOperationException>(() => ElasticNetPath.Fit(data, capped));
        Assert.StartsWith($"No λ of the path was solved: the first, λ = {lambdas[0]:G6}, did not settle", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
        var (rows, labels) = SoftmaxData.Random(300, 7, 3, seed: 23);
        var softmax = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 3);
        var softmaxLambdas = MultinomialElasticNetPath.Fit(softmax, new ElasticNetPathOptions { LambdaCount = 40 }).Lambdas.Skip(30).ToArray();
        Assert.StartsWith("No λ of the path was solved", Assert.Throws<InvalidOperationException>(() =>
            MultinomialElasticNetPath.Fit(softmax, new ElasticNetPathOptions { Lambdas = softmaxLambdas, MaxNewtonSteps = 1, Tolerance = 1e-14 }, jointNewton: true)).Message);
        // With the default sequence the full path keeps its first point (the null model); a fold that solves nothing says which.
        var cv = Assert.Throws<InvalidOperationException>(() => ElasticNetCrossValidation.Fit(data,
            new CrossValidationOptions { Path = new ElasticNetPathOptions { MaxNewtonSteps = 1 }, FoldCount = 5, Seed = 1 }));
        Assert.Matches("^Cross-validation fold [1-5] of 5 \\(its path on the other folds' rows\\): No λ of the path was solved", cv.Message);
    }

    [Fact]
    public void AStepCapBelowOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ElasticNetPath.Fit(WideDenseSet.Of(), new ElasticNetPathOptions { MaxNewtonSteps = 0 }));
}
