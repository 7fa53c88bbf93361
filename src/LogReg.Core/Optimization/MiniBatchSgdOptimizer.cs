using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Mini-batch stochastic gradient descent on the mean objective f/n.
/// <list type="bullet">
/// <item>Each epoch shuffles the rows with <see cref="System.Random"/> seeded by
/// <see cref="OptimizerSettings.Seed"/> + epoch (same seed ⇒ same run), then takes one step per
/// batch of <see cref="OptimizerSettings.BatchSize"/> rows: θ ← θ − η·ĝ, with ĝ the batch estimate
/// of ∇(f/n), followed by the penalty's proximal step for η/n.</item>
/// <item>Learning-rate schedule η_e = η₀/√(1 + e) for epoch e; η₀ is
/// <see cref="OptimizerSettings.LearningRate"/>, or by default 1/L with L the average per-sample
/// curvature bound (<see cref="ISampleEstimator.LipschitzBound"/>).</item>
/// <item>Iterate averaging: each epoch reports the average of its iterates (Polyak–Ruppert), which
/// removes most of the noise; the iterates themselves carry on from the last one.</item>
/// </list>
/// After every epoch one full pass evaluates F and ∇F at that point. Stops when
/// ‖∇F‖∞ ≤ tolerance·max(1, |F|) (converged), when F improved by less than that same bound over the
/// epoch (<see cref="TerminationReason.ObjectiveStalled"/>, reported as converged, as
/// scikit-learn's SGD does), or after <see cref="OptimizerSettings.MaximumNumberOfIterations"/> epochs.
/// </summary>
public sealed class MiniBatchSgdOptimizer : IOptimizer
{
    /// <inheritdoc/>
    public string Name => "sgd";

    /// <inheritdoc/>
    public int DefaultIterationCap => 200;

    /// <inheritdoc/>
    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        if (objective is not IStochasticObjective stochastic)
        {
            throw new ArgumentException("Mini-batch SGD needs an objective that is a sum over samples (IStochasticObjective).", nameof(objective));
        }
        return OptimizerLoop.Run(objective, start, settings, DefaultIterationCap, new Method(stochastic.Samples));
    }

    private sealed class Method : IDescentMethod
    {
        private readonly ISampleEstimator _samples;
        private double[] _iterate = Array.Empty<double>();
        private double[] _batchGradient = Array.Empty<double>();
        private int[] _order = Array.Empty<int>();
        private double _eta0;

        public Method(ISampleEstimator samples) => _samples = samples;

        public bool IsSecondOrder => false;

        public double DivergenceBound => double.PositiveInfinity;

        public void Start(IterationState state)
        {
            _eta0 = state.Settings.LearningRate ?? 1.0 / _samples.LipschitzBound();
            _iterate = (double[])state.X.Clone();
            _batchGradient = new double[state.Dimension];
            _order = Enumerable.Range(0, _samples.SampleCount).ToArray();
        }

        public StepOutcome Step(IterationState state)
        {
            int epoch = state.Iterations;
            int n = _order.Length;
            int batch = Math.Min(state.Settings.BatchSize, n);
            var rng = new Random(unchecked(state.Settings.Seed + epoch));
            for (int i = n - 1; i > 0; i--)
            {
                int k = rng.Next(i + 1);
                (_order[i], _order[k]) = (_order[k], _order[i]);
            }
            double eta = _eta0 / Math.Sqrt(1.0 + epoch);
            var average = state.Candidate;
            Array.Clear(average);
            int steps = 0;
            for (int startRow = 0; startRow < n; startRow += batch)
            {
                int count = Math.Min(batch, n - startRow);
                _samples.MeanValueAndGradient(_iterate, _order.AsSpan(startRow, count), _batchGradient);
                VectorKernels.AddScaled(_batchGradient, -eta, _iterate);
                state.Penalty.SoftThreshold(_iterate, eta / n);
                VectorKernels.AddScaled(_iterate, 1.0, average);
                steps++;
            }
            for (int j = 0; j < average.Length; j++)
            {
                average[j] /= steps;
            }
            double before = state.Total;
            state.EvaluateCandidate();
            double after = state.CandidateTotal;
            // A non-finite F is left to the loop's divergence test; a passed gradient test wins over the stall (the loop's rule).
            bool stalled = double.IsFinite(after) && StoppingTests.StallTestMet(before, after, state.Settings.OptimizationTolerance, state.Scale);
            return new StepOutcome(true, eta, stalled ? TerminationReason.ObjectiveStalled : null);
        }
    }
}
