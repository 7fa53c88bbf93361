using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Training;

/// <summary>
/// Fits a <see cref="LogisticModel"/> on data read from an <see cref="ITrainingBlockSource"/> pass by pass
/// (the streaming mode): the same options, optimizers and model as <see cref="LogisticRegressionTrainer"/>
/// on a <see cref="StreamingObjective"/>. What needs the rows in memory is refused with the reason:
/// L1 and non-negativity (OWL-QN runs in centred-bias coordinates built from the rows), SGD (random
/// mini-batches) and Firth's correction (leverages of every row).
/// </summary>
public static class StreamingTraining
{
    /// <summary>Trains on <paramref name="source"/>; every objective evaluation is one pass over it.</summary>
    /// <exception cref="ArgumentException">Options the streaming mode cannot honour, no rows, or a single class.</exception>
    public static TrainingResult Train(ITrainingBlockSource source, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= TrainerOptions.Default;
        options.Validate();
        if (WhyNotStreamed(options) is string reason)
        {
            throw new ArgumentException($"Streaming training (data read pass by pass) cannot honour these options: {reason}", nameof(options));
        }
        if (options.InitialParameters is { } initial && initial.Count != source.FeatureCount + 1)
        {
            throw new ArgumentException(
                $"InitialParameters has {initial.Count} values; the data have {source.FeatureCount} features, so {source.FeatureCount + 1} are needed (the weights, then the bias).", nameof(options));
        }
        int threads = options.ResolvedThreads;
        var penalty = new ElasticNetPenalty(options.L2Regularization, 0, source.FeatureCount);
        var objective = new StreamingObjective(source, options.Loss, penalty, threads, options.ClassWeighting, options.CancellationToken);
        var rows = (int)Math.Min(objective.RowCount, int.MaxValue);
        OptimizerKind kind = OptimizerCatalog.Resolve(options, source.FeatureCount, rows);
        IOptimizer optimizer = OptimizerCatalog.Create(kind);
        options.Log?.Invoke(new LogEvent(LogSeverity.Info, string.Create(CultureInfo.InvariantCulture,
            $"Training {options.Loss} with {optimizer.Name} on {objective.RowCount} rows × {source.FeatureCount} features, streamed in blocks of " +
            $"{source.BlockRows} rows (one pass per evaluation), L2 = {options.L2Regularization}, {threads} thread(s).")));
        var start = options.InitialParameters?.ToArray() ?? new double[objective.Dimension];
        var result = optimizer.Minimize(objective, start, options);
        FitOutcomeLog.Report(options, optimizer, result);
        var model = new LogisticModel(result.Minimizer.AsSpan(0, source.FeatureCount).ToArray(), result.Minimizer[source.FeatureCount], options.Loss, source.FeatureNames);
        return new TrainingResult(model, new FitReport(kind, options, result));
    }

    /// <summary>Why the streaming mode cannot train with these options, or null when it can.</summary>
    public static string? WhyNotStreamed(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.L1Regularization > 0)
        {
            return "L1Regularization > 0 (OWL-QN needs the rows in memory); use L1 = 0 or a memory budget the data fit in.";
        }
        if (options.EnforceNonNegativity)
        {
            return "EnforceNonNegativity (runs through OWL-QN); use a memory budget the data fit in.";
        }
        if (options.FirthBiasReduction)
        {
            return "FirthBiasReduction (needs every row's leverage); use a memory budget the data fit in.";
        }
        if (options.Optimizer == OptimizerKind.MiniBatchSgd)
        {
            return "Optimizer = MiniBatchSgd (random mini-batches need the rows in memory); use L-BFGS, Newton or GD.";
        }
        return null;
    }
}
