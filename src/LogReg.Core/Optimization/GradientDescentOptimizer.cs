using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Batch gradient descent in the seed's five steps (section 1.2):
/// <list type="number">
/// <item>initialise the parameters (w, b) — here, the given start (zeros from the trainer);</item>
/// <item>forward: zᵢ = w·xᵢ + b and ŷᵢ = σ(zᵢ) for every row;</item>
/// <item>the loss F from ŷ and y;</item>
/// <item>the gradient ∇F (for BCE, Σ xᵢ(ŷᵢ − yᵢ) plus the penalty's);</item>
/// <item>the update θ ← θ − α·∇F, then back to step 2.</item>
/// </list>
/// Steps 2–4 are one fused pass of the objective. The learning rate α is either fixed
/// (<see cref="OptimizerSettings.LearningRate"/>) or chosen by backtracking: start from twice the
/// previous α and halve until the sufficient-decrease test
/// F(θ⁺) ≤ f(θ) + ∇f·(θ⁺ − θ) + ‖θ⁺ − θ‖²/(2α) + L1(θ⁺) holds. With L1 &gt; 0 the update is the
/// proximal step (soft-thresholding of the weights). Stops when ‖∇F‖∞ ≤ tolerance·max(1, |F|) or at
/// the iteration cap; a fixed rate that makes F grow above 1e12 times its start is divergence.
/// </summary>
public sealed class GradientDescentOptimizer : IOptimizer
{
    /// <inheritdoc/>
    public string Name => "gd";

    /// <inheritdoc/>
    public int DefaultIterationCap => 10000;

    /// <inheritdoc/>
    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings) =>
        OptimizerLoop.Run(objective, start, settings, DefaultIterationCap, new Method());

    private sealed class Method : IDescentMethod
    {
        private const int MaximumHalvings = 60;
        private double _alpha;
        private bool _fixedRate;

        public bool IsSecondOrder => false;

        public double DivergenceBound { get; private set; } = double.PositiveInfinity;

        public void Start(IterationState state)
        {
            _fixedRate = state.Settings.LearningRate.HasValue;
            _alpha = state.Settings.LearningRate ?? 1.0 / Math.Max(state.Scale, VectorKernels.Norm2(state.Gradient));
            // A fixed learning rate that is too large makes F grow without bound; stop long before the
            // relative gradient test could be fooled by an astronomically large F.
            DivergenceBound = 1e12 * Math.Max(state.Scale, Math.Abs(state.Total));
        }

        public StepOutcome Step(IterationState state)
        {
            if (_fixedRate)
            {
                ProximalStep(state, _alpha);
                state.EvaluateCandidate();
                return StepOutcome.Accept(_alpha);
            }
            _alpha *= 2.0;
            for (int halvings = 0; ; halvings++)
            {
                ProximalStep(state, _alpha);
                state.EvaluateCandidate();
                double model = state.Smooth + state.Penalty.L1Value(state.Candidate);
                double squaredStep = 0;
                for (int j = 0; j < state.Dimension; j++)
                {
                    double diff = state.Candidate[j] - state.X[j];
                    model += state.Gradient[j] * diff;
                    squaredStep += diff * diff;
                }
                model += squaredStep / (2 * _alpha);
                if (state.CandidateTotal <= model || squaredStep == 0)
                {
                    return StepOutcome.Accept(_alpha);
                }
                if (halvings >= MaximumHalvings)
                {
                    return StepOutcome.StopHere(TerminationReason.NoFurtherProgress);
                }
                _alpha *= 0.5;
            }
        }

        // θ⁺ = prox(θ − α∇f): the plain step, then the penalty's soft-threshold.
        private static void ProximalStep(IterationState state, double alpha)
        {
            for (int j = 0; j < state.Dimension; j++)
            {
                state.Candidate[j] = state.X[j] - alpha * state.Gradient[j];
            }
            state.Penalty.SoftThreshold(state.Candidate, alpha);
        }
    }
}
