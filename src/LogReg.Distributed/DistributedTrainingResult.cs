using LogReg.Core.Statistics;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>What <c>DistributedTrainer.FitAsync</c> returns: the same model and fit report as the local trainer, and the data it saw.</summary>
/// <param name="Fit">The model and its fit report.</param>
/// <param name="RowCount">Rows over all shards.</param>
/// <param name="ShardCount">Shards the sums came from.</param>
/// <param name="Statistics">Coefficient statistics from the summed Hessian, when asked for (<see cref="SummedStatistics"/>).</param>
public sealed record DistributedTrainingResult(FitResult<LogisticModel> Fit, long RowCount, int ShardCount, ModelStatistics? Statistics = null)
{
    /// <summary>The model (<see cref="FitResult{TModel}.Model"/>).</summary>
    public LogisticModel Model => Fit.Model;

    /// <summary>The fit report (<see cref="FitResult{TModel}.Report"/>).</summary>
    public FitReport Report => Fit.Report;
}
