using LogReg.Core.Numerics;
using LogReg.Core.Optimization;

namespace LogReg.Core.Diagnostics;

/// <summary>
/// The seed's checks as public API (sections 1.6, 2.1): analytic gradient against central finite
/// differences, the Hessian's eigenvalues at a point, and the loss along a line or over a 2-D slice
/// of parameter space. They work on any <see cref="IDifferentiableObjective"/> (the smooth part f).
/// </summary>
public static class ObjectiveDiagnostics
{
    /// <summary>Compares ∇f(x) with central differences, step h·max(1, |xⱼ|) per coordinate.</summary>
    public static GradientCheckResult CheckGradient(IDifferentiableObjective objective, ReadOnlySpan<double> point, double step = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!(step > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The finite-difference step must be > 0.");
        }
        int n = objective.Dimension;
        var x = point.Slice(0, n).ToArray();
        var g = new double[n];
        objective.SmoothValueAndGradient(x, g);
        var entries = new GradientCheckEntry[n];
        for (int j = 0; j < n; j++)
        {
            double h = step * Math.Max(1, Math.Abs(x[j]));
            double original = x[j];
            x[j] = original + h;
            double plus = objective.SmoothValue(x);
            x[j] = original - h;
            double minus = objective.SmoothValue(x);
            x[j] = original;
            double fd = (plus - minus) / (2 * h);
            double error = Math.Abs(g[j] - fd) / Math.Max(Math.Max(Math.Abs(g[j]), Math.Abs(fd)), 1e-8);
            entries[j] = new GradientCheckEntry(j, g[j], fd, error);
        }
        return new GradientCheckResult(entries);
    }

    /// <summary>Eigenvalues of the exact Hessian of f at x (dense; for dimension up to a few hundred).</summary>
    public static ConvexityCheckResult CheckConvexity(IDifferentiableObjective objective, ReadOnlySpan<double> point)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int n = objective.Dimension;
        var h = objective.HessianAt(point).ToDense();
        return new ConvexityCheckResult(DenseLinearAlgebra.SymmetricEigenvalues(h, n));
    }

    /// <summary>F(x + t·d) for each t (the full objective, L1 included).</summary>
    public static double[] LossAlongLine(IDifferentiableObjective objective, ReadOnlySpan<double> point, ReadOnlySpan<double> direction, IReadOnlyList<double> steps)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(steps);
        int n = objective.Dimension;
        var x = new double[n];
        var values = new double[steps.Count];
        for (int k = 0; k < steps.Count; k++)
        {
            for (int j = 0; j < n; j++)
            {
                x[j] = point[j] + steps[k] * direction[j];
            }
            values[k] = objective.SmoothValue(x) + objective.Penalty.L1Value(x);
        }
        return values;
    }

    /// <summary>F(x + a·u + b·v) over the grid a ∈ <paramref name="first"/>, b ∈ <paramref name="second"/>: result[i, k] for (a_i, b_k).</summary>
    public static double[,] LossSlice(
        IDifferentiableObjective objective, ReadOnlySpan<double> point, ReadOnlySpan<double> u, ReadOnlySpan<double> v,
        IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int n = objective.Dimension;
        var x = new double[n];
        var values = new double[first.Count, second.Count];
        for (int i = 0; i < first.Count; i++)
        {
            for (int k = 0; k < second.Count; k++)
            {
                for (int j = 0; j < n; j++)
                {
                    x[j] = point[j] + first[i] * u[j] + second[k] * v[j];
                }
                values[i, k] = objective.SmoothValue(x) + objective.Penalty.L1Value(x);
            }
        }
        return values;
    }
}
