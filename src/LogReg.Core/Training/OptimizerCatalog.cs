using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The one table of optimizers: kind ↔ short name (the optimizer's own <see cref="IOptimizer.Name"/>,
/// used by reports and the command line), a new instance of each, and the rule behind
/// <see cref="OptimizerKind.Auto"/>.
/// </summary>
public static class OptimizerCatalog
{
    /// <summary>Auto picks Newton (with L1 = 0) for up to this many features at any row count.</summary>
    public const int AutoNewtonMaximumFeatures = 10;

    /// <summary>Auto also picks Newton for small problems: at most this many features …</summary>
    public const int AutoSmallProblemMaximumFeatures = 32;

    /// <summary>… and at most this many stored values n·(d + 1).</summary>
    public const long AutoSmallProblemMaximumValues = 50_000;

    /// <summary>On small problems with more than <see cref="AutoNewtonMaximumFeatures"/> features, Auto first runs L-BFGS for at most this many iterations.</summary>
    public const int AutoLbfgsProbeIterations = 20;

    /// <summary>
    /// True where Auto's Newton is preceded by an L-BFGS probe (<see cref="AutoLbfgsProbeIterations"/>): small
    /// problems with more than <see cref="AutoNewtonMaximumFeatures"/> features, where which method is faster
    /// depends on the conditioning (measured: 1,000 × 20 synthetic L-BFGS 15 iterations, 1.26 ms vs Newton 1.35;
    /// breast cancer 455 × 30 L-BFGS 51–89 iterations, 2.1 ms vs Newton 9, 1.4 ms). Newton continues from the
    /// probe's point when it has not converged.
    /// </summary>
    public static bool ProbesLbfgsFirst(int featureCount, int rowCount) =>
        featureCount > AutoNewtonMaximumFeatures && featureCount <= AutoSmallProblemMaximumFeatures
        && (long)rowCount * (featureCount + 1) <= AutoSmallProblemMaximumValues;

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
    /// The optimizer <see cref="OptimizerKind.Auto"/> stands for: Newton (dense Cholesky) when L1 = 0
    /// and either d ≤ <see cref="AutoNewtonMaximumFeatures"/>, or the problem is small
    /// (d ≤ <see cref="AutoSmallProblemMaximumFeatures"/> and n·(d + 1) ≤ <see cref="AutoSmallProblemMaximumValues"/>);
    /// otherwise L-BFGS (OWL-QN under L1 or non-negativity). Any other kind is returned as it is.
    /// </summary>
    /// <remarks>
    /// A cost model measured on this project's 2-core AVX2 machine (2026-11-28, after the blocked
    /// Gram kernel; core fits, median, 1 and 2 threads): Newton costs I_N·(n·(d+1)²/2·c_g + 3·n·d·c_p)
    /// with I_N ≈ 3–9 iterations, L-BFGS I_L·1.2·n·d·c_p with I_L ≈ 8–90, and c_g ≈ c_p/5 per value
    /// (a Gram entry is one fused multiply-add; a pass value also pays the loss). So Newton pays
    /// only while d is small, and the break-even d grows with I_L, i.e. with bad conditioning, which
    /// the shape does not show. Synthetic, well-conditioned data (n × d: Newton / L-BFGS ms, 2 threads):
    /// 500 × 5 0.38 / 0.62; 5,000 × 5 1.36 / 2.11; 50,000 × 5 8.7 / 13.5; 50,000 × 10 14.5 / 13.2 (tie);
    /// 5,000 × 20 2.8 / 3.3; 5,000 × 30 4.9 / 2.8; 50,000 × 30 38 / 28; 50,000 × 100 189 / 77. Real,
    /// ill-conditioned small data: breast cancer 455 × 30 raw 1.25 / 3.2 ms (9 vs 89 iterations),
    /// standardised 1.47 / 1.8 (9 vs 51). Hence Newton up to 10 features everywhere, and on small
    /// problems (where its cost is bounded, about a millisecond) up to 32 features; L-BFGS beyond.
    /// </remarks>
    public static OptimizerKind Resolve(TrainerOptions options, int featureCount, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Optimizer != OptimizerKind.Auto)
        {
            return options.Optimizer;
        }
        bool fewFeatures = featureCount <= AutoNewtonMaximumFeatures;
        bool small = featureCount <= AutoSmallProblemMaximumFeatures && (long)rowCount * (featureCount + 1) <= AutoSmallProblemMaximumValues;
        return options.L1Regularization == 0 && !options.EnforceNonNegativity && (fewFeatures || small) ? OptimizerKind.Newton : OptimizerKind.Lbfgs;
    }
}
