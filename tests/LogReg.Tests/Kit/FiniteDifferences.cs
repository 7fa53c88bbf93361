using LogReg.Core.Optimization;

namespace LogReg.Tests.Kit;

/// <summary>Central finite differences of an objective's smooth part, for checking analytic derivatives.</summary>
public static class FiniteDifferences
{
    /// <summary>(f(x + hⱼeⱼ) − f(x − hⱼeⱼ)) / 2hⱼ with hⱼ = step·max(1, |xⱼ|), for every j.</summary>
    public static double[] Gradient(IDifferentiableObjective f, IReadOnlyList<double> x, double step = 1e-5)
    {
        var g = new double[f.Dimension];
        for (int j = 0; j < g.Length; j++)
        {
            double h = step * Math.Max(1, Math.Abs(x[j]));
            var plus = x.ToArray();
            var minus = x.ToArray();
            plus[j] += h;
            minus[j] -= h;
            g[j] = (f.SmoothValue(plus) - f.SmoothValue(minus)) / (2 * h);
        }
        return g;
    }

    /// <summary>(∇f(x + h·v) − ∇f(x − h·v)) / 2h: the Hessian-vector product by differences of gradients.</summary>
    public static double[] HessianVector(IDifferentiableObjective f, IReadOnlyList<double> x, IReadOnlyList<double> v, double step = 1e-5)
    {
        int n = f.Dimension;
        var gp = new double[n];
        var gm = new double[n];
        f.SmoothValueAndGradient(x.Select((a, j) => a + step * v[j]).ToArray(), gp);
        f.SmoothValueAndGradient(x.Select((a, j) => a - step * v[j]).ToArray(), gm);
        return gp.Select((a, j) => (a - gm[j]) / (2 * step)).ToArray();
    }
}
