using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Newton's method with a backtracking (Armijo) line search: solve H·p = −∇f, step x ← x + α·p.
/// <list type="bullet">
/// <item>Dimension ≤ <see cref="OptimizerSettings.DenseNewtonLimit"/>: H is formed densely
/// (Xᵀ·diag(c)·X + L2·I, i.e. IRLS for BCE) and factorised by Cholesky.</item>
/// <item>Larger: truncated conjugate gradients on Hessian-vector products (Newton-CG), stopped at
/// relative residual min(0.5, √‖g‖)·‖g‖.</item>
/// </list>
/// <b>Negative curvature</b> (squared error on the sigmoid is not convex): in the dense path, when
/// the Cholesky factorisation fails the Hessian is shifted, H + τI with τ growing ×10 from
/// 1e-8·max(1, max diag), until it is positive definite (a modified Newton step that is always a
/// descent direction); in the CG path, CG stops at the first direction of non-positive curvature
/// and uses the iterate so far (or −g if that happens at once). BCE's Hessian is positive definite
/// whenever L2 &gt; 0 or X̃ has full rank, so neither safeguard triggers for it in practice.
/// L1 is not supported (use L-BFGS / OWL-QN). Stops when ‖∇f‖∞ ≤ tolerance·max(1, |f|) or when the
/// squared Newton decrement −∇f·p is at most (tolerance·max(1, |f|))².
/// </summary>
public sealed class NewtonOptimizer : IOptimizer
{
    public string Name => "newton";

    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        settings.Validate();
        if (objective.L1 > 0)
        {
            throw new ArgumentException("The Newton optimizer does not support L1 regularisation; use L-BFGS (OWL-QN) or set L1 to 0.", nameof(objective));
        }
        int n = objective.Dimension;
        var tracker = new IterationTracker(settings);
        var x = start.Slice(0, n).ToArray();
        var g = new double[n];
        var p = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        double f = objective.SmoothValueAndGradient(x, g);
        int evaluations = 1;
        TerminationReason reason;

        for (int iteration = 0; ; iteration++)
        {
            if (OptimizerCommon.ShouldStop(f, VectorKernels.MaxAbs(g), iteration, settings, out reason))
            {
                break;
            }
            tracker.ThrowIfCancelled();

            var curvature = objective.HessianAt(x);
            if (n <= settings.DenseNewtonLimit)
            {
                DenseDirection(curvature.ToDense(), n, g, p);
            }
            else
            {
                ConjugateGradientDirection(curvature, n, g, p);
            }
            if (VectorKernels.Dot(p, g) >= 0)
            {
                for (int j = 0; j < n; j++)
                {
                    p[j] = -g[j];
                }
            }

            if (OptimizerCommon.DecrementTestMet(-VectorKernels.Dot(p, g), f, settings.Tolerance))
            {
                reason = TerminationReason.DecrementTolerance;
                break;
            }

            if (!BacktrackingLineSearch.Search(objective, x, f, g, p, 1.0, xNew, gNew, out double fNew, out _, out double alpha, ref evaluations)
                || !(fNew < f))
            {
                reason = TerminationReason.NoFurtherProgress;
                break;
            }
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
            tracker.Record(f, VectorKernels.MaxAbs(g), alpha);
        }

        bool converged = reason is TerminationReason.GradientTolerance or TerminationReason.DecrementTolerance;
        string message = converged
            ? $"newton converged after {tracker.Count} iterations."
            : OptimizerCommon.Remedy(reason, "Newton");
        return new OptimizationResult(x, f, VectorKernels.MaxAbs(g), tracker.Count, evaluations, reason, converged, message, tracker.Trace);
    }

    // Solves (H + τI)p = −g with the smallest τ ∈ {0, 1e-8·scale, 1e-7·scale, …} that factorises.
    private static void DenseDirection(double[] h, int n, double[] g, double[] p)
    {
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, Math.Abs(h[i * n + i]));
        }
        double tau = 0;
        double[]? l = null;
        for (int attempt = 0; attempt < 40 && l is null; attempt++)
        {
            l = DenseLinearAlgebra.Cholesky(h, n, tau);
            tau = tau == 0 ? 1e-8 * Math.Max(1.0, maxDiagonal) : tau * 10;
        }
        if (l is null)
        {
            for (int j = 0; j < n; j++)
            {
                p[j] = -g[j];
            }
            return;
        }
        for (int j = 0; j < n; j++)
        {
            p[j] = -g[j];
        }
        DenseLinearAlgebra.CholeskySolve(l, n, p);
    }

    // Truncated CG on H·p = −g with a negative-curvature exit.
    private static void ConjugateGradientDirection(ICurvature h, int n, double[] g, double[] p)
    {
        var r = new double[n];
        var d = new double[n];
        var hd = new double[n];
        Array.Clear(p);
        double gnorm = VectorKernels.Norm2(g);
        double target = Math.Min(0.5, Math.Sqrt(gnorm)) * gnorm;
        for (int j = 0; j < n; j++)
        {
            r[j] = -g[j];
            d[j] = r[j];
        }
        double rr = VectorKernels.Dot(r, r);
        int maxIterations = Math.Min(n, 250);
        for (int k = 0; k < maxIterations; k++)
        {
            h.Multiply(d, hd);
            double dhd = VectorKernels.Dot(d, hd);
            if (dhd <= 0)
            {
                if (k == 0)
                {
                    for (int j = 0; j < n; j++)
                    {
                        p[j] = -g[j];
                    }
                }
                return;
            }
            double a = rr / dhd;
            VectorKernels.AddScaled(d, a, p);
            VectorKernels.AddScaled(hd, -a, r);
            double rrNew = VectorKernels.Dot(r, r);
            if (Math.Sqrt(rrNew) <= target)
            {
                return;
            }
            double beta = rrNew / rr;
            for (int j = 0; j < n; j++)
            {
                d[j] = r[j] + beta * d[j];
            }
            rr = rrNew;
        }
    }
}
