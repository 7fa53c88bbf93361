using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980) with the two-loop recursion over the last
/// <see cref="OptimizerSettings.HistorySize"/> pairs (s, y), initial scaling γ = sᵀy/yᵀy, and a
/// backtracking Armijo line search (first trial α = 1, or 1/‖g‖₂ on the first iteration). A pair is
/// kept only when sᵀy &gt; 1e-10·‖s‖·‖y‖, which keeps the implicit inverse Hessian positive definite.
/// <para>
/// With L1 &gt; 0 this is OWL-QN (Andrew &amp; Gao 2007): the gradient is replaced by the
/// pseudo-gradient, the direction is zeroed where it disagrees in sign with −pseudo-gradient, and the
/// line search projects onto the current orthant, so weights become exactly zero.
/// </para>
/// When the objective is an <see cref="IPreconditionedObjective"/> the initial inverse Hessian is γ·P
/// instead of γ·I (for the linear-model objective: the same iterates as on standardised features).
/// Stops when ‖pseudo-gradient‖∞ ≤ tolerance·max(1, |F|), when the decrease the next step predicts
/// is at most (tolerance·max(1, |F|))² (<see cref="TerminationReason.DecrementTolerance"/>), at the iteration cap, or when the line
/// search can no longer decrease F (reported as not converged, with a remedy).
/// </summary>
public sealed class LbfgsOptimizer : IOptimizer
{
    public string Name => "lbfgs";

    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        settings.Validate();
        int n = objective.Dimension;
        int m = settings.HistorySize;
        var tracker = new IterationTracker(settings);
        var x = start.Slice(0, n).ToArray();
        var g = new double[n];
        var pg = new double[n];
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var s = new double[m][];
        var y = new double[m][];
        var rho = new double[m];
        var alphaHistory = new double[m];
        var scratch = new double[n];
        var preconditioned = objective as IPreconditionedObjective;
        int nextPreconditionerUpdate = 0;
        for (int k = 0; k < m; k++)
        {
            s[k] = new double[n];
            y[k] = new double[n];
        }
        int historyCount = 0, newest = -1;

        double f = objective.SmoothValueAndGradient(x, g);
        double total = f + OptimizerCommon.L1Term(objective, x);
        int evaluations = 1;
        TerminationReason reason;
        OptimizerCommon.PseudoGradient(objective, x, g, pg);

        for (int iteration = 0; ; iteration++)
        {
            if (OptimizerCommon.ShouldStop(total, VectorKernels.MaxAbs(pg), iteration, settings, out reason))
            {
                break;
            }
            tracker.ThrowIfCancelled();

            if (preconditioned is not null && iteration == nextPreconditionerUpdate)
            {
                preconditioned.UpdatePreconditioner(x);
                evaluations++;
                nextPreconditionerUpdate = Math.Max(2 * iteration, iteration + 5);
            }

            // Two-loop recursion: d = −H·pg.
            for (int j = 0; j < n; j++)
            {
                d[j] = -pg[j];
            }
            for (int k = 0, idx = newest; k < historyCount; k++, idx = (idx - 1 + m) % m)
            {
                alphaHistory[idx] = rho[idx] * VectorKernels.Dot(s[idx], d);
                VectorKernels.AddScaled(y[idx], -alphaHistory[idx], d);
            }
            // Initial inverse Hessian H₀ = γ·P (P = I without a preconditioner), γ = sᵀy / yᵀPy.
            if (preconditioned is not null)
            {
                d.CopyTo(scratch, 0);
                preconditioned.Precondition(scratch, d);
            }
            if (historyCount > 0)
            {
                double yPy;
                if (preconditioned is not null)
                {
                    preconditioned.Precondition(y[newest], scratch);
                    yPy = VectorKernels.Dot(y[newest], scratch);
                }
                else
                {
                    yPy = VectorKernels.Dot(y[newest], y[newest]);
                }
                double gamma = VectorKernels.Dot(s[newest], y[newest]) / yPy;
                for (int j = 0; j < n; j++)
                {
                    d[j] *= gamma;
                }
            }
            for (int k = 0, idx = (newest - historyCount + 1 + m) % m; k < historyCount; k++, idx = (idx + 1) % m)
            {
                double beta = rho[idx] * VectorKernels.Dot(y[idx], d);
                VectorKernels.AddScaled(s[idx], alphaHistory[idx] - beta, d);
            }
            if (objective.L1 > 0)
            {
                for (int j = 0; j < objective.L1Count; j++)
                {
                    if (d[j] * pg[j] >= 0)
                    {
                        d[j] = 0;
                    }
                }
            }
            if (VectorKernels.Dot(d, pg) >= 0)
            {
                // Not a descent direction (can follow rounding): restart from steepest descent.
                historyCount = 0;
                for (int j = 0; j < n; j++)
                {
                    d[j] = -pg[j];
                }
            }

            if (historyCount > 0 && OptimizerCommon.DecrementTestMet(-VectorKernels.Dot(d, pg), total, settings.Tolerance))
            {
                reason = TerminationReason.DecrementTolerance;
                break;
            }

            // Without curvature pairs the first trial step is 1/‖d‖ — unless d was already scaled by
            // the objective's curvature preconditioner, whose step 1 is Newton-like.
            double firstStep = historyCount == 0 && preconditioned is null ? Math.Min(1.0, 1.0 / Math.Max(VectorKernels.Norm2(d), 1e-300)) : 1.0;
            bool accepted = BacktrackingLineSearch.Search(objective, x, total, pg, d, firstStep, xNew, gNew,
                out double fNew, out double totalNew, out double alpha, ref evaluations);
            if (!accepted || !(totalNew < total))
            {
                if (historyCount > 0)
                {
                    // Retry once from steepest descent before giving up.
                    historyCount = 0;
                    iteration--;
                    continue;
                }
                reason = TerminationReason.NoFurtherProgress;
                break;
            }

            double sy = 0, ss = 0, yy = 0;
            for (int j = 0; j < n; j++)
            {
                double sj = xNew[j] - x[j];
                double yj = gNew[j] - g[j];
                sy += sj * yj;
                ss += sj * sj;
                yy += yj * yj;
            }
            if (sy > 1e-10 * Math.Sqrt(ss * yy))
            {
                newest = (newest + 1) % m;
                for (int j = 0; j < n; j++)
                {
                    s[newest][j] = xNew[j] - x[j];
                    y[newest][j] = gNew[j] - g[j];
                }
                rho[newest] = 1.0 / sy;
                historyCount = Math.Min(historyCount + 1, m);
            }

            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
            total = totalNew;
            OptimizerCommon.PseudoGradient(objective, x, g, pg);
            tracker.Record(total, VectorKernels.MaxAbs(pg), alpha);
        }

        bool converged = reason is TerminationReason.GradientTolerance or TerminationReason.DecrementTolerance;
        string message = converged
            ? $"lbfgs converged after {tracker.Count} iterations."
            : OptimizerCommon.Remedy(reason, "L-BFGS");
        return new OptimizationResult(x, total, VectorKernels.MaxAbs(pg), tracker.Count, evaluations, reason, converged, message, tracker.Trace);
    }
}
