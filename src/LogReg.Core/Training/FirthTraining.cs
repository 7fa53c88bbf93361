using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Optimization;
using LogReg.Core.Statistics;

namespace LogReg.Core.Training;

/// <summary>
/// The trainer's route for <see cref="TrainerOptions.FirthBiasReduction"/>: Firth's modified-score
/// Newton (<see cref="FirthLogisticRegression"/>), reported in the same <see cref="FitReport"/> shape
/// (objective = −ℓ*, the negated penalised log-likelihood; gradient norm = the modified score's largest entry).
/// </summary>
internal static class FirthTraining
{
    public static TrainingResult Train(TrainingSet data, TrainerOptions options)
    {
        options.Log?.Invoke(new LogEvent(LogSeverity.Info, string.Create(CultureInfo.InvariantCulture,
            $"Training BCE with Firth's bias reduction (dense Newton on the modified score) on {data.RowCount} rows × {data.FeatureCount} features.")));
        var fit = FirthLogisticRegression.Fit(data, options.OptimizationTolerance, options.MaximumNumberOfIterations ?? 200);
        // The table's order is intercept first; the model's, weights then bias.
        var theta = fit.Coefficients.Skip(1).Append(fit.Coefficients[0]).ToArray();
        var termination = fit.Converged ? TerminationReason.GradientTolerance : TerminationReason.NoFurtherProgress;
        string message = fit.Converged
            ? $"Converged after {fit.Iterations} iterations (Firth's modified score vanished)."
            : $"Not converged after {fit.Iterations} iterations: Firth's modified score did not vanish.";
        var result = new OptimizationResult(theta, -fit.PenalizedLogLikelihood, fit.ScoreNorm, fit.Iterations,
            new EvaluationCounts(fit.Iterations + 1, fit.Iterations + 1, fit.Iterations + 1, 0, 0), termination, fit.Converged,
            fit.Converged ? Remedy.None : Remedy.RaiseIterationCap, message, Array.Empty<IterationRecord>());
        options.Log?.Invoke(fit.Converged ? new LogEvent(LogSeverity.Info, message) : new LogEvent(LogSeverity.Warning, message, result.Remedies));
        var model = new LogisticModel(theta.AsSpan(0, data.FeatureCount).ToArray(), theta[data.FeatureCount], Losses.LossKind.BinaryCrossEntropy, data.FeatureNames);
        return new TrainingResult(model, new FitReport(OptimizerKind.Newton, options, result));
    }
}
