using LogReg.Core.Penalties;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The elastic-net penalty: the one place L1 and L2 are written, so each rule is checked here.</summary>
public class PenaltyTests
{
    // θ = (w₀, w₁, w₂, b): three penalised weights and an unpenalised bias.
    private static readonly ElasticNetPenalty Penalty = new(l2: 0.8, l1: 0.5, penalizedCount: 3);

    [Fact]
    public void ValueIsHalfL2SquaredNormPlusL1NormOfTheWeightsOnly()
    {
        var theta = new[] { 1.0, -2.0, 0.0, 100.0 };
        Assert.Equal(0.5 * 0.8 * 5, Penalty.SmoothValue(theta), 15);
        Assert.Equal(0.5 * 3, Penalty.L1Value(theta), 15);
        Assert.Equal(2.0 + 1.5, Penalty.Value(theta), 15);
        Assert.Equal(0, ElasticNetPenalty.None.Value(theta));
    }

    [Fact]
    public void SmoothGradientAndCurvatureMatchTheValue()
    {
        var theta = new[] { 0.3, -1.1, 2.0, 5.0 };
        var gradient = new double[4];
        Penalty.AddSmoothGradient(theta, gradient);
        for (int j = 0; j < 4; j++)
        {
            const double h = 1e-6;
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            NumericAssert.Close((Penalty.SmoothValue(plus) - Penalty.SmoothValue(minus)) / (2 * h), gradient[j], 1e-8, $"∂R/∂θ{j}");
        }
        var hv = new double[4];
        Penalty.AddSmoothCurvature(new[] { 1.0, 1.0, 1.0, 1.0 }, hv);
        Assert.Equal(new[] { 0.8, 0.8, 0.8, 0.0 }, hv);
        var dense = new double[16];
        Penalty.AddSmoothCurvatureToDense(dense, 4);
        Assert.Equal(new[] { 0.8, 0.8, 0.8, 0.0 }, Enumerable.Range(0, 4).Select(j => dense[j * 4 + j]));
    }

    [Fact]
    public void SoftThresholdIsTheClosedFormProximalStep()
    {
        // prox of t·L1·|w|: sign(w)·max(0, |w| − t·L1); with t = 2 the shrink is 1.
        var point = new[] { 3.0, -0.4, -2.5, 7.0 };
        Penalty.SoftThreshold(point, 2.0);
        Assert.Equal(new[] { 2.0, 0.0, -1.5, 7.0 }, point);
    }

    [Fact]
    public void PseudoGradientIsTheMinimumNormSubgradient()
    {
        var theta = new[] { 1.0, -1.0, 0.0, 0.0 };
        var pg = new double[4];
        Penalty.PseudoGradient(theta, new[] { 0.2, 0.2, 0.3, 0.3 }, pg);
        // w > 0: g + L1; w < 0: g − L1; w = 0 with |g| ≤ L1: 0 (optimal along it); bias: g.
        Assert.Equal(new[] { 0.7, -0.3, 0.0, 0.3 }, pg, new Tolerance(1e-15));
        Penalty.PseudoGradient(theta, new[] { 0.0, 0.0, -0.9, 0.0 }, pg);
        Assert.Equal(-0.4, pg[2], 15);
        Penalty.PseudoGradient(theta, new[] { 0.0, 0.0, 0.9, 0.0 }, pg);
        Assert.Equal(0.4, pg[2], 15);
    }

    [Fact]
    public void OrthantRulesKeepStepsInTheDescentOrthantAndNeverTouchTheBias()
    {
        var origin = new[] { 1.0, -1.0, 0.0, 1.0 };
        var pseudoGradient = new[] { 0.1, 0.1, 0.4, 0.1 };
        var trial = new[] { -0.5, -2.0, 0.3, -3.0 };
        Penalty.ProjectOntoOrthant(trial, origin, pseudoGradient);
        // w₀ changed sign → 0; w₁ kept its sign; w₂ left the orthant of −pg (negative) → 0; the bias moves freely.
        Assert.Equal(new[] { 0.0, -2.0, 0.0, -3.0 }, trial);
        var direction = new[] { -1.0, 1.0, -1.0, 1.0 };
        Penalty.ConstrainDirection(direction, new[] { 1.0, 1.0, 1.0, 1.0 });
        Assert.Equal(new[] { -1.0, 0.0, -1.0, 1.0 }, direction);
    }

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(0.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0.0)]
    public void OutOfRangeWeightsAreRefused(double l2, double l1) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticNetPenalty(l2, l1, 2));

    private sealed class Tolerance : IEqualityComparer<double>
    {
        private readonly double _tolerance;

        public Tolerance(double tolerance) => _tolerance = tolerance;

        public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
