using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Newton's method with a backtracking (Armijo) line search: solve H·p = −∇f, step x ← x + α·p.
/// <list type="bullet">
/// <item>Dimension ≤ <see cref="OptimizerSettings.DenseNewtonLimit"/>: H is formed densely
/// (Xᵀ·diag(c)·X + L2·I, i.e. IRLS for BCE) and factorised by Cholesky.</item>
/// <item>Larger: truncated conjugate gradients on Hessian-vector products (Newton-CG), stopped at
/// relative residual min(0.1, √‖g‖)·‖g‖, preconditioned where the curvature's diagonal is cheap
/// (<see cref="TruncatedConjugateGradients"/>).</item>
/// </list>
/// <b>Negative curvature</b> (squared error on the sigmoid is not convex): in the dense path, when
/// the Cholesky factorisation fails the Hessian is shifted, H + τI with τ growing ×10 from
/// 1e-8·(max diag), until it is positive definite (a modified Newton step that is always a
/// descent direction); in the CG path, CG stops at the first direction of non-positive curvature
/// and uses the iterate so far (or −g if that happens at once). BCE's Hessian is positive definite
/// whenever L2 &gt; 0 or X̃ has full rank, so neither safeguard triggers for it in practice.
/// Needs a smooth penalty (use L-BFGS / OWL-QN for L1). Stops when ‖∇f‖∞ ≤ tolerance·max(1, |f|) or
/// when the squared Newton decrement −∇f·p is at most the decrement bound of <see cref="StoppingTests"/>;
/// a full step whose change of f is within rounding is taken, as converged, when the gradient test
/// holds where it lands.
/// </summary>
public sealed class NewtonOptimizer : IOptimizer
{
    /// <inheritdoc/>
    public string Name => "newton";

    /// <inheritdoc/>
    public int DefaultIterationCap => 100;

    /// <inheritdoc/>
    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!objective.Penalty.IsSmooth)
        {
            throw new ArgumentException("The Newton optimizer needs a smooth, unconstrained objective (L1 = 0, no non-negativity); use L-BFGS (OWL-QN) for those.", nameof(objective));
        }
        return OptimizerLoop.Run(objective, start, settings, DefaultIterationCap, new Method());
    }

    private sealed class Method : IDescentMethod
    {
        private double[] _direction = Array.Empty<double>();
        private TruncatedConjugateGradients? _cg;

        public bool IsSecondOrder => true;

        public double DivergenceBound => double.PositiveInfinity;

        public void Start(IterationState state) => _direction = new double[state.Dimension];

        public StepOutcome Step(IterationState state)
        {
            int n = state.Dimension;
            var g = state.Gradient;
            var p = _direction;
            var curvature = state.Objective.HessianAt(state.X);
            if (n <= state.Settings.DenseNewtonLimit)
            {
                DenseDirection(curvature.ToDense(), n, g, p);
            }
            else
            {
                (_cg ??= new TruncatedConjugateGradients(n)).Solve(curvature, state.Objective.Penalty.L2, g, p);
            }
            if (VectorKernels.Dot(p, g) >= 0)
            {
                Negate(g, p);
            }
            if (StoppingTests.DecrementTestMet(-VectorKernels.Dot(p, g), state.Smooth, state.Settings.OptimizationTolerance, state.Scale))
            {
                return StepOutcome.StopHere(TerminationReason.DecrementTolerance);
            }
            // An objective resolved more coarsely than rounding takes the first of the full step and its halvings whose
            // value stays within that resolution (Firth's rule): a sufficient-decrease search would shorten its steps.
            if (state.Objective.ValueResolution == 0 && BacktrackingLineSearch.Search(state, p, 1.0, out double alpha) && state.CandidateTotal < state.Total)
            {
                return StepOutcome.Accept(alpha);
            }
            return AcceptIfWithinRounding(state, p);
        }

        // Near the optimum a full Newton step can change F by less than its rounding, so the line
        // search cannot see the decrease. Such a step is taken, as converged, when the gradient test
        // holds where it lands; otherwise the fit stops without progress. An objective whose values are
        // resolved more coarsely (ValueResolution > 0, Firth's) has its steps taken within that resolution —
        // the full step, or the first halving inside it, as Firth's own iteration does — and goes on.
        private static StepOutcome AcceptIfWithinRounding(IterationState state, double[] p)
        {
            double resolution = state.Objective.ValueResolution;
            double scale = 1;
            for (int halving = 0; halving < (resolution > 0 ? 30 : 1); halving++, scale /= 2)
            {
                for (int j = 0; j < state.Dimension; j++)
                {
                    state.Candidate[j] = state.X[j] + scale * p[j];
                }
                state.EvaluateCandidate();
                bool stationary = StoppingTests.GradientTestMet(
                    VectorKernels.MaxAbs(state.CandidateGradient), state.CandidateTotal, state.Settings.OptimizationTolerance, state.Scale);
                if (StoppingTests.WithinRounding(state.Total, state.CandidateTotal, state.Scale) && stationary)
                {
                    return new StepOutcome(true, scale, TerminationReason.GradientTolerance);
                }
                if (resolution > 0 && state.CandidateTotal <= state.Total + resolution * Math.Max(Math.Abs(state.Total), state.Scale))
                {
                    return stationary ? new StepOutcome(true, scale, TerminationReason.GradientTolerance) : StepOutcome.Accept(scale);
                }
            }
            return StepOutcome.StopHere(TerminationReason.NoFurtherProgress);
        }

        private static void Negate(ReadOnlySpan<double> g, Span<double> p)
        {
            for (int j = 0; j < g.Length; j++)
            {
                p[j] = -g[j];
            }
        }

        // Solves (H + τI)p = −g with the smallest τ ∈ {0, 1e-8·h, 1e-7·h, …} that factorises, h the largest diagonal entry.
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
                // Relative to the Hessian's own scale (weights × c scale it by c): a floor of 1 swamped a Hessian of 1e-20.
                tau = tau == 0 ? 1e-8 * (maxDiagonal > 0 ? maxDiagonal : 1.0) : tau * 10;
            }
            Negate(g, p);
            if (l is not null)
            {
                DenseLinearAlgebra.CholeskySolve(l, n, p);
            }
        }
    }
}
