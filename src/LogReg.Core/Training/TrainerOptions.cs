using LogReg.Core.Losses;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>Everything <see cref="LogisticRegressionTrainer"/> needs besides the data.</summary>
public sealed record TrainerOptions
{
    /// <summary>The point-wise loss. Default binary cross-entropy.</summary>
    public LossKind Loss { get; init; } = LossKind.BinaryCrossEntropy;

    /// <summary>The optimizer. Default <see cref="OptimizerKind.Auto"/>.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Auto;

    /// <summary>L2 weight (the (L2/2)·‖w‖² term). Default <see cref="TrainerDefaults.L2Regularization"/>.</summary>
    public double L2Regularization { get; init; } = TrainerDefaults.L2Regularization;

    /// <summary>L1 weight (the L1·‖w‖₁ term). Default 0.</summary>
    public double L1Regularization { get; init; } = TrainerDefaults.L1Regularization;

    /// <summary>Gradient tolerance (see <see cref="OptimizerSettings.Tolerance"/>). Default 1e-7.</summary>
    public double OptimizationTolerance { get; init; } = TrainerDefaults.OptimizationTolerance;

    /// <summary>Iteration cap; null: <see cref="TrainerDefaults.IterationsFor"/> of the optimizer.</summary>
    public int? MaximumNumberOfIterations { get; init; }

    /// <summary>GD: fixed learning rate (null: line search). SGD: initial rate (null: 1/L).</summary>
    public double? LearningRate { get; init; }

    /// <summary>SGD mini-batch size. Default 32.</summary>
    public int BatchSize { get; init; } = TrainerDefaults.BatchSize;

    /// <summary>L-BFGS history size. Default 10.</summary>
    public int HistorySize { get; init; } = TrainerDefaults.HistorySize;

    /// <summary>Threads for the gradient pass; null: all cores. The model does not depend on it.</summary>
    public int? NumberOfThreads { get; init; }

    /// <summary>Seed of SGD's shuffling. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Receives one record per iteration.</summary>
    public IProgress<IterationRecord>? Progress { get; init; }

    /// <summary>Cancels training (checked once per iteration).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives log lines (warnings about non-convergence, the optimizer chosen, …).</summary>
    public Action<string>? Log { get; init; }
}
