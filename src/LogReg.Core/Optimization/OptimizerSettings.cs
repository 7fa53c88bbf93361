namespace LogReg.Core.Optimization;

/// <summary>Settings every optimizer reads; each documents which it uses.</summary>
public sealed record OptimizerSettings
{
    /// <summary>Stop when ‖∇F‖∞ ≤ Tolerance·max(1, |F|). Default 1e-7.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Iteration cap (epochs for SGD).</summary>
    public int MaximumIterations { get; init; } = 1000;

    /// <summary>Fixed learning rate for gradient descent (null: backtracking line search); initial rate for SGD.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Mini-batch size for SGD.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of SGD's shuffling.</summary>
    public int Seed { get; init; }

    /// <summary>Number of (s, y) pairs L-BFGS keeps.</summary>
    public int HistorySize { get; init; } = 10;

    /// <summary>Newton: largest dimension solved with a dense Cholesky factorisation; above it, truncated conjugate gradients.</summary>
    public int DenseNewtonLimit { get; init; } = 512;

    /// <summary>Receives one record per iteration (may be null).</summary>
    public IProgress<IterationRecord>? Progress { get; init; }

    /// <summary>Checked once per iteration; cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    internal void Validate()
    {
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be a finite number > 0.");
        }
        if (MaximumIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumIterations), MaximumIterations, "The iteration cap must be at least 1.");
        }
        if (LearningRate is double lr && (!(lr > 0) || !double.IsFinite(lr)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), lr, "The learning rate must be a finite number > 0.");
        }
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        }
        if (HistorySize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HistorySize), HistorySize, "The L-BFGS history size must be at least 1.");
        }
    }
}
