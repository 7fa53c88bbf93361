using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Penalties;

namespace LogReg.Core.Training;

/// <summary>The one place a <see cref="LossKind"/> becomes a loss type: the objective for a kind.</summary>
public static class ObjectiveFactory
{
    /// <summary>The objective of <paramref name="loss"/> on <paramref name="data"/> with the penalty (L2, L1, optionally w ≥ 0) on its d weights.</summary>
    public static ILinearModelObjective Create(TrainingSet data, LossKind loss, double l2 = 0, double l1 = 0, int threads = 1, bool nonNegative = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var penalty = new ElasticNetPenalty(l2, l1, data.FeatureCount, nonNegative);
        return loss switch
        {
            LossKind.BinaryCrossEntropy => new LinearModelObjective<BinaryCrossEntropyLoss>(data, penalty, threads),
            LossKind.MeanSquaredError => new LinearModelObjective<SquaredErrorOnSigmoidLoss>(data, penalty, threads),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss; expected BinaryCrossEntropy or MeanSquaredError."),
        };
    }

    /// <summary>The point-wise loss of <paramref name="loss"/> (for per-row terms outside a pass, e.g. robust covariances).</summary>
    public static IPointwiseLoss Loss(LossKind loss) => loss switch
    {
        LossKind.BinaryCrossEntropy => new BinaryCrossEntropyLoss(),
        LossKind.MeanSquaredError => new SquaredErrorOnSigmoidLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss; expected BinaryCrossEntropy or MeanSquaredError."),
    };
}
