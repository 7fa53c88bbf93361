namespace LogReg.Core.Training;

/// <summary>The one source of every default value (the ML.NET options class reads these too).</summary>
public static class TrainerDefaults
{
    /// <summary>L2 weight: 1 (scikit-learn's C = 1).</summary>
    public const float L2Regularization = 1f;

    /// <summary>L1 weight: 0 (no sparsity; the exact default optimizer, Newton, needs a smooth objective).</summary>
    public const float L1Regularization = 0f;

    /// <summary>Stop when ‖∇F‖∞ ≤ 1e-7·max(1, |F|) (ML.NET's LBFGS default tolerance value).</summary>
    public const float OptimizationTolerance = 1e-7f;

    /// <summary>Iteration caps per optimizer when none is given.</summary>
    public const int NewtonIterations = 100;

    /// <inheritdoc cref="NewtonIterations"/>
    public const int LbfgsIterations = 1000;

    /// <inheritdoc cref="NewtonIterations"/>
    public const int GradientDescentIterations = 10000;

    /// <summary>Epochs for SGD when none is given.</summary>
    public const int SgdEpochs = 200;

    /// <summary>Mini-batch size for SGD.</summary>
    public const int BatchSize = 32;

    /// <summary>L-BFGS history size (pairs kept).</summary>
    public const int HistorySize = 10;

    /// <summary>Auto picks Newton when d + 1 is at most this (and L1 = 0).</summary>
    public const int AutoNewtonLimit = 64;

    /// <summary>The maximum iterations used when none is given for <paramref name="optimizer"/>.</summary>
    public static int IterationsFor(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.Newton => NewtonIterations,
        OptimizerKind.GradientDescent => GradientDescentIterations,
        OptimizerKind.MiniBatchSgd => SgdEpochs,
        _ => LbfgsIterations,
    };
}
