using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Newton's method with a backtracking (Armijo) line search: solve H·p = −∇f, step x ← x + α·p.
/// <list type="bullet">
/// <item>Dimension ≤ <see cref="OptimizerSettings.DenseNewtonLimit"/>: H is formed densely
/// (Xᵀ·diag(c)·X + L2·I, i.e. IRLS for BCE) and factorised by Cholesky.</item>
/// <item>Larger: truncated conjugate gradients on Hessian-vector products (Newton-CG), stopped at
/// relative residual min(0.1, √‖g‖)·‖g‖.</item>
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
        private ConjugateGradientVectors? _cg;

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
                ConjugateGradientDirection(curvature, n, g, p, _cg ??= new ConjugateGradientVectors(n));
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

        // CG's work vectors, kept across iterations: on a wide problem (20 classes × 20,000 words) each is 3.2 MB, and
        // fresh ones every iteration were page-faulted in again and swept by the GC.
        private sealed class ConjugateGradientVectors(int n)
        {
            public double[] Residual { get; } = new double[n];

            public double[] Direction { get; } = new double[n];

            public double[] Product { get; } = new double[n];
        }

        // The largest relative residual at which CG stops (its forcing term, min(this, √‖g‖)). √‖g‖ is not scale-free: a
        // summed loss's gradient stays above 1 until the last steps, so the cap is the rule for most of a fit. At 0.5 the
        // steps were rough and many (softmax on 20,000 text documents × 20,000 words × 20 classes: 14 iterations, 104
        // passes, 0.93 s); at 0.1, 7 iterations, 86 passes, 0.69 s — every iteration also costs a gradient pass and its
        // probabilities. The Zipf softmax set 484 → 436 passes, the sparse binary set 229 → 223.
        private const double MaximumForcing = 0.1;

        // Truncated CG on H·p = −g with a negative-curvature exit.
        private static void ConjugateGradientDirection(ICurvature h, int n, double[] g, double[] p, ConjugateGradientVectors vectors)
        {
            var r = vectors.Residual;
            var d = vectors.Direction;
            var hd = vectors.Product;
            Array.Clear(p);
            double gnorm = VectorKernels.Norm2(g);
            double target = Math.Min(MaximumForcing, Math.Sqrt(gnorm)) * gnorm;
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
                        Negate(g, p);
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
}
