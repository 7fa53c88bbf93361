using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;

namespace LogReg.MLNet;

/// <summary>
/// Options of <see cref="LogRegTrainer"/>. Names follow ML.NET's LbfgsLogisticRegression options;
/// defaults come from <see cref="TrainerDefaults"/>.
/// </summary>
/// <remarks>
/// The objective minimised is
/// F(w, b) = Σᵢ sᵢ·ℓ(yᵢ, σ(w·xᵢ + b)) + (L2/2)·‖w‖² + L1·‖w‖₁ (bias not penalised; sᵢ the example weight).
/// </remarks>
public sealed class LogRegOptions
{
    /// <summary>Boolean label column. Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Known-size vector of Single (dense or sparse). Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Optional Single column of example weights sᵢ ≥ 0. Default none (all 1).</summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>Point-wise loss. Default <see cref="LossKind.BinaryCrossEntropy"/>.</summary>
    public LossKind Loss { get; set; } = LossKind.BinaryCrossEntropy;

    /// <summary>
    /// Optimizer. Default <see cref="OptimizerKind.Auto"/>: Newton when L1 = 0 and there are at
    /// most 63 features, otherwise L-BFGS (OWL-QN when L1 &gt; 0).
    /// </summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Auto;

    /// <summary>L1 weight (≥ 0). Default 0. Not supported by Newton.</summary>
    public float L1Regularization { get; set; } = TrainerDefaults.L1Regularization;

    /// <summary>L2 weight (≥ 0); L2 = 1/C in scikit-learn's terms. Default 1.</summary>
    public float L2Regularization { get; set; } = TrainerDefaults.L2Regularization;

    /// <summary>
    /// Stop when ‖∇F‖∞ ≤ tol·max(1, |F|) (Newton and L-BFGS also when their predicted decrease is at
    /// most (tol·max(1, |F|))²). Default 1e-7.
    /// </summary>
    public float OptimizationTolerance { get; set; } = TrainerDefaults.OptimizationTolerance;

    /// <summary>Iteration cap (epochs for SGD). Default: Newton 100, L-BFGS 1000, GD 10000, SGD 200.</summary>
    public int? MaximumNumberOfIterations { get; set; }

    /// <summary>Threads for the gradient pass. Default: all cores. The model does not depend on it.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>GD: fixed learning rate (default: backtracking line search). SGD: initial rate (default 1/L).</summary>
    public float? LearningRate { get; set; }

    /// <summary>SGD mini-batch size. Default 32.</summary>
    public int BatchSize { get; set; } = TrainerDefaults.BatchSize;

    /// <summary>L-BFGS history size. Default 10.</summary>
    public int HistorySize { get; set; } = TrainerDefaults.HistorySize;

    /// <summary>Seed for SGD's shuffling. Default: drawn from the MLContext's random source (so MLContext(seed) fixes it).</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Compute coefficient statistics after training (standard errors, z, p-values, intervals,
    /// log-likelihood, AIC, BIC, …; see <see cref="LogRegModelParameters.Statistics"/>), as ML.NET's
    /// ShowTrainingStatistics — in managed code, without MKL. Default false. Not with L1 &gt; 0.
    /// </summary>
    public bool ShowTrainingStatistics { get; set; }

    /// <summary>Receives one record per optimizer iteration (objective, gradient norm, step, elapsed).</summary>
    public IProgress<IterationRecord>? Progress { get; set; }

    /// <summary>Cancels training (checked once per iteration; throws OperationCanceledException).</summary>
    public CancellationToken CancellationToken { get; set; }

    internal LogRegOptions Clone() => (LogRegOptions)MemberwiseClone();
}
