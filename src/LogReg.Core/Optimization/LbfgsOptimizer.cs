using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980) with the two-loop recursion over the last
/// <see cref="OptimizerSettings.HistorySize"/> pairs (s, y), initial scaling γ = sᵀy/yᵀPy, and a
/// backtracking Armijo line search. A pair is kept only when sᵀy &gt; 1e-10·‖s‖·‖y‖, which keeps the
/// implicit inverse Hessian positive definite.
/// <para>
/// With an L1 penalty this is OWL-QN (Andrew &amp; Gao 2007): the gradient is replaced by the
/// pseudo-gradient, the penalty constrains the direction to the descent orthant, and the line
/// search projects onto the current orthant, so weights become exactly zero.
/// </para>
/// When the objective is an <see cref="IPreconditionedObjective"/> the initial inverse Hessian is γ·P
/// instead of γ·I, P rebuilt at iterations 0, 5, 10, 20, 40 … (for the linear-model objective:
/// the same iterates as on standardised features); the first trial step is then 1 (P already
/// carries the curvature's scale), otherwise 1/‖d‖₂ until the first pair is stored.
/// Stops when ‖pseudo-gradient‖∞ ≤ tolerance·max(1, |F|), when the decrease the next step predicts
/// is at most (tolerance·max(1, |F|))² (<see cref="TerminationReason.DecrementTolerance"/>), at the
/// iteration cap, or when the line search can no longer decrease F even from steepest descent
/// (reported as not converged, with remedies).
/// </summary>
public sealed class LbfgsOptimizer : IOptimizer
{
    /// <inheritdoc/>
    public string Name => "lbfgs";

    /// <inheritdoc/>
    public int DefaultIterationCap => 1000;

    /// <inheritdoc/>
    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings) =>
        OptimizerLoop.Run(objective, start, settings, DefaultIterationCap, new Method());

    private sealed class Method : IDescentMethod
    {
        private double[][] _s = Array.Empty<double[]>();
        private double[][] _y = Array.Empty<double[]>();
        private double[] _rho = Array.Empty<double>();
        private double[] _alphaHistory = Array.Empty<double>();
        private double[] _d = Array.Empty<double>();
        private double[] _scratch = Array.Empty<double>();
        private IPreconditioner? _preconditioner;
        private int _nextPreconditionerUpdate;
        private int _historyCount;
        private int _newest = -1;

        public bool IsSecondOrder => true;

        public double DivergenceBound => double.PositiveInfinity;

        public void Start(IterationState state)
        {
            int n = state.Dimension;
            int m = state.Settings.HistorySize;
            _s = new double[m][];
            _y = new double[m][];
            for (int k = 0; k < m; k++)
            {
                _s[k] = new double[n];
                _y[k] = new double[n];
            }
            _rho = new double[m];
            _alphaHistory = new double[m];
            _d = new double[n];
            _scratch = new double[n];
        }

        public StepOutcome Step(IterationState state)
        {
            int iteration = state.Iterations;
            if (state.Objective.CanPrecondition && iteration == _nextPreconditionerUpdate)
            {
                _preconditioner = state.Objective.PreconditionerAt(state.X);
                _nextPreconditionerUpdate = Math.Max(2 * iteration, iteration + 5);
            }
            while (true)
            {
                var pg = state.PseudoGradient;
                Direction(pg);
                state.Penalty.ConstrainDirection(_d, pg);
                if (VectorKernels.Dot(_d, pg) >= 0)
                {
                    // Not a descent direction (can follow rounding): restart from steepest descent.
                    _historyCount = 0;
                    for (int j = 0; j < _d.Length; j++)
                    {
                        _d[j] = -pg[j];
                    }
                }
                // The decrement −d·g estimates F − F* through the curvature model: the memory's, or
                // before any memory the preconditioner's (P ≈ H⁻¹ at its true scale).
                if ((_historyCount > 0 || _preconditioner is not null) && StoppingTests.DecrementTestMet(-VectorKernels.Dot(_d, pg), state.Total, state.Settings.OptimizationTolerance, state.Scale))
                {
                    return StepOutcome.StopHere(TerminationReason.DecrementTolerance);
                }
                double firstStep = _historyCount == 0 && _preconditioner is null
                    ? Math.Min(1.0, 1.0 / Math.Max(VectorKernels.Norm2(_d), 1e-300))
                    : 1.0;
                if (BacktrackingLineSearch.Search(state, _d, firstStep, out double alpha) && state.CandidateTotal < state.Total)
                {
                    StorePair(state);
                    return StepOutcome.Accept(alpha);
                }
                if (_historyCount == 0)
                {
                    return StepOutcome.StopHere(TerminationReason.NoFurtherProgress);
                }
                _historyCount = 0; // retry once from steepest descent before giving up
            }
        }

        public bool Restart(IterationState state)
        {
            _historyCount = 0;
            // The preconditioner is rebuilt at the current point on the next step.
            _nextPreconditionerUpdate = state.Iterations;
            return true;
        }

        // Two-loop recursion: d = −H·pg with H₀ = γ·P (P = I without a preconditioner), γ = sᵀy / yᵀPy.
        private void Direction(double[] pg)
        {
            int m = _rho.Length;
            var d = _d;
            for (int j = 0; j < d.Length; j++)
            {
                d[j] = -pg[j];
            }
            for (int k = 0, idx = _newest; k < _historyCount; k++, idx = (idx - 1 + m) % m)
            {
                _alphaHistory[idx] = _rho[idx] * VectorKernels.Dot(_s[idx], d);
                VectorKernels.AddScaled(_y[idx], -_alphaHistory[idx], d);
            }
            if (_preconditioner is not null)
            {
                d.CopyTo(_scratch, 0);
                _preconditioner.Apply(_scratch, d);
            }
            if (_historyCount > 0)
            {
                double yPy;
                if (_preconditioner is not null)
                {
                    _preconditioner.Apply(_y[_newest], _scratch);
                    yPy = VectorKernels.Dot(_y[_newest], _scratch);
                }
                else
                {
                    yPy = VectorKernels.Dot(_y[_newest], _y[_newest]);
                }
                double gamma = VectorKernels.Dot(_s[_newest], _y[_newest]) / yPy;
                for (int j = 0; j < d.Length; j++)
                {
                    d[j] *= gamma;
                }
            }
            for (int k = 0, idx = (_newest - _historyCount + 1 + m) % m; k < _historyCount; k++, idx = (idx + 1) % m)
            {
                double beta = _rho[idx] * VectorKernels.Dot(_y[idx], d);
                VectorKernels.AddScaled(_s[idx], _alphaHistory[idx] - beta, d);
            }
        }

        private void StorePair(IterationState state)
        {
            int n = state.Dimension;
            double sy = 0, ss = 0, yy = 0;
            for (int j = 0; j < n; j++)
            {
                double sj = state.Candidate[j] - state.X[j];
                double yj = state.CandidateGradient[j] - state.Gradient[j];
                sy += sj * yj;
                ss += sj * sj;
                yy += yj * yj;
            }
            if (sy > 1e-10 * Math.Sqrt(ss * yy))
            {
                int m = _rho.Length;
                _newest = (_newest + 1) % m;
                for (int j = 0; j < n; j++)
                {
                    _s[_newest][j] = state.Candidate[j] - state.X[j];
                    _y[_newest][j] = state.CandidateGradient[j] - state.Gradient[j];
                }
                _rho[_newest] = 1.0 / sy;
                _historyCount = Math.Min(_historyCount + 1, m);
            }
        }
    }
}
