using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The one table of optimizers: kind ↔ short name (the optimizer's own <see cref="IOptimizer.Name"/>,
/// used by reports and the command line), a new instance of each, and the rule behind
/// <see cref="OptimizerKind.Auto"/>.
/// </summary>
public static class OptimizerCatalog
{
    /// <summary>Auto picks Newton when d + 1 is at most this (and L1 = 0).</summary>
    public const int AutoNewtonLimit = 64;

    /// <summary>The name of Auto on the command line.</summary>
    public const string AutoName = "auto";

    /// <summary>Every optimizer that can run (all kinds but Auto).</summary>
    public static IReadOnlyList<OptimizerKind> Runnable { get; } =
        new[] { OptimizerKind.GradientDescent, OptimizerKind.MiniBatchSgd, OptimizerKind.Newton, OptimizerKind.Lbfgs };

    /// <summary>A new optimizer of the given kind (not Auto: resolve it first).</summary>
    public static IOptimizer Create(OptimizerKind kind) => kind switch
    {
        OptimizerKind.GradientDescent => new GradientDescentOptimizer(),
        OptimizerKind.MiniBatchSgd => new MiniBatchSgdOptimizer(),
        OptimizerKind.Newton => new NewtonOptimizer(),
        OptimizerKind.Lbfgs => new LbfgsOptimizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a runnable optimizer; resolve Auto first."),
    };

    /// <summary>The short name of a kind ("auto", "gd", "sgd", "newton", "lbfgs").</summary>
    public static string NameOf(OptimizerKind kind) => kind == OptimizerKind.Auto ? AutoName : Create(kind).Name;

    /// <summary>Every kind by its short name, Auto included.</summary>
    public static IReadOnlyDictionary<string, OptimizerKind> ByName { get; } =
        Runnable.Prepend(OptimizerKind.Auto).ToDictionary(NameOf, k => k, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The optimizer <see cref="OptimizerKind.Auto"/> stands for: Newton (dense Cholesky) when
    /// L1 = 0 and d + 1 ≤ <see cref="AutoNewtonLimit"/>, otherwise L-BFGS (OWL-QN under L1).
    /// Any other kind is returned as it is.
    /// </summary>
    public static OptimizerKind Resolve(TrainerOptions options, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Optimizer != OptimizerKind.Auto)
        {
            return options.Optimizer;
        }
        return options.L1Regularization == 0 && featureCount + 1 <= AutoNewtonLimit ? OptimizerKind.Newton : OptimizerKind.Lbfgs;
    }
}
