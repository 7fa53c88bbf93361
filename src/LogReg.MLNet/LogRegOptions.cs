using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;

namespace LogReg.MLNet;

/// <summary>
/// Options of <see cref="LogRegTrainer"/>, named as ML.NET's LbfgsLogisticRegression options and
/// typed as ML.NET types them (float). Each option is a view of the core's double-precision
/// <see cref="TrainerOptions"/> — the one source of defaults and validation — and a float option
/// stands for the decimal it shows (0.1f is 0.1; see <see cref="FloatOption"/>).
/// </summary>
/// <remarks>
/// The objective minimised is
/// F(w, b) = Σᵢ sᵢ·ℓ(yᵢ, σ(w·xᵢ + b)) + (L2/2)·‖w‖² + L1·‖w‖₁ (bias not penalised; sᵢ the example weight).
/// </remarks>
public sealed class LogRegOptions
{
    private TrainerOptions _core = TrainerOptions.Default;

    /// <summary>Creates options with every default.</summary>
    public LogRegOptions()
    {
    }

    /// <summary>Options that hold exactly <paramref name="core"/>'s values (refused when a float cannot hold one).</summary>
    public static LogRegOptions FromTrainerOptions(TrainerOptions core)
    {
        ArgumentNullException.ThrowIfNull(core);
        FloatOption.FromDouble(core.L1Regularization, nameof(L1Regularization));
        FloatOption.FromDouble(core.L2Regularization, nameof(L2Regularization));
        FloatOption.FromDouble(core.OptimizationTolerance, nameof(OptimizationTolerance));
        if (core.LearningRate is double rate)
        {
            FloatOption.FromDouble(rate, nameof(LearningRate));
        }
        return new LogRegOptions { _core = core, Seed = core.Seed };
    }

    /// <summary>Boolean label column. Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Known-size vector of Single (dense or sparse). Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Optional Single column of example weights sᵢ ≥ 0. Default none (all 1).</summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <inheritdoc cref="TrainerOptions.Loss"/>
    public LossKind Loss { get => _core.Loss; set => _core = _core with { Loss = value }; }

    /// <inheritdoc cref="TrainerOptions.Optimizer"/>
    public OptimizerKind Optimizer { get => _core.Optimizer; set => _core = _core with { Optimizer = value }; }

    /// <inheritdoc cref="TrainerOptions.L1Regularization"/>
    public float L1Regularization { get => (float)_core.L1Regularization; set => _core = _core with { L1Regularization = FloatOption.ToDouble(value) }; }

    /// <inheritdoc cref="TrainerOptions.L2Regularization"/>
    public float L2Regularization { get => (float)_core.L2Regularization; set => _core = _core with { L2Regularization = FloatOption.ToDouble(value) }; }

    /// <summary>
    /// Stop when ‖∇F‖∞ ≤ tol·max(1, |F|) (Newton and L-BFGS also when their predicted decrease is at
    /// most (tol·max(1, |F|))²). Default 1e-7.
    /// </summary>
    public float OptimizationTolerance { get => (float)_core.OptimizationTolerance; set => _core = _core with { OptimizationTolerance = FloatOption.ToDouble(value) }; }

    /// <summary>Iteration cap (epochs for SGD). Default: the optimizer's own (Newton 100, L-BFGS 1000, GD 10000, SGD 200).</summary>
    public int? MaximumNumberOfIterations { get => _core.MaximumNumberOfIterations; set => _core = _core with { MaximumNumberOfIterations = value }; }

    /// <inheritdoc cref="TrainerOptions.NumberOfThreads"/>
    public int? NumberOfThreads { get => _core.NumberOfThreads; set => _core = _core with { NumberOfThreads = value }; }

    /// <inheritdoc cref="OptimizerSettings.LearningRate"/>
    public float? LearningRate
    {
        get => (float?)_core.LearningRate;
        set => _core = _core with { LearningRate = value is float f ? FloatOption.ToDouble(f) : null };
    }

    /// <inheritdoc cref="OptimizerSettings.BatchSize"/>
    public int BatchSize { get => _core.BatchSize; set => _core = _core with { BatchSize = value }; }

    /// <inheritdoc cref="OptimizerSettings.HistorySize"/>
    public int HistorySize { get => _core.HistorySize; set => _core = _core with { HistorySize = value }; }

    /// <inheritdoc cref="TrainerOptions.EnforceNonNegativity"/>
    public bool EnforceNonNegativity { get => _core.EnforceNonNegativity; set => _core = _core with { EnforceNonNegativity = value }; }

    /// <inheritdoc cref="TrainerOptions.ClassWeighting"/>
    public ClassWeighting ClassWeighting { get => _core.ClassWeighting; set => _core = _core with { ClassWeighting = value }; }

    /// <summary>
    /// As ML.NET's option of that name: when &gt; 0, the weights start uniformly at random in
    /// [−diameter/2, diameter/2] (seeded by <see cref="Seed"/>), the bias at 0. Default 0 (all zero).
    /// A warm start (<see cref="LogRegTrainer.FitWithReport"/> with a model, or <c>Fit(data, modelParameters)</c>) takes precedence.
    /// </summary>
    public float InitialWeightsDiameter { get; set; }

    /// <summary>Seed for SGD's shuffling. Default: drawn from the MLContext's random source (so MLContext(seed) fixes it).</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Compute coefficient statistics after training (standard errors, z, p-values, intervals,
    /// log-likelihood, AIC, BIC, …; see <see cref="LogRegModelParameters.Statistics"/>), as ML.NET's
    /// ShowTrainingStatistics — in managed code, without MKL. Default false. Not with L1 &gt; 0.
    /// </summary>
    public bool ShowTrainingStatistics { get; set; }

    /// <inheritdoc cref="OptimizerSettings.Progress"/>
    public IProgress<IterationRecord>? Progress { get => _core.Progress; set => _core = _core with { Progress = value }; }

    /// <summary>Cancels training (checked once per iteration; throws OperationCanceledException).</summary>
    public CancellationToken CancellationToken { get => _core.CancellationToken; set => _core = _core with { CancellationToken = value }; }

    /// <summary>The core options these stand for, with the seed, progress and log the trainer supplies.</summary>
    internal TrainerOptions ToTrainerOptions(int seed, IProgress<IterationRecord>? progress, Action<LogEvent>? log) =>
        _core with { Seed = seed, Progress = progress, Log = log };

    /// <summary>The random start <see cref="InitialWeightsDiameter"/> asks for, or null.</summary>
    internal double[]? RandomStart(int featureCount, int seed)
    {
        if (!(InitialWeightsDiameter > 0))
        {
            return null;
        }
        var rng = new Random(seed);
        double diameter = FloatOption.ToDouble(InitialWeightsDiameter);
        return Enumerable.Range(0, featureCount).Select(_ => (rng.NextDouble() - 0.5) * diameter).Append(0.0).ToArray();
    }

    /// <summary>The core options as set (validation reads these).</summary>
    internal TrainerOptions Core => _core;

    internal LogRegOptions Clone() => (LogRegOptions)MemberwiseClone();
}
