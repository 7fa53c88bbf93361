using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Tests.Kit;

/// <summary>f(x) = ½ Σ aⱼ (xⱼ − cⱼ)² (+ λ‖x‖₁ through the penalty), minimum 0 at c when λ = 0.</summary>
public sealed class QuadraticProblem : IDifferentiableObjective
{
    private readonly double[] _a;
    private readonly double[] _c;

    public QuadraticProblem(double[] a, double[] c, double l1 = 0)
    {
        _a = a;
        _c = c;
        Penalty = new ElasticNetPenalty(0, l1, a.Length);
    }

    public int Dimension => _a.Length;

    public ElasticNetPenalty Penalty { get; }

    public double SmoothValue(ReadOnlySpan<double> x)
    {
        double f = 0;
        for (int j = 0; j < _a.Length; j++)
        {
            f += 0.5 * _a[j] * (x[j] - _c[j]) * (x[j] - _c[j]);
        }
        return f;
    }

    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (int j = 0; j < _a.Length; j++)
        {
            g[j] = _a[j] * (x[j] - _c[j]);
        }
        return SmoothValue(x);
    }

    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false) => new DenseCurvature(DiagonalMatrix(_a));

    private static double[] DiagonalMatrix(double[] a)
    {
        var h = new double[a.Length * a.Length];
        for (int j = 0; j < a.Length; j++)
        {
            h[j * a.Length + j] = a[j];
        }
        return h;
    }
}
