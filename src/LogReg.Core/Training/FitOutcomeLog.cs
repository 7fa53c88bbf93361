using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>The log event both trainers send when an optimizer has finished: a summary, and a warning with the remedies when it did not converge.</summary>
internal static class FitOutcomeLog
{
    public static void Report(TrainerOptions options, IOptimizer optimizer, OptimizationResult result)
    {
        if (options.Log is null)
        {
            return;
        }
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{optimizer.Name}: {result.Iterations} iterations, {result.Evaluations.Total} passes, objective {result.Objective:R}, " +
            $"‖∇F‖∞ = {result.GradientNorm:G3}, stopped on {result.Termination}.");
        options.Log(result.Converged
            ? new LogEvent(LogSeverity.Info, summary)
            : new LogEvent(LogSeverity.Warning, result.Termination == TerminationReason.NoFiniteMinimum
                ? $"{result.Message} {summary}"
                : $"Not converged. {summary} {Remedies.Explain(result.Termination)}.", result.Remedies));
    }
}
