using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The check that sends the multinomial rounds on: a screened-in coefficient's optimality condition off by r, with r²
/// above the threshold times its class's mean curvature; met conditions, zeros inside λα, coefficients not screened in
/// and classes with no curvature never do.
/// </summary>
public sealed class ClassResidualCheckTests
{
    private const double Lambda = 0.1, Alpha = 0.5, Threshold = 1e-8;

    // Class 0: β = (0.4, 0, 0) with |g| = λ(α + (1 − α)·0.4) = 0.07 (met), 0.03 ≤ λα = 0.05 (a zero inside), 0.2 (column 2,
    // not screened in). Class 1: β = (0, −0.2, 0) with |g| at its condition, 0.06.
    private static double[][] Beta() => [[0.4, 0, 0], [0, -0.2, 0]];

    private static double[][] Gradients() => [[0.07, 0.03, 0.2], [0.01, 0.06, 0]];

    private static readonly int[][] Screened = [[0, 1], [0, 1]];

    [Fact]
    public void MetConditionsAndZerosInsideTheBarPass()
    {
        Assert.False(ClassResidualCheck.Unfinished(Gradients(), Beta(), Screened, [0.1, 0.1], Lambda, Alpha, Threshold));
    }

    [Theory]
    [InlineData(0, 0, 0.07 + 2e-4)] // a non-zero coefficient's condition off by 2e-4: 4e-8 > 1e-8 × 0.1
    [InlineData(0, 1, 0.05 + 2e-4)] // a zero coefficient past λα by 2e-4
    [InlineData(1, 1, 0.06 - 2e-4)]
    public void AResidualAboveTheThresholdForItsCurvatureIsUnfinished(int k, int j, double gradient)
    {
        var g = Gradients();
        g[k][j] = gradient;
        Assert.True(ClassResidualCheck.Unfinished(g, Beta(), Screened, [0.1, 0.1], Lambda, Alpha, Threshold));
        // The same residual where the class's curvature is 100× larger moves its model too little.
        Assert.False(ClassResidualCheck.Unfinished(g, Beta(), Screened, [10, 10], Lambda, Alpha, Threshold));
    }

    [Fact]
    public void ColumnsNotScreenedInAndClassesWithoutCurvatureAreLeftToTheirOwnChecks()
    {
        var g = Gradients();
        g[0][2] = 5; // column 2 is the KKT check's (ClassScreen.AddViolations), not this one's
        Assert.False(ClassResidualCheck.Unfinished(g, Beta(), Screened, [0.1, 0.1], Lambda, Alpha, Threshold));
        // Every row certain of its class: no curvature, and a zero gradient for a zero coefficient is no residual.
        Assert.False(ClassResidualCheck.Unfinished([[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]], Screened, [0, 0], Lambda, Alpha, Threshold));
    }
}
