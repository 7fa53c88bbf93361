using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>What <see cref="DistributedTrainer.FitSoftmaxAsync"/> returns: the softmax model and its fit report, and the data it saw.</summary>
/// <param name="Fit">The model and its fit report.</param>
/// <param name="RowCount">Rows over all shards.</param>
/// <param name="ShardCount">Shards the sums came from.</param>
public sealed record DistributedSoftmaxResult(FitResult<SoftmaxModel> Fit, long RowCount, int ShardCount)
{
    /// <summary>The model (<see cref="FitResult{TModel}.Model"/>).</summary>
    public SoftmaxModel Model => Fit.Model;

    /// <summary>The fit report (<see cref="FitResult{TModel}.Report"/>).</summary>
    public FitReport Report => Fit.Report;
}
