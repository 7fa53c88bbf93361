namespace LogReg.Compare;

/// <summary>One trainer's results over the folds.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Folds">Test-fold metrics, one per fold.</param>
/// <param name="FitSeconds">Fit time per fold.</param>
public sealed record TrainerResult(string Trainer, IReadOnlyList<BinaryMetrics> Folds, IReadOnlyList<double> FitSeconds)
{
    /// <summary>Area under the ROC curve over folds.</summary>
    public MeanSd Auc => MeanSd.Of(Folds.Select(f => f.Auc).ToList());

    /// <summary>Accuracy over folds.</summary>
    public MeanSd Accuracy => MeanSd.Of(Folds.Select(f => f.Accuracy).ToList());

    /// <summary>F1 over folds.</summary>
    public MeanSd F1 => MeanSd.Of(Folds.Select(f => f.F1).ToList());

    /// <summary>Log-loss (nats) over folds.</summary>
    public MeanSd LogLoss => MeanSd.Of(Folds.Select(f => f.LogLoss).ToList());

    /// <summary>Fit time (seconds) over folds.</summary>
    public MeanSd Fit => MeanSd.Of(FitSeconds);
}
