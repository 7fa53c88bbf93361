namespace LogReg.Core.Optimization;

/// <summary>
/// Settings every optimizer reads (each optimizer documents which it uses). The initial values are
/// the library's defaults — the one place each is written; <c>TrainerOptions</c> extends this record.
/// </summary>
public record OptimizerSettings
{
    /// <summary>Stop when ‖∇F‖∞ ≤ OptimizationTolerance·max(1, |F|). Default 1e-7 (ML.NET's L-BFGS default value).</summary>
    public double OptimizationTolerance { get; init; } = 1e-7;

    /// <summary>Iteration cap (epochs for SGD); null: the optimizer's own default (<see cref="IOptimizer.DefaultIterationCap"/>).</summary>
    public int? MaximumNumberOfIterations { get; init; }

    /// <summary>Fixed learning rate for gradient descent (null: backtracking line search); initial rate for SGD (null: 1/L).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Mini-batch size for SGD. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of SGD's shuffling. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Number of (s, y) pairs L-BFGS keeps. Default 10.</summary>
    public int HistorySize { get; init; } = 10;

    /// <summary>Newton: largest dimension solved with a dense Cholesky factorisation; above it, truncated conjugate gradients. Default 512.</summary>
    public int DenseNewtonLimit { get; init; } = 512;

    /// <summary>Receives one record per iteration (may be null).</summary>
    public IProgress<IterationRecord>? Progress { get; init; }

    /// <summary>Checked once per iteration; cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that is out of range
    /// and what was expected — the one validation of these settings.
    /// </summary>
    public virtual void Validate()
    {
        Require(double.IsFinite(OptimizationTolerance) && OptimizationTolerance > 0, nameof(OptimizationTolerance), OptimizationTolerance, "a finite number > 0");
        Require(MaximumNumberOfIterations is null or >= 1, nameof(MaximumNumberOfIterations), MaximumNumberOfIterations, "at least 1");
        Require(LearningRate is null || (double.IsFinite(LearningRate.Value) && LearningRate > 0), nameof(LearningRate), LearningRate, "a finite number > 0");
        Require(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Require(HistorySize >= 1, nameof(HistorySize), HistorySize, "at least 1");
        Require(DenseNewtonLimit >= 1, nameof(DenseNewtonLimit), DenseNewtonLimit, "at least 1");
    }

    /// <summary>Throws when <paramref name="ok"/> is false: "{name} is {value}; expected {expected}."</summary>
    protected static void Require(bool ok, string name, object? value, string expected)
    {
        if (!ok)
        {
            string shown = value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "null";
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {shown}; expected {expected}.");
        }
    }
}
