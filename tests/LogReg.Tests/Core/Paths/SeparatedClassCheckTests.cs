using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// λ = 0 of the multinomial path is refused exactly when its minimum does not exist: a class separated from the rest,
/// or classes separated only jointly (three sectors around the origin: no class is separated from the other two, yet
/// each row's class can be put ahead everywhere); not when only some classes are separated from each other.
/// </summary>
public sealed class SeparatedClassCheckTests
{
    // Rows at angles in class k's sector (120° each) at radius 0.5–2; `atOrigin` adds one row of each class at the origin.
    internal static MulticlassTrainingSet Star(bool atOrigin, bool broken)
    {
        var random = new Random(11);
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int i = 0; i < 300; i++)
        {
            int k = i % 3;
            double angle = (k + 0.05 + 0.9 * random.NextDouble()) * 2 * Math.PI / 3, radius = 0.5 + 1.5 * random.NextDouble();
            rows.Add([radius * Math.Cos(angle), radius * Math.Sin(angle)]);
            labels.Add(broken && i == 0 ? 1 : k);
        }
        if (atOrigin)
        {
            for (int k = 0; k < 3; k++)
            {
                rows.Add([0, 0]);
                labels.Add(k);
            }
        }
        return new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels.ToArray(), 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ClassesSeparatedOnlyJointlyAreRefused(bool atOrigin)
    {
        // With the three rows at the origin the separation is quasi-complete: the steps had stopped at a finite point.
        var refusal = Assert.Throws<InvalidOperationException>(() => MultinomialElasticNetPath.Fit(Star(atOrigin, broken: false), new ElasticNetPathOptions { Lambdas = [0] }));
        Assert.Contains("separated jointly", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public void OneRowAcrossASectorBoundaryLeavesAMinimum()
    {
        var data = Star(atOrigin: true, broken: true);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [0], Tolerance = 1e-12 });
        Assert.All(path.Coefficients[0].SelectMany(c => c), c => Assert.True(double.IsFinite(c) && Math.Abs(c) < 1e3, $"coefficient {c}"));
    }

    [Fact]
    public void TwoClassesSeparatedFromEachOtherButNotFromTheThirdLeaveAMinimum()
    {
        // Classes 0 and 1 on either side of x₀ = 0; class 2 spread over both: the likelihood still has a maximum.
        var random = new Random(12);
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int i = 0; i < 300; i++)
        {
            int k = i % 3;
            double x0 = k == 0 ? -0.1 - random.NextDouble() : k == 1 ? 0.1 + random.NextDouble() : 2 * random.NextDouble() - 1;
            rows.Add([x0, random.NextDouble()]);
            labels.Add(k);
        }
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels.ToArray(), 3);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [0], Tolerance = 1e-12 });
        Assert.All(path.Coefficients[0].SelectMany(c => c), c => Assert.True(double.IsFinite(c) && Math.Abs(c) < 1e3, $"coefficient {c}"));
    }
}
