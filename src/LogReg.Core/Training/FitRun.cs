using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The steps every fit takes around its optimizer, written once for the in-memory, summed (streamed, sharded) and
/// softmax fits: say what is being fitted, start at the warm start (or 0) projected onto the penalty's feasible set,
/// minimise, and log the outcome.
/// </summary>
internal static class FitRun
{
    /// <summary>Announces the fit and minimises <paramref name="objective"/> from the start the options give.</summary>
    /// <param name="optimizer">The optimizer that runs.</param>
    /// <param name="objective">F over θ.</param>
    /// <param name="options">The fit's options (validated).</param>
    /// <param name="model">What is fitted, e.g. "BinaryCrossEntropy" or "softmax cross-entropy".</param>
    /// <param name="shape">The rows, e.g. "569 rows × 30 features (dense)".</param>
    /// <param name="minimize">How to minimise from a start, when not plainly by the optimizer (OWL-QN's centred coordinates).</param>
    public static OptimizationResult Minimize(IOptimizer optimizer, IDifferentiableObjective objective, TrainerOptions options, string model, string shape,
        Func<double[], OptimizationResult>? minimize = null)
    {
        options.Log?.Invoke(new LogEvent(LogSeverity.Info, string.Create(CultureInfo.InvariantCulture,
            $"Training {model} with {optimizer.Name} on {shape}, L2 = {options.L2Regularization}, L1 = {options.L1Regularization}, {options.ResolvedThreads} thread(s).")));
        var start = options.InitialParameters?.ToArray() ?? new double[objective.Dimension];
        objective.Penalty.ProjectOntoFeasibleSet(start); // a warm or random start that breaks the bound
        return minimize is null ? optimizer.Minimize(objective, start, options) : minimize(start);
    }
}
