using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980) with the two-loop recursion over the last
/// <see cref="OptimizerSettings.HistorySize"/> pairs (s, y) (<see cref="LbfgsMemory"/>), initial scaling
/// γ = sᵀy/yᵀPy, and a backtracking Armijo line search. A pair is kept only when sᵀy &gt; 1e-10·‖s‖·‖y‖, which
/// keeps the implicit inverse Hessian positive definite.
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
        private LbfgsMemory? _memory;
        private double[] _d = Array.Empty<double>();
        private double[] _scratch = Array.Empty<double>();
        private IPreconditioner? _preconditioner;
        private int _nextPreconditionerUpdate;

        public bool IsSecondOrder => true;

        public double DivergenceBound => double.PositiveInfinity;

        private LbfgsMemory Memory => _memory ?? throw new InvalidOperationException("Start was not called.");

        public void Start(IterationState state)
        {
            int n = state.Dimension;
            _memory = LbfgsMemory.For(n, state.Settings.HistorySize);
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
            var memory = Memory;
            while (true)
            {
                var pg = state.PseudoGradient;
                // d = −H·pg by the two-loop recursion with H₀ = γ·P (P = I without a preconditioner).
                for (int j = 0; j < _d.Length; j++)
                {
                    _d[j] = -pg[j];
                }
                memory.Apply(_d, _preconditioner, _scratch);
                state.Penalty.ConstrainDirection(_d, pg);
                if (VectorKernels.Dot(_d, pg) >= 0)
                {
                    // Not a descent direction (can follow rounding): restart from steepest descent.
                    memory.Clear();
                    for (int j = 0; j < _d.Length; j++)
                    {
                        _d[j] = -pg[j];
                    }
                }
                // The decrement −d·g estimates F − F* through the curvature model: the memory's, or
                // before any memory the preconditioner's (P ≈ H⁻¹ at its true scale).
                if ((memory.Count > 0 || _preconditioner is not null) && StoppingTests.DecrementTestMet(-VectorKernels.Dot(_d, pg), state.Total, state.Settings.OptimizationTolerance, state.Scale))
                {
                    return StepOutcome.StopHere(TerminationReason.DecrementTolerance);
                }
                double firstStep = memory.Count == 0 && _preconditioner is null
                    ? Math.Min(1.0, 1.0 / Math.Max(VectorKernels.Norm2(_d), 1e-300))
                    : 1.0;
                if (BacktrackingLineSearch.Search(state, _d, firstStep, out double alpha) && state.CandidateTotal < state.Total)
                {
                    memory.TryStore(state.X, state.Candidate, state.Gradient, state.CandidateGradient);
                    return StepOutcome.Accept(alpha);
                }
                if (memory.Count == 0)
                {
                    return StepOutcome.StopHere(TerminationReason.NoFurtherProgress);
                }
                memory.Clear(); // retry once from steepest descent before giving up
            }
        }

        public bool Restart(IterationState state)
        {
            Memory.Clear();
            // The preconditioner is rebuilt at the current point on the next step.
            _nextPreconditionerUpdate = state.Iterations;
            return true;
        }
    }
}
