using System.Diagnostics;
using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>Pieces every optimizer shares: the L1 term, the stopping test, the trace.</summary>
internal static class OptimizerCommon
{
    /// <summary>λ₁·Σ_{j &lt; L1Count} |xⱼ|.</summary>
    public static double L1Term(IDifferentiableObjective objective, ReadOnlySpan<double> x)
    {
        if (objective.L1 == 0)
        {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < objective.L1Count; j++)
        {
            sum += Math.Abs(x[j]);
        }
        return objective.L1 * sum;
    }

    /// <summary>
    /// The minimum-norm subgradient of F = f + λ₁‖x‖₁ (OWL-QN's pseudo-gradient): zero exactly where
    /// x is optimal along that coordinate. Equals ∇f when λ₁ = 0.
    /// </summary>
    public static void PseudoGradient(IDifferentiableObjective objective, ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> pg)
    {
        double l1 = objective.L1;
        for (int j = 0; j < x.Length; j++)
        {
            if (l1 == 0 || j >= objective.L1Count)
            {
                pg[j] = g[j];
            }
            else if (x[j] > 0)
            {
                pg[j] = g[j] + l1;
            }
            else if (x[j] < 0)
            {
                pg[j] = g[j] - l1;
            }
            else if (g[j] + l1 < 0)
            {
                pg[j] = g[j] + l1;
            }
            else if (g[j] - l1 > 0)
            {
                pg[j] = g[j] - l1;
            }
            else
            {
                pg[j] = 0;
            }
        }
    }

    /// <summary>
    /// The checks made at the top of every iteration, in order: a non-finite F (or one above
    /// <paramref name="divergenceBound"/>) is divergence; the gradient test; the iteration cap.
    /// Returns true, with the reason, when the optimizer must stop.
    /// </summary>
    public static bool ShouldStop(double objective, double gradientNormInf, int iteration, OptimizerSettings settings,
        out TerminationReason reason, double divergenceBound = double.PositiveInfinity)
    {
        if (!double.IsFinite(objective) || objective > divergenceBound)
        {
            reason = TerminationReason.Diverged;
            return true;
        }
        if (GradientTestMet(gradientNormInf, objective, settings.Tolerance))
        {
            reason = TerminationReason.GradientTolerance;
            return true;
        }
        if (iteration >= settings.MaximumIterations)
        {
            reason = TerminationReason.MaximumIterations;
            return true;
        }
        reason = default;
        return false;
    }

    /// <summary>The documented stopping test: ‖∇F‖∞ ≤ tolerance·max(1, |F|).</summary>
    public static bool GradientTestMet(double gradientNormInf, double objective, double tolerance) =>
        gradientNormInf <= tolerance * Math.Max(1.0, Math.Abs(objective));

    /// <summary>The decrement test: the predicted decrease −∇F·d ≤ (tolerance·max(1, |F|))².</summary>
    public static bool DecrementTestMet(double predictedDecrease, double objective, double tolerance)
    {
        double bound = tolerance * Math.Max(1.0, Math.Abs(objective));
        return predictedDecrease >= 0 && predictedDecrease <= bound * bound;
    }

    public static string Remedy(TerminationReason reason, string optimizer) => reason switch
    {
        TerminationReason.MaximumIterations =>
            $"{optimizer} reached its iteration cap before the gradient test was met; raise MaximumNumberOfIterations or " +
            "standardise the features (NormalizeMeanVariance)" +
            (optimizer is "Newton" or "L-BFGS" ? "." : ", or use the Newton or L-BFGS optimizer."),
        TerminationReason.NoFurtherProgress =>
            $"{optimizer} could not decrease the objective any further in double precision; the features are probably badly scaled: " +
            "standardise them (NormalizeMeanVariance), raise L2Regularization, or loosen OptimizationTolerance.",
        TerminationReason.Diverged =>
            $"{optimizer} diverged (the objective grew without bound or became NaN); lower the learning rate or standardise the features.",
        _ => string.Empty,
    };
}

/// <summary>Records the trace, reports progress and checks cancellation, once per iteration.</summary>
internal sealed class IterationTracker
{
    private readonly List<IterationRecord> _trace = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly OptimizerSettings _settings;

    public IterationTracker(OptimizerSettings settings) => _settings = settings;

    public IReadOnlyList<IterationRecord> Trace => _trace;

    public int Count => _trace.Count;

    public void ThrowIfCancelled() => _settings.CancellationToken.ThrowIfCancellationRequested();

    public void Record(double objective, double gradientNorm, double step)
    {
        var record = new IterationRecord(_trace.Count + 1, objective, gradientNorm, step, _clock.Elapsed);
        _trace.Add(record);
        _settings.Progress?.Report(record);
    }

    public static double NormInf(ReadOnlySpan<double> v) => VectorKernels.MaxAbs(v);
}
