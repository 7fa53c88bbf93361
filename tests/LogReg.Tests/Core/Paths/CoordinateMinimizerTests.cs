using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The coordinate minimiser given the reciprocal of its curvature (the sparse sweeps form it before the column's sum is
/// done) against the dividing one: the same soft-thresholded value to two roundings (the reciprocal's and the product's),
/// zero within the threshold whatever the curvature, and a vanished curvature reported as the dividing one reports it.
/// </summary>
public sealed class CoordinateMinimizerTests
{
    [Fact]
    public void TheReciprocalFormIsTheSoftThresholdedQuotient()
    {
        double[] gradients = [-3.7, -0.5, -0.1, 0, 0.05, 0.1, 0.30000000000000004, 2.9e-3, 11];
        double[] curvatures = [1e-9, 0.013, 0.25, 1, 7.5];
        foreach (double g in gradients)
        {
            foreach (double curvature in curvatures)
            {
                foreach (var (l1, l2) in new[] { (0.1, 0.0), (0.05, 0.05), (0.0, 0.3), (0.3, 1e-4) })
                {
                    double divided = CoordinateSteps.Minimizer(g, curvature, l1, l2);
                    double multiplied = CoordinateSteps.MinimizerByReciprocal(g, 1 / (curvature + l2), l1);
                    Assert.True(Math.Abs(divided - multiplied) <= 4.5e-16 * Math.Abs(divided), $"g {g}, curvature {curvature}, λα {l1}, λ(1 − α) {l2}: {multiplied} against {divided}");
                    Assert.Equal(Math.Abs(g) <= l1, multiplied == 0);
                    Assert.Equal(Math.Sign(divided), Math.Sign(multiplied));
                }
            }
        }
    }

    [Fact]
    public void WithinTheThresholdNoCurvatureIsNeededAndBeyondItNoneIsAnError()
    {
        Assert.Equal(0, CoordinateSteps.MinimizerByReciprocal(0.05, 1 / 0.0, 0.1));
        Assert.Throws<CoordinateSteps.CurvatureVanishedException>(() => CoordinateSteps.MinimizerByReciprocal(0.5, 1 / 0.0, 0.1));
        Assert.Throws<CoordinateSteps.CurvatureVanishedException>(() => CoordinateSteps.Minimizer(0.5, 0, 0.1, 0));
    }
}
