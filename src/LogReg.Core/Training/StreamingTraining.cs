using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Training;

/// <summary>
/// Fits a <see cref="LogisticModel"/> on data read from an <see cref="ITrainingBlockSource"/> pass by pass
/// (the streaming mode): the same options, optimizers and model as <see cref="LogisticRegressionTrainer"/>
/// on a <see cref="StreamingObjective"/>. L1 and non-negativity run OWL-QN on the objective as it is
/// (in memory it runs in centred-bias coordinates, which need the column means first: same optimum,
/// more iterations on raw features). What needs the rows in memory is refused with the reason: SGD
/// (random mini-batches) and Firth's correction (leverages of every row).
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
        if (FitCapabilities.Check(ModelFamily.Sigmoid, RowSource.Streamed, options) is { } refusal)
        {
            throw new ArgumentException($"Streaming training (data read pass by pass) cannot honour {refusal.Message}", nameof(options));
        }
        options.ValidateStart(source.FeatureCount);
        int threads = options.ResolvedThreads;
        var penalty = new ElasticNetPenalty(options.L2Regularization, options.L1Regularization, source.FeatureCount, options.EnforceNonNegativity);
        var objective = new StreamingObjective(source, options.Loss, penalty, threads, options.ClassWeighting, options.CancellationToken);
        return ExternalSumTraining.Fit(objective, source.FeatureCount, objective.RowCount, source.FeatureNames, options,
            $"streamed in blocks of {source.BlockRows} rows (one pass per evaluation)");
    }
}
