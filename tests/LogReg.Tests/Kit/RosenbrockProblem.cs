using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Tests.Kit;

/// <summary>Rosenbrock: (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1); not convex.</summary>
public sealed class RosenbrockProblem : IDifferentiableObjective
{
    public int Dimension => 2;

    public ElasticNetPenalty Penalty => ElasticNetPenalty.None;

    public double SmoothValue(ReadOnlySpan<double> p) => (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]);

    public double SmoothValueAndGradient(ReadOnlySpan<double> p, Span<double> g)
    {
        g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
        g[1] = 200 * (p[1] - p[0] * p[0]);
        return SmoothValue(p);
    }

    public ICurvature HessianAt(ReadOnlySpan<double> p, bool gaussNewton = false) =>
        new DenseCurvature(new[] { 2 - 400 * (p[1] - 3 * p[0] * p[0]), -400 * p[0], -400 * p[0], 200.0 });
}
