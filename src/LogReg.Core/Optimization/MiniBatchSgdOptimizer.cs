using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Mini-batch stochastic gradient descent on the mean objective f/n.
/// <list type="bullet">
/// <item>Each epoch shuffles the rows with <see cref="System.Random"/> seeded by
/// <see cref="OptimizerSettings.Seed"/> + epoch (same seed ⇒ same run), then takes one step per
/// batch of <see cref="OptimizerSettings.BatchSize"/> rows: θ ← θ − η·ĝ, with ĝ the batch estimate
/// of ∇(f/n); under L1 the step is followed by soft-thresholding by η·L1/n.</item>
/// <item>Learning-rate schedule η_e = η₀/√(1 + e) for epoch e; η₀ is
/// <see cref="OptimizerSettings.LearningRate"/>, or by default 1/L with L the average per-sample
/// curvature bound of the objective (<see cref="IStochasticObjective.SampleLipschitzBound"/>).</item>
/// <item>Iterate averaging: each epoch reports the average of its iterates (Polyak–Ruppert), which
/// removes most of the noise; the iterates themselves carry on from the last one.</item>
/// </list>
/// After every epoch one full pass evaluates F and ∇F at that point. Stops when
/// ‖∇F‖∞ ≤ tolerance·max(1, |F|) (converged), when F improved by less than that same bound over the
/// epoch (<see cref="TerminationReason.ObjectiveStalled"/>, reported as converged, as
/// scikit-learn's SGD does), or after <see cref="OptimizerSettings.MaximumIterations"/> epochs.
/// </summary>
public sealed class MiniBatchSgdOptimizer : IOptimizer
{
    public string Name => "sgd";

    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        settings.Validate();
        if (objective is not IStochasticObjective stochastic)
        {
            throw new ArgumentException("Mini-batch SGD needs an objective that is a sum over samples (IStochasticObjective).", nameof(objective));
        }
        int dim = objective.Dimension;
        int n = stochastic.SampleCount;
        int batch = Math.Min(settings.BatchSize, n);
        double eta0 = settings.LearningRate ?? 1.0 / stochastic.SampleLipschitzBound();
        double shrinkPerEta = objective.L1 / n;
        var tracker = new IterationTracker(settings);

        var x = start.Slice(0, dim).ToArray();
        var g = new double[dim];
        var pg = new double[dim];
        var average = new double[dim];
        var best = x.ToArray();
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        double f = objective.SmoothValueAndGradient(x, g);
        double total = f + OptimizerCommon.L1Term(objective, x);
        int evaluations = 1;
        OptimizerCommon.PseudoGradient(objective, x, g, pg);
        TerminationReason reason = TerminationReason.MaximumIterations;
        var batchGradient = new double[dim];

        if (OptimizerCommon.GradientTestMet(VectorKernels.MaxAbs(pg), total, settings.Tolerance))
        {
            reason = TerminationReason.GradientTolerance;
        }
        else
        {
            for (int epoch = 0; epoch < settings.MaximumIterations; epoch++)
            {
                tracker.ThrowIfCancelled();
                var rng = new Random(unchecked(settings.Seed + epoch));
                for (int i = n - 1; i > 0; i--)
                {
                    int k = rng.Next(i + 1);
                    (order[i], order[k]) = (order[k], order[i]);
                }
                double eta = eta0 / Math.Sqrt(1.0 + epoch);
                Array.Clear(average);
                int steps = 0;
                for (int startRow = 0; startRow < n; startRow += batch)
                {
                    int count = Math.Min(batch, n - startRow);
                    stochastic.MeanValueAndGradientOnSamples(x, order.AsSpan(startRow, count), batchGradient);
                    VectorKernels.AddScaled(batchGradient, -eta, x);
                    if (shrinkPerEta > 0)
                    {
                        double shrink = eta * shrinkPerEta;
                        for (int j = 0; j < objective.L1Count; j++)
                        {
                            x[j] = Math.Sign(x[j]) * Math.Max(0.0, Math.Abs(x[j]) - shrink);
                        }
                    }
                    VectorKernels.AddScaled(x, 1.0, average);
                    steps++;
                }
                for (int j = 0; j < dim; j++)
                {
                    average[j] /= steps;
                }

                double previous = total;
                f = objective.SmoothValueAndGradient(average, g);
                total = f + OptimizerCommon.L1Term(objective, average);
                evaluations++;
                OptimizerCommon.PseudoGradient(objective, average, g, pg);
                average.CopyTo(best, 0);
                double gnorm = VectorKernels.MaxAbs(pg);
                tracker.Record(total, gnorm, eta);
                if (!double.IsFinite(total))
                {
                    reason = TerminationReason.Diverged;
                    break;
                }
                if (OptimizerCommon.GradientTestMet(gnorm, total, settings.Tolerance))
                {
                    reason = TerminationReason.GradientTolerance;
                    break;
                }
                if (Math.Abs(previous - total) <= settings.Tolerance * Math.Max(1.0, Math.Abs(total)))
                {
                    reason = TerminationReason.ObjectiveStalled;
                    break;
                }
            }
        }

        bool converged = reason is TerminationReason.GradientTolerance or TerminationReason.ObjectiveStalled;
        string message = converged
            ? $"sgd stopped after {tracker.Count} epochs ({reason})."
            : OptimizerCommon.Remedy(reason, "Mini-batch SGD");
        return new OptimizationResult(best, total, VectorKernels.MaxAbs(pg), tracker.Count, evaluations, reason, converged, message, tracker.Trace);
    }
}
