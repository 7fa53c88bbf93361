using LogReg.Core.Losses;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Everything <see cref="LogisticRegressionTrainer"/> needs besides the data, in double precision:
/// the single source of every default and the single validation (<see cref="Validate"/>). The
/// optimizer settings are inherited from <see cref="OptimizerSettings"/>, so they reach the
/// optimizer as they are, never copied.
/// </summary>
public sealed record TrainerOptions : OptimizerSettings
{
    /// <summary>The defaults, for front ends that start from them (the ML.NET options, the command line).</summary>
    public static TrainerOptions Default { get; } = new();

    /// <summary>The point-wise loss. Default binary cross-entropy.</summary>
    public LossKind Loss { get; init; } = LossKind.BinaryCrossEntropy;

    /// <summary>The optimizer. Default <see cref="OptimizerKind.Auto"/> (see <see cref="OptimizerCatalog.Resolve(ModelFamily, TrainerOptions, int, long, bool)"/>).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Auto;

    /// <summary>L2 weight (the (L2/2)·‖w‖² term; 1/C in scikit-learn's terms). Default 1.</summary>
    public double L2Regularization { get; init; } = 1.0;

    /// <summary>L1 weight (the L1·‖w‖₁ term). Default 0 (no sparsity; Auto can then pick Newton, which needs a smooth objective).</summary>
    public double L1Regularization { get; init; }

    /// <summary>Hold every weight at w ≥ 0 (the bias stays free), as ML.NET's option of that name. Default false.</summary>
    public bool EnforceNonNegativity { get; init; }

    /// <summary>
    /// Fit by Firth's bias-reduced (Jeffreys-penalised) likelihood instead of the optimizer
    /// (<see cref="FirthLogisticRegression"/>): finite estimates even on separated data, less
    /// small-sample bias. BCE only, with L2 = L1 = 0 and no non-negativity; dense Newton, up to 2,000 parameters.
    /// </summary>
    public bool FirthBiasReduction { get; init; }

    /// <summary>Nothing penalises or bounds the weights (L2 = L1 = 0, no non-negativity): the plain likelihood, whose maximum may not exist.</summary>
    internal bool IsUnpenalised => L2Regularization == 0 && L1Regularization == 0 && !EnforceNonNegativity;

    /// <summary>Per-class weights multiplied into the example weights. Default none.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>
    /// Where the optimizer starts (warm start): d weights then the bias; null: θ = 0. Starting at an
    /// earlier optimum, a refit on slightly changed data needs fewer passes.
    /// </summary>
    public IReadOnlyList<double>? InitialParameters { get; init; }

    /// <summary>Threads for the gradient pass; null: all cores. The model does not depend on it.</summary>
    public int? NumberOfThreads { get; init; }

    /// <summary>Receives log events (the optimizer chosen, the outcome, warnings).</summary>
    public Action<LogEvent>? Log { get; init; }

    /// <summary>The thread count that will be used.</summary>
    public int ResolvedThreads => NumberOfThreads ?? Environment.ProcessorCount;

    /// <inheritdoc/>
    public override void Validate()
    {
        Require(Enum.IsDefined(Loss), nameof(Loss), Loss, "BinaryCrossEntropy or MeanSquaredError");
        Require(Optimizer == OptimizerKind.Auto || OptimizerCatalog.Runnable.Contains(Optimizer), nameof(Optimizer), Optimizer,
            string.Join(", ", OptimizerCatalog.Runnable.Prepend(OptimizerKind.Auto)) + " (CoordinateDescent solves regularisation paths: LogRegCV)");
        Require(double.IsFinite(L2Regularization) && L2Regularization >= 0, nameof(L2Regularization), L2Regularization, "a finite number ≥ 0");
        Require(double.IsFinite(L1Regularization) && L1Regularization >= 0, nameof(L1Regularization), L1Regularization, "a finite number ≥ 0");
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), NumberOfThreads, "at least 1");
        Require(ClassWeighting is not null, nameof(ClassWeighting), ClassWeighting, "a class weighting (ClassWeighting.None by default)");
        ClassWeighting!.Validate();
        Require(InitialParameters is null || InitialParameters.All(double.IsFinite), nameof(InitialParameters), "a non-finite value", "finite numbers");
        Require(!(Optimizer == OptimizerKind.Newton && L1Regularization > 0), nameof(L1Regularization), L1Regularization,
            "0 with the Newton optimizer, which needs a smooth objective (Lbfgs runs OWL-QN for L1)");
        Require(!(Optimizer == OptimizerKind.Newton && EnforceNonNegativity), nameof(EnforceNonNegativity), EnforceNonNegativity,
            "false with the Newton optimizer, which is unconstrained (Lbfgs handles the bound)");
        Require(!FirthBiasReduction || (Loss == LossKind.BinaryCrossEntropy && IsUnpenalised),
            nameof(FirthBiasReduction), FirthBiasReduction,
            "false unless Loss is BinaryCrossEntropy with L2Regularization = 0, L1Regularization = 0 and no EnforceNonNegativity (Firth's penalty replaces them)");
        base.Validate();
    }
}
