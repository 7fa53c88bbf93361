using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core;

public class StableMathAndLossTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(40.0, 1.0)]
    [InlineData(-40.0, 4.248354255291589e-18)]
    [InlineData(1e4, 1.0)]
    [InlineData(-1e4, 0.0)]
    [InlineData(2.0, 0.8807970779778823)]
    public void SigmoidIsFiniteAndAccurate(double z, double expected)
    {
        double p = StableMath.Sigmoid(z);
        Assert.True(double.IsFinite(p));
        Assert.Equal(expected, p, 1e-15 + 1e-14 * expected);
        StableMath.SigmoidPair(z, out double pp, out double q);
        Assert.Equal(p, pp);
        Assert.Equal(StableMath.Sigmoid(-z), q, 1e-300 + 1e-15 * q);
    }

    [Theory]
    [InlineData(0.0, 0.6931471805599453)]
    [InlineData(-40.0, 4.248354255291589e-18)]
    [InlineData(40.0, 40.0)]
    [InlineData(-1e4, 0.0)]
    [InlineData(1e4, 1e4)]
    [InlineData(1e-10, 0.6931471806099453)]
    [InlineData(-2.0, 0.1269280110429725)]
    [InlineData(20.0, 20.000000002061153)]
    public void Log1PExpIsFiniteAndAccurate(double z, double expected)
    {
        double v = StableMath.Log1PExp(z);
        Assert.True(double.IsFinite(v));
        Assert.Equal(expected, v, 2e-16 * Math.Max(1, Math.Abs(expected)) + 1e-14 * Math.Abs(expected));
        Assert.Equal(-StableMath.Log1PExp(-z), StableMath.LogSigmoid(z));
    }

    [Fact]
    public void Log1PIsAccurateForTinyArguments()
    {
        Assert.Equal(1e-20, StableMath.Log1P(1e-20));
        Assert.Equal(9.9999999995e-11, StableMath.Log1P(1e-10), 1e-24);
        Assert.Equal(Math.Log(2), StableMath.Log1P(1), 1e-16);
    }

    [Theory]
    [InlineData(1.0, -1e4, 1e4)]
    [InlineData(0.0, 1e4, 1e4)]
    [InlineData(1.0, -40.0, 40.0)]
    [InlineData(1.0, 1e4, 0.0)]
    [InlineData(0.0, -1e4, 0.0)]
    public void ConfidentMistakesCostTheirMarginNeverInfinity(double y, double z, double expected)
    {
        var bce = new BinaryCrossEntropyLoss();
        double v = bce.Value(y, z);
        Assert.True(double.IsFinite(v));
        Assert.Equal(expected, v, 1e-12 * Math.Max(1, expected));
        Assert.Equal(v, bce.ValueAndDerivative(y, z, out double d1));
        Assert.True(double.IsFinite(d1));
        // MSE punishes the same mistake by at most 1 (seed 1.7: gently).
        var mse = new SquaredErrorOnSigmoidLoss();
        Assert.InRange(mse.Value(y, z), 0, 1);
        Assert.True(double.IsFinite(mse.Curvature(y, z)));
    }

    [Fact]
    public void SeedTableOfEightOutputsMatchesCrossEntropy()
    {
        // Seed 1.5: predicted ŷ vs label y; BCE = −y·ln ŷ − (1 − y)·ln(1 − ŷ), computed from the margin.
        var table = new[] { (0.3, 0.0), (0.8, 0.0), (0.7, 0.0), (0.4, 0.0), (0.6, 1.0), (0.8, 1.0), (0.9, 1.0), (0.2, 1.0) };
        var bce = new BinaryCrossEntropyLoss();
        foreach (var (p, y) in table)
        {
            double z = Math.Log(p / (1 - p));
            double expected = -y * Math.Log(p) - (1 - y) * Math.Log(1 - p);
            Assert.Equal(expected, bce.Value(y, z), 1e-12);
            Assert.Equal(p - y, bce.Derivative(y, z), 1e-12);
        }
    }

    public static TheoryData<int> LossIds => new() { 0, 1 };

    private static IPointwiseLoss Loss(int id) => id == 0 ? new BinaryCrossEntropyLoss() : new SquaredErrorOnSigmoidLoss();

    [Theory]
    [MemberData(nameof(LossIds))]
    public void DerivativesMatchCentralFiniteDifferences(int id)
    {
        var loss = Loss(id);
        for (double z = -12; z <= 12; z += 0.37)
        {
            foreach (double y in new[] { 0.0, 1.0 })
            {
                const double h = 1e-5;
                double fd1 = (loss.Value(y, z + h) - loss.Value(y, z - h)) / (2 * h);
                double fd2 = (loss.Derivative(y, z + h) - loss.Derivative(y, z - h)) / (2 * h);
                double d1 = loss.Derivative(y, z);
                double d2 = loss.Curvature(y, z);
                Assert.True(Math.Abs(fd1 - d1) <= 1e-6 * Math.Max(Math.Abs(d1), 1e-3), $"ℓ' at y={y}, z={z}: {d1} vs {fd1}");
                Assert.True(Math.Abs(fd2 - d2) <= 1e-6 * Math.Max(Math.Abs(d2), 1e-3), $"ℓ'' at y={y}, z={z}: {d2} vs {fd2}");
                Assert.Equal(loss.Value(y, z), loss.ValueAndDerivative(y, z, out double fused));
                Assert.Equal(d1, fused);
                Assert.True(loss.GaussNewtonCurvature(y, z) >= 0);
            }
        }
    }

    [Fact]
    public void MseCurvatureMatchesTheSeedFormulaAndChangesSign()
    {
        var mse = new SquaredErrorOnSigmoidLoss();
        bool negative = false, positive = false;
        for (double z = -6; z <= 6; z += 0.05)
        {
            foreach (double y in new[] { 0.0, 1.0 })
            {
                double p = StableMath.Sigmoid(z);
                double seed = 2 * p * (1 - p) * (-3 * p * p + 2 * p - y + 2 * y * p); // seed 1.6, with x = 1
                Assert.Equal(seed, mse.Curvature(y, z), 1e-12);
                negative |= seed < 0;
                positive |= seed > 0;
                Assert.True(new BinaryCrossEntropyLoss().Curvature(y, z) >= 0);
            }
        }
        Assert.True(negative && positive, "MSE-on-sigmoid curvature must change sign");
    }

    [Fact]
    public void MseGradientVanishesOnConfidentMistakesWhileBceDoesNot()
    {
        // Seed 1.4: y = 1 but z = −10 (ŷ ≈ 4.5e-5): MSE's gradient is ~1e-4, BCE's is ≈ −1.
        Assert.InRange(Math.Abs(new SquaredErrorOnSigmoidLoss().Derivative(1, -10)), 0, 1e-4);
        Assert.Equal(-1, new BinaryCrossEntropyLoss().Derivative(1, -10), 1e-4);
    }
}
