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
/// the iteration cap.
/// </summary>
public sealed class GradientDescentOptimizer : IOptimizer
{
    public string Name => "gd";

    public OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        settings.Validate();
        int n = objective.Dimension;
        var tracker = new IterationTracker(settings);

        // Step 1: initialise.
        var theta = start.Slice(0, n).ToArray();
        var gradient = new double[n];
        var candidate = new double[n];
        var candidateGradient = new double[n];
        var pg = new double[n];

        // Steps 2–4 at the start: forward, loss, gradient.
        double f = objective.SmoothValueAndGradient(theta, gradient);
        double total = f + OptimizerCommon.L1Term(objective, theta);
        int evaluations = 1;
        double alpha = settings.LearningRate ?? 1.0 / Math.Max(1.0, VectorKernels.Norm2(gradient));
        bool fixedRate = settings.LearningRate.HasValue;
        TerminationReason reason = TerminationReason.MaximumIterations;
        // A fixed learning rate that is too large makes F grow without bound; stop long before the
        // relative gradient test could be fooled by an astronomically large F.
        double divergenceBound = 1e12 * Math.Max(1.0, Math.Abs(total));

        for (int iteration = 0; ; iteration++)
        {
            OptimizerCommon.PseudoGradient(objective, theta, gradient, pg);
            if (OptimizerCommon.ShouldStop(total, VectorKernels.MaxAbs(pg), iteration, settings, out reason, divergenceBound))
            {
                break;
            }
            tracker.ThrowIfCancelled();

            // Step 5: update (with a line search unless the learning rate is fixed).
            double newF, newTotal;
            if (fixedRate)
            {
                Step(objective, theta, gradient, alpha, candidate);
                newF = objective.SmoothValueAndGradient(candidate, candidateGradient);
                newTotal = newF + OptimizerCommon.L1Term(objective, candidate);
                evaluations++;
            }
            else
            {
                alpha *= 2.0;
                int halvings = 0;
                while (true)
                {
                    Step(objective, theta, gradient, alpha, candidate);
                    newF = objective.SmoothValueAndGradient(candidate, candidateGradient);
                    newTotal = newF + OptimizerCommon.L1Term(objective, candidate);
                    evaluations++;
                    double model = f + OptimizerCommon.L1Term(objective, candidate);
                    double sq = 0;
                    for (int j = 0; j < n; j++)
                    {
                        double diff = candidate[j] - theta[j];
                        model += gradient[j] * diff;
                        sq += diff * diff;
                    }
                    model += sq / (2 * alpha);
                    if (newTotal <= model || sq == 0)
                    {
                        break;
                    }
                    alpha *= 0.5;
                    if (++halvings > 60)
                    {
                        break;
                    }
                }
                if (halvings > 60)
                {
                    reason = TerminationReason.NoFurtherProgress;
                    break;
                }
            }

            (theta, candidate) = (candidate, theta);
            (gradient, candidateGradient) = (candidateGradient, gradient);
            f = newF;
            total = newTotal;
            OptimizerCommon.PseudoGradient(objective, theta, gradient, pg);
            tracker.Record(total, VectorKernels.MaxAbs(pg), alpha);
        }

        OptimizerCommon.PseudoGradient(objective, theta, gradient, pg);
        bool converged = reason == TerminationReason.GradientTolerance;
        string message = converged
            ? $"gd converged after {tracker.Count} iterations."
            : OptimizerCommon.Remedy(reason, "Gradient descent");
        return new OptimizationResult(theta, total, VectorKernels.MaxAbs(pg), tracker.Count, evaluations, reason, converged, message, tracker.Trace);
    }

    // θ⁺ = prox(θ − α∇f): plain step, then soft-threshold the L1-penalised coordinates.
    private static void Step(IDifferentiableObjective objective, double[] theta, double[] gradient, double alpha, double[] result)
    {
        double shrink = alpha * objective.L1;
        for (int j = 0; j < theta.Length; j++)
        {
            double v = theta[j] - alpha * gradient[j];
            if (shrink > 0 && j < objective.L1Count)
            {
                v = Math.Sign(v) * Math.Max(0.0, Math.Abs(v) - shrink);
            }
            result[j] = v;
        }
    }
}
