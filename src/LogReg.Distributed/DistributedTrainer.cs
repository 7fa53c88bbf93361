using LogReg.Core.Statistics;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>
/// Trains over shards held by <see cref="IShardGrain"/>s in an Orleans cluster: the same options,
/// optimizers (L-BFGS/OWL-QN, Newton and Newton-CG, GD) and model as the local trainer, on a
/// <see cref="DistributedObjective"/>. The model does not depend on how many silos there are or where
/// the shards live, and equals the local fit of the concatenated shards to rounding.
/// </summary>
public static class DistributedTrainer
{
    /// <summary>
    /// Fits a model on <paramref name="shards"/> through <paramref name="grains"/> (a cluster client, or a silo's grain
    /// factory), every worker reaching every file (a shared mount): shard k on the (k mod N)-th worker.
    /// </summary>
    /// <param name="grains">Where the shard grains are reached.</param>
    /// <param name="shards">The partitions, in the fixed order their sums are added in.</param>
    /// <param name="options">Trainer options; SGD (random mini-batches) and Firth's correction need the rows in one place and are refused.</param>
    /// <param name="jobId">Names this fit's shard grains (a new id reads the files again; the same id reuses loaded shards).</param>
    /// <param name="retry">How failed shard calls are retried (default <see cref="RetryPolicy.Default"/>).</param>
    /// <param name="journal">
    /// A checkpoint: a new one (<see cref="FitJournal.Create"/>) records every round of shard answers; a resumed one
    /// (<see cref="FitJournal.Resume"/>) replays those it holds, so a fit whose coordinator was killed ends with the
    /// model it would have had, bit for bit.
    /// </param>
    /// <param name="statistics">Also compute coefficient statistics from the summed Hessian at the fit (<see cref="SummedStatistics"/>).</param>
    public static Task<DistributedTrainingResult> FitAsync(IGrainFactory grains, IReadOnlyList<ShardSpec> shards, TrainerOptions? options = null,
        string? jobId = null, RetryPolicy? retry = null, FitJournal? journal = null, bool statistics = false)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return FitAsync(grains, shards.Select(s => new LocatedShard(s, [])).ToList(), options, jobId, retry, journal, statistics);
    }

    /// <summary>
    /// Fits a model on shards placed where their files are (<see cref="ShardCatalog.Locate"/>): each on the first live
    /// worker among its holders, failing over to the next when one dies.
    /// </summary>
    /// <exception cref="ClusterBuildException">A worker runs another build (both named), or does not answer the handshake.</exception>
    /// <param name="grains">Where the shard grains are reached.</param>
    /// <param name="shards">The shards and their holders, in the fixed order their sums are added in.</param>
    /// <param name="options">Trainer options, as for the other overload.</param>
    /// <param name="jobId">Names this fit's shard grains.</param>
    /// <param name="retry">How failed shard calls are retried.</param>
    /// <param name="journal">A checkpoint, as for the other overload.</param>
    /// <param name="statistics">Also compute coefficient statistics from the summed Hessian at the fit (one more round;
    /// binary cross-entropy, unpenalised or L2): <see cref="SummedStatistics"/>.</param>
    public static async Task<DistributedTrainingResult> FitAsync(IGrainFactory grains, IReadOnlyList<LocatedShard> shards, TrainerOptions? options = null,
        string? jobId = null, RetryPolicy? retry = null, FitJournal? journal = null, bool statistics = false)
    {
        options ??= TrainerOptions.Default;
        options.Validate();
        FitCapabilities.Require(ModelFamily.Sigmoid, RowSource.Sharded, options); // before any shard reads its files
        if (statistics && (options.Loss != LogReg.Core.Losses.LossKind.BinaryCrossEntropy || options.L1Regularization != 0 || options.EnforceNonNegativity))
        {
            throw new ArgumentException("Statistics over shards are for binary cross-entropy fits, unpenalised or with L2 only (no L1 or non-negativity).", nameof(statistics));
        }
        await ShardCatalog.DescribeWorkersAsync(grains, pattern: null, retry).ConfigureAwait(false);
        var objective = await DistributedObjective.OpenAsync(grains, jobId ?? Guid.NewGuid().ToString("N"), shards, options, retry, journal).ConfigureAwait(false);
        var problem = FitProblem.Sharded(objective, objective.FeatureNames,
            $"over {shards.Count} shard(s) in the cluster (one round of shard calls per evaluation)");
        // The optimizers are synchronous; each evaluation waits for all shards (off the caller's context).
        var fit = await Task.Run(() => Fitter.Fit(problem, options)).ConfigureAwait(false);
        var table = !statistics ? null : await Task.Run(() => SummedStatistics.Compute(fit, objective, objective.ClassWeightTotals.Positive,
            objective.ClassWeightTotals.Negative, $"the rows are spread over {shards.Count} shard(s) in the cluster")).ConfigureAwait(false);
        return new DistributedTrainingResult(fit, objective.RowCount, shards.Count, table);
    }

    /// <summary>
    /// Fits the softmax model (multinomial logistic regression) on multiclass shards (CSV files whose label column holds
    /// any class names) placed where their files are, as the binary fit does: the classes are every label any shard
    /// holds; the model equals the local softmax fit of the concatenated shards to rounding.
    /// </summary>
    /// <param name="grains">Where the shard grains are reached.</param>
    /// <param name="shards">The shards and their holders (no holders: every worker reaches every file), in the order their sums are added in.</param>
    /// <param name="options">Trainer options; SGD, Firth, the squared-error loss and explicit (two-class) weights are refused.</param>
    /// <param name="jobId">Names this fit's shard grains.</param>
    /// <param name="retry">How failed shard calls are retried.</param>
    /// <param name="journal">A checkpoint, as for the binary fit.</param>
    public static async Task<DistributedSoftmaxResult> FitSoftmaxAsync(IGrainFactory grains, IReadOnlyList<LocatedShard> shards, TrainerOptions? options = null,
        string? jobId = null, RetryPolicy? retry = null, FitJournal? journal = null)
    {
        options ??= TrainerOptions.Default;
        options.Validate();
        FitCapabilities.Require(ModelFamily.Softmax, RowSource.Sharded, options);
        await ShardCatalog.DescribeWorkersAsync(grains, pattern: null, retry).ConfigureAwait(false);
        var objective = await DistributedSoftmaxObjective.OpenAsync(grains, jobId ?? Guid.NewGuid().ToString("N"), shards, options, retry, journal).ConfigureAwait(false);
        var problem = FitProblem.ShardedSoftmax(objective, objective.Classes, objective.FeatureNames,
            $"over {shards.Count} shard(s) in the cluster (one round of shard calls per evaluation)");
        var fit = await Task.Run(() => Fitter.Fit(problem, options)).ConfigureAwait(false);
        return new DistributedSoftmaxResult(fit, objective.RowCount, shards.Count);
    }
}
