using Xunit;

namespace LogReg.Tests.Kit;

/// <summary>The test problems are checked before any optimizer is judged by them.</summary>
public class TestProblemTests
{
    [Fact]
    public void RosenbrockGradientAndHessianMatchFiniteDifferences()
    {
        var f = new RosenbrockProblem();
        foreach (var x in new[] { new[] { -1.2, 1.0 }, new[] { 0.3, -0.7 }, new[] { 1.0, 1.0 } })
        {
            var g = new double[2];
            f.SmoothValueAndGradient(x, g);
            NumericAssert.Close(FiniteDifferences.Gradient(f, x), g, 1e-6, "gradient");
            var v = new[] { 0.6, -0.8 };
            var hv = new double[2];
            f.HessianAt(x).Multiply(v, hv);
            NumericAssert.Close(FiniteDifferences.HessianVector(f, x, v), hv, 1e-5, "H·v");
        }
        Assert.Equal(0.0, f.SmoothValue(new[] { 1.0, 1.0 }));
    }

    [Fact]
    public void QuadraticGradientAndHessianMatchFiniteDifferences()
    {
        var f = new QuadraticProblem(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, -2.0, 0.5 });
        var x = new[] { 0.2, 0.4, -1.5 };
        var g = new double[3];
        f.SmoothValueAndGradient(x, g);
        NumericAssert.Close(FiniteDifferences.Gradient(f, x), g, 1e-7, "gradient");
        var hv = new double[3];
        f.HessianAt(x).Multiply(new[] { 1.0, 1.0, 1.0 }, hv);
        NumericAssert.Close(new[] { 1.0, 2.0, 3.0 }, hv, 1e-12, "H·1");
    }
}
