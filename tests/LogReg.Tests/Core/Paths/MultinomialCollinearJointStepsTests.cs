using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Where the joint Newton steps are chosen by shape (few classes over few columns) and exactly collinear columns leave
/// the lasso's support system singular, the steps could fail to settle and end the path: an outside tester's iris with a
/// copied, a summed, a rescaled and a negated column ended at its 80th λ of 100 (glmnet's default path has 100). Such a
/// λ now goes to the rounds over the classes.
/// </summary>
public sealed class MultinomialCollinearJointStepsTests
{
    [Fact]
    public void ALassoPathOverExactlyCollinearColumnsIsNotCutShortByTheJointSteps()
    {
        var (rows, labels) = SoftmaxData.Iris();
        // x1 … x4, then x1 again, x3 + x4, 10·x2 and −x3 (each stored as a float, as the matrix keeps them).
        var wide = rows.Select(r => new[] { r[0], r[1], r[2], r[3], r[0], r[2] + r[3], 10 * r[1], -r[2] }).ToList();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(wide), labels, 3);
        var path = MultinomialElasticNetPath.Fit(data);
        Assert.Null(path.UnsettledLambda);
        Assert.Equal(100, path.Lambdas.Count);
        Assert.All(path.DevianceRatio, r => Assert.True(double.IsFinite(r)));
    }
}
