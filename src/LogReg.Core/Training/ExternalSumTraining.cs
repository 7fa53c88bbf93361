using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The fit on an objective whose sums over rows are computed elsewhere — streamed blocks
/// (<see cref="StreamingTraining"/>) or remote shards (LogReg.Distributed): resolve Auto, run the
/// optimizer from the options' start, log the outcome as every fit does, and return the model.
/// The caller has validated the options and built the objective.
/// </summary>
public static class ExternalSumTraining
{
    /// <summary>Minimises <paramref name="objective"/> (θ = weights then bias) and wraps the result.</summary>
    /// <param name="objective">F over θ of dimension <paramref name="featureCount"/> + 1.</param>
    /// <param name="featureCount">d.</param>
    /// <param name="rowCount">Rows behind the objective (for Auto and the log).</param>
    /// <param name="featureNames">Optional names for the model.</param>
    /// <param name="options">The options (validated).</param>
    /// <param name="dataDescription">How the rows are reached, for the log line.</param>
    public static TrainingResult Fit(IDifferentiableObjective objective, int featureCount, long rowCount, IReadOnlyList<string>? featureNames,
        TrainerOptions options, string dataDescription)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        OptimizerKind kind = OptimizerCatalog.Resolve(options, featureCount, (int)Math.Min(rowCount, int.MaxValue));
        IOptimizer optimizer = OptimizerCatalog.Create(kind);
        var result = FitRun.Minimize(optimizer, objective, options, options.Loss.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{rowCount} rows × {featureCount} features ({dataDescription})"));
        FitOutcomeLog.Report(options, optimizer, result);
        var model = new LogisticModel(result.Minimizer.AsSpan(0, featureCount).ToArray(), result.Minimizer[featureCount], options.Loss, featureNames);
        return new TrainingResult(model, new FitReport(kind, options, result));
    }
}
