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
    public const long AutoSmallProblemMaximumValues = 160_000;

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

    /// <summary>The short name of a kind ("auto", "gd", "sgd", "newton", "lbfgs"; "cd" for the path's solver).</summary>
    public static string NameOf(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Auto => AutoName,
        OptimizerKind.CoordinateDescent => "cd",
        _ => Create(kind).Name,
    };

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
    /// A cost model measured on this project's 2-core AVX2 machine: Newton costs
    /// I_N·(n·(d+1)²/2·c_g + 3·n·d·c_p) with I_N ≈ 3–9 iterations, L-BFGS I_L·1.2·n·d·c_p with I_L ≈ 8–90,
    /// and c_g ≈ c_p/5 per value (a Gram entry is one fused multiply-add; a pass value also pays the loss),
    /// so Newton pays while d is small, and the break-even d grows with I_L, i.e. with bad conditioning,
    /// which the shape does not show. Core fits, best of 25 × 10, default threads (2), after the Gram kernel
    /// took eight floats at a time (2026-11-28, seventh session; n × d, Newton / L-BFGS µs, synthetic data
    /// with true weights ~U(±0.3) then ~U(±1.5)): 500 × 16 182 / 253, 288 / 271; 1,500 × 20 789 / 1,107,
    /// 1,542 / 1,876; 1,000 × 32 621 / 1,070, 1,337 / 1,335; 1,500 × 32 1,327 / 1,505, 1,530 / 1,436;
    /// 3,000 × 16 842 / 1,242, 897 / 1,372; 2,500 × 12 508 / 1,652, 939 / 1,022; 5,000 × 30 2,582 / 4,069,
    /// 3,478 / 4,550; 10,000 × 12 1,579 / 3,483, 3,592 / 4,390; but 2,000 × 40 1,373 / 1,592, 3,513 / 2,328
    /// and 1,500 × 64 2,267 / 1,856, 3,211 / 2,228. Real data: breast cancer 455 × 30 raw 713 / 1,918
    /// (9 vs 89 iterations), standardised 680 / 1,190; the 1,000 × 20 bench set 520 / 675. Earlier
    /// measurements at larger n (before that kernel): 50,000 × 10 14.5 / 13.2 ms (tie), 50,000 × 30 38 / 28,
    /// 50,000 × 100 189 / 77. Hence Newton up to 10 features everywhere and up to 32 features while
    /// n·(d + 1) ≤ 160,000 (at most 7% slower than L-BFGS in the cases above, often 1.5–3× faster); L-BFGS
    /// beyond. (An earlier rule ran a 20-iteration L-BFGS probe first on small problems; once the Gram kernel
    /// was twice as fast, the probe made Auto slower than plain Newton in 10 of the 15 small cases above, by
    /// up to 2.2× (2,500 × 12: 2,019 vs 939 µs), and faster in 5 by at most 6%.)
    /// </remarks>
    public static OptimizerKind Resolve(TrainerOptions options, int featureCount, int rowCount) =>
        Resolve(ModelFamily.Sigmoid, options, featureCount, rowCount, sparse: false);

    /// <summary>The softmax model keeps its Hessian dense (full Newton) up to this many parameters K·(d + 1), rows in memory.</summary>
    public const int SoftmaxDenseNewtonMaximumParameters = 64;

    /// <summary>
    /// Auto for the softmax model, which knows K: Newton for small problems (K·(d + 1) ≤
    /// <see cref="SoftmaxDenseNewtonMaximumParameters"/>: a dense Hessian with the rows in memory, conjugate gradients on streamed
    /// or sharded rows) and on sparse data (Newton-CG), L-BFGS otherwise (OWL-QN under L1 or non-negativity). Measured on this machine (2 threads; README, "Multiclass: softmax regression"): full Newton fits raw iris in
    /// 8 iterations (0.4–0.5 ms) where L-BFGS took 166 (0.8–1.5 ms); on dense 50,000 × 50 × 10 and 80,000 × 50 × 5 L-BFGS needs 10–13 iterations and
    /// beats Newton-CG by 2–3×; on text-like sparse data Newton-CG takes fewer passes than L-BFGS — unless the sparse values
    /// span more than <see cref="SoftmaxNewtonValueSpan"/> (largest over smallest non-zero |x|):
    /// columns on scales decades apart make the unpreconditioned conjugate gradients crawl, where L-BFGS's diagonal
    /// preconditioner puts them on one scale (an outside tester, 1,000 × 4,000 × 10, columns scaled by 10^±5: Newton-CG hit
    /// its 100 iterations after 21,882 products at an objective 4.5× L-BFGS's). Sparse rows in memory that are
    /// normalised text in a well-conditioned fit (<see cref="FavoursLbfgs"/>) take L-BFGS too. Auto's L-BFGS on dense rows in memory with
    /// K·(d + 1) within the dense-Newton limit goes on by full Newton when it has not converged after max(100, (d + 1)(K + 1))
    /// iterations (<see cref="SoftmaxNewtonHandoff"/>).
    /// </summary>
    /// <param name="options">The fit's options.</param>
    /// <param name="classes">K.</param>
    /// <param name="featureCount">d.</param>
    /// <param name="sparse">Whether the rows are sparse.</param>
    /// <param name="rows">The sparse rows' shape when they are in memory (null: streamed, sharded or dense).</param>
    public static OptimizerKind ResolveSoftmax(TrainerOptions options, int classes, int featureCount, bool sparse, SparseRowShape? rows = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Optimizer != OptimizerKind.Auto)
        {
            return options.Optimizer;
        }
        if (options.L1Regularization != 0 || options.EnforceNonNegativity)
        {
            return OptimizerKind.Lbfgs;
        }
        if ((long)classes * (featureCount + 1) <= SoftmaxDenseNewtonMaximumParameters)
        {
            return OptimizerKind.Newton;
        }
        if (!sparse || rows is { ValueSpan: > SoftmaxNewtonValueSpan })
        {
            return OptimizerKind.Lbfgs;
        }
        return rows is { } shape && FavoursLbfgs(shape, classes, options.L2Regularization) ? OptimizerKind.Lbfgs : OptimizerKind.Newton;
    }

    /// <summary>The most a sparse set's values may span (largest over smallest non-zero |x|) for Auto to choose Newton-CG for the softmax.</summary>
    public const double SoftmaxNewtonValueSpan = 1e8;

    /// <summary>
    /// Whether sparse rows take L-BFGS rather than Newton-CG for the softmax: rows of (nearly) one norm (squared norms within
    /// a factor <see cref="SoftmaxLbfgsRowNormSpread"/>, as <c>FeaturizeText</c>'s L2-normalised blocks are), at least
    /// <see cref="SoftmaxLbfgsValuesPerColumn"/> stored values per column (a pass then outweighs L-BFGS's vector work on
    /// K·d numbers), at least as many rows as columns (fewer rows than features are separable, and as L2 falls L-BFGS's
    /// iterations climb where Newton's stay near ten), and the start's curvature at most
    /// <see cref="SoftmaxLbfgsCurvatureRatio"/> times the L2 penalty's (about the default L2 = 1 for up to 10⁴·K unit-norm
    /// rows). Measured (README, "Multiclass at issue 27's ninth stop"): on unit-norm text — synthetic Zipf sets and an
    /// outside tester's real documents (Python docstrings, cloud SDK help, Debian changelogs, man pages) — L-BFGS took
    /// 0.28–0.96× Newton-CG's time on most shapes that pass and up to 1.23× on two changelog sets; at larger ratios the
    /// real sets split (0.3× to 1.6×, and L-BFGS at its cap on changelogs at L2 = 0.01). Auto's L-BFGS on sparse rows hands over to
    /// Newton-CG if not converged halfway through its budget (<see cref="SoftmaxNewtonHandoff"/>).
    /// </summary>
    internal static bool FavoursLbfgs(SparseRowShape rows, int classes, double l2) =>
        rows.RowNormSpread <= SoftmaxLbfgsRowNormSpread
        && rows.StoredValuesPerColumn >= SoftmaxLbfgsValuesPerColumn
        && rows.RowsPerColumn >= 1
        && rows.CurvatureOverPenalty(classes, l2) <= SoftmaxLbfgsCurvatureRatio;

    /// <summary>The most the squared row norms may spread (largest over smallest) for <see cref="FavoursLbfgs"/>.</summary>
    public const double SoftmaxLbfgsRowNormSpread = 4;

    /// <summary>The fewest stored values per feature column for <see cref="FavoursLbfgs"/>.</summary>
    public const double SoftmaxLbfgsValuesPerColumn = 40;

    /// <summary>The largest start curvature over the L2 penalty (<see cref="SparseRowShape.CurvatureOverPenalty"/>) for <see cref="FavoursLbfgs"/>.</summary>
    public const double SoftmaxLbfgsCurvatureRatio = 1e4;

    /// <summary>
    /// The one Auto table, keyed by family and shape. The sigmoid model: see <see cref="Resolve(TrainerOptions, int, int)"/>.
    /// The softmax model, where K is not known here: <see cref="ResolveSoftmax"/> without its small-problem rule (Newton-CG on
    /// sparse data, L-BFGS on dense, OWL-QN under L1 or non-negativity). Measured on this machine (2 threads): a text-like
    /// sparse set (40,000 × 5,000, 10 classes, Zipf features) took L-BFGS 634 iterations (23 s) and Newton-CG 473 passes
    /// (13 s, to a tighter optimum).
    /// </summary>
    public static OptimizerKind Resolve(ModelFamily family, TrainerOptions options, int featureCount, long rowCount, bool sparse)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Optimizer != OptimizerKind.Auto)
        {
            return options.Optimizer;
        }
        bool smooth = options.L1Regularization == 0 && !options.EnforceNonNegativity;
        if (family == ModelFamily.Softmax)
        {
            return ResolveSoftmax(options, classes: int.MaxValue, featureCount, sparse);
        }
        bool fewFeatures = featureCount <= AutoNewtonMaximumFeatures;
        bool small = featureCount <= AutoSmallProblemMaximumFeatures && rowCount * (featureCount + 1) <= AutoSmallProblemMaximumValues;
        return smooth && (fewFeatures || small) ? OptimizerKind.Newton : OptimizerKind.Lbfgs;
    }
}
