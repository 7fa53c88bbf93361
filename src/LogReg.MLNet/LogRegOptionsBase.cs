using LogReg.Core.Losses;
using LogReg.Core.Optimization;

namespace LogReg.MLNet;

/// <summary>
/// What the binary (<see cref="LogRegOptions"/>) and multiclass (<see cref="LogRegMulticlassOptions"/>)
/// trainers share, named as ML.NET's L-BFGS trainers' options and typed as ML.NET types them (float).
/// Each option is a view of the core's double-precision <see cref="TrainerOptions"/> — the one source
/// of defaults and validation — and a float option stands for the decimal it shows (0.1f is 0.1;
/// see <see cref="FloatOption"/>).
/// </summary>
public abstract class LogRegOptionsBase
{
    private protected TrainerOptions _core = TrainerOptions.Default;

    private protected LogRegOptionsBase()
    {
    }

    /// <summary>Label column (Boolean for the binary trainer, key-typed for the multiclass one). Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Known-size vector of Single (dense or sparse). Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Optional Single column of example weights sᵢ ≥ 0. Default none (all 1).</summary>
    public string? ExampleWeightColumnName { get; set; }

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

    /// <inheritdoc cref="OptimizerSettings.Progress"/>
    public IProgress<IterationRecord>? Progress { get => _core.Progress; set => _core = _core with { Progress = value }; }

    /// <summary>Cancels training (checked once per iteration; throws OperationCanceledException).</summary>
    public CancellationToken CancellationToken { get => _core.CancellationToken; set => _core = _core with { CancellationToken = value }; }

    /// <summary>
    /// Where the in-memory copy's large arrays come from and go back to after the fit, for repeated fits
    /// (cross-validation, a search) that should reuse their memory: give the same pool to each. Default null: every fit
    /// allocates its copy. The model does not depend on it.
    /// </summary>
    public TrainingBufferPool? BufferPool { get; set; }

    /// <summary>
    /// Compute statistics after training, as ML.NET's ShowTrainingStatistics — in managed code, without MKL. Default false.
    /// The binary model: coefficient statistics (standard errors, z, p-values, intervals, log-likelihood, AIC, BIC, …;
    /// <see cref="LogRegFitDetails{TModel, TStatistics}.Statistics"/>), with L1 &gt; 0 or non-negativity conditional on the selected
    /// (non-zero) weights, as ML.NET gives them. The softmax model: ML.NET's record in
    /// <c>MaximumEntropyModelParameters.Statistics</c> (rows, parameters = K biases + non-zero weights, deviance and null
    /// deviance; saved in the model file, so plain ML.NET reloads it), and the multinomial-logit table (statsmodels'
    /// MNLogit: coefficients against the first class, standard errors, z, p, intervals, log-likelihood, AIC, BIC) in
    /// <c>LogRegDetails().Statistics</c> — with standard errors for the unpenalised fit (L2 = L1 = 0).
    /// Statistics need the rows in memory: a streamed fit (over <see cref="MemoryBudgetMegabytes"/>) refuses them.
    /// </summary>
    public bool ShowTrainingStatistics { get; set; }

    /// <summary>
    /// Largest in-memory copy of the training data, in megabytes. When the view's label, weight and stored features would
    /// take more, Fit streams instead: every pass reads the view again in blocks (an eighth of the budget each), so data
    /// larger than memory can be trained, at the cost of one read per objective evaluation; the model equals the
    /// in-memory one to rounding. Default (null): half of the memory the GC reports as available. 0: always stream.
    /// Streaming refuses what needs the rows in memory (SGD, Firth, <see cref="ShowTrainingStatistics"/>).
    /// </summary>
    public int? MemoryBudgetMegabytes { get; set; }

    /// <summary>The core options these stand for, with the seed, progress and log the trainer supplies.</summary>
    internal TrainerOptions ToTrainerOptions(int seed, IProgress<IterationRecord>? progress, Action<LogEvent>? log) =>
        _core with { Seed = seed, Progress = progress, Log = log };

    /// <summary>The random start <see cref="InitialWeightsDiameter"/> asks for, or null.</summary>
    /// <summary>The core options as set (validation reads these).</summary>
    // A double option that no float can hold is refused, not rounded (see FloatOption).
    private protected static void CheckFloats(TrainerOptions core)
    {
        ArgumentNullException.ThrowIfNull(core);
        FloatOption.FromDouble(core.L1Regularization, nameof(L1Regularization));
        FloatOption.FromDouble(core.L2Regularization, nameof(L2Regularization));
        FloatOption.FromDouble(core.OptimizationTolerance, nameof(OptimizationTolerance));
        if (core.LearningRate is double rate)
        {
            FloatOption.FromDouble(rate, "LearningRate");
        }
    }

    // ML.NET's InitialWeightsDiameter: weights uniform in [−diameter/2, diameter/2], biases (last) at 0.
    internal double[]? RandomStart(int weightCount, int biasCount, int seed)
    {
        if (!(InitialWeightsDiameter > 0))
        {
            return null;
        }
        var rng = new Random(seed);
        double diameter = FloatOption.ToDouble(InitialWeightsDiameter);
        return Enumerable.Range(0, weightCount).Select(_ => (rng.NextDouble() - 0.5) * diameter).Concat(new double[biasCount]).ToArray();
    }

    internal TrainerOptions Core => _core;

    // Column names are the adapter's own; every other option is validated once, by the core.
    internal void ValidateColumnNames()
    {
        static void RequireName(string? name, string option, bool optional = false)
        {
            if (optional ? name is not null && name.Trim().Length == 0 : string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentOutOfRangeException(option, name, $"{option} is '{name}'; expected a column name{(optional ? " or null" : "")}.");
            }
        }

        RequireName(LabelColumnName, nameof(LabelColumnName));
        RequireName(FeatureColumnName, nameof(FeatureColumnName));
        RequireName(ExampleWeightColumnName, nameof(ExampleWeightColumnName), optional: true);
        if (MemoryBudgetMegabytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryBudgetMegabytes), MemoryBudgetMegabytes,
                $"MemoryBudgetMegabytes is {MemoryBudgetMegabytes}; expected null (half the available memory), 0 (always stream) or a positive number.");
        }
        if (!(float.IsFinite(InitialWeightsDiameter) && InitialWeightsDiameter >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialWeightsDiameter), InitialWeightsDiameter,
                $"InitialWeightsDiameter is {InitialWeightsDiameter}; expected a finite number ≥ 0.");
        }
        _core.Validate();
    }

    internal T Clone<T>() where T : LogRegOptionsBase => (T)MemberwiseClone();
}
