using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Auto's L-BFGS with Newton as its fallback: when L-BFGS has not converged after <see cref="IterationsBefore"/> iterations,
/// Newton goes on from where it stopped (and should Newton stall too, L-BFGS again with the iterations left). Two cases:
/// <list type="bullet">
/// <item>A small dense softmax (K·(d + 1) within the dense-Newton limit, L2 &gt; 0): full Newton on the dense Hessian after
/// max(100, (d + 1)(K + 1)) iterations. Raw, strongly correlated columns (mlbench's Vehicle, 846 × 18 × 4) left L-BFGS at
/// its 1,000-iteration cap where Newton converges in 13 iterations; most sets converge under L-BFGS long before.</item>
/// <item>Sparse rows in memory, where Auto would take Newton-CG (L2 &gt; 0): L-BFGS with the centred preconditioner first,
/// Newton-CG after <see cref="SparseIterationsBefore"/> iterations. On text at the default L2 L-BFGS converges in 15–22
/// iterations, each about one pass, where Newton-CG needs 50–110 passes' worth of products; but where it needs more,
/// Newton-CG's products (cheaper than a pass) win, and on an outside tester's man pages (22,769 × 3,000 × 8) L-BFGS alone
/// ran to its 1,000-iteration cap at L2 = 0.1 where Newton-CG converged in 25.</item>
/// </list>
/// </summary>
/// <param name="IterationsBefore">L-BFGS iterations before the handoff.</param>
/// <param name="DenseNewtonLimit">The dense-Newton limit Newton runs with (K·(d + 1) for the dense Hessian, else the plan's).</param>
/// <param name="NewtonIterations">The most Newton iterations after the handoff.</param>
internal sealed record SoftmaxNewtonHandoff(int IterationsBefore, int DenseNewtonLimit, int NewtonIterations)
{
    /// <summary>L-BFGS iterations before a sparse fit hands over to Newton-CG.</summary>
    public const int SparseIterationsBefore = 30;

    // Newton from L-BFGS's point converges in tens of iterations when it converges at all (Vehicle 4, Shuttle 18).
    private const int DenseNewtonIterations = 50;

    /// <summary>
    /// The L-BFGS iterations before a dense handoff: max(100, (d + 1)(K + 1)) — a Newton iteration forms K(K + 1)/2 weighted
    /// Grams of (d + 1)² entries, so the larger the Hessian, the longer L-BFGS is given to converge first.
    /// </summary>
    public static int DenseIterationsBefore(int classes, int features) =>
        (int)Math.Min(int.MaxValue, Math.Max(100L, (features + 1L) * (classes + 1L)));

    /// <summary>
    /// The handoff for an Auto fit whose optimizer resolved to <paramref name="kind"/>, or null (then the plan runs
    /// <paramref name="kind"/> alone); with a handoff the plan runs L-BFGS. Both need rows in memory, a smooth penalty and an
    /// L2 part: without L2, nearly collinear columns leave the Hessian nearly singular and Newton's shifted steps stopped
    /// short (an outside tester's 3,000 × 12 × 5 set: 100 iterations without converging where L-BFGS converged).
    /// </summary>
    /// <param name="options">The fit's options (Auto only; the dense-Newton limit already capped for Newton from the start).</param>
    /// <param name="denseNewtonLimit">The user's dense-Newton limit (before the softmax's own cap of 64 for Newton from the start).</param>
    /// <param name="kind">What Auto resolved to.</param>
    /// <param name="inMemory">Whether the rows are in memory.</param>
    /// <param name="sparse">Whether the rows are sparse.</param>
    /// <param name="smooth">Whether the penalty is smooth (no L1, no non-negativity).</param>
    /// <param name="classes">K.</param>
    /// <param name="features">d.</param>
    public static SoftmaxNewtonHandoff? For(TrainerOptions options, int denseNewtonLimit, OptimizerKind kind, bool inMemory, bool sparse, bool smooth, int classes, int features)
    {
        if (options.Optimizer != OptimizerKind.Auto || !inMemory || !smooth || !(options.L2Regularization > 0))
        {
            return null;
        }
        long parameters = (long)classes * (features + 1);
        if (sparse)
        {
            // Auto resolved to Newton-CG (not to full Newton, whose small problems stay as they are, nor to L-BFGS for values
            // on scales decades apart, where Newton-CG crawls).
            return kind == OptimizerKind.Newton && parameters > OptimizerCatalog.SoftmaxDenseNewtonMaximumParameters
                ? new SoftmaxNewtonHandoff(SparseIterationsBefore, options.DenseNewtonLimit, new NewtonOptimizer().DefaultIterationCap)
                : null;
        }
        return kind == OptimizerKind.Lbfgs && parameters <= denseNewtonLimit
            ? new SoftmaxNewtonHandoff(DenseIterationsBefore(classes, features), (int)parameters, DenseNewtonIterations)
            : null;
    }

    /// <summary>L-BFGS up to the handoff, then (not converged there) Newton from its point; one result for both.</summary>
    public OptimizationResult Minimize(IOptimizer lbfgs, IDifferentiableObjective objective, double[] start, TrainerOptions options)
    {
        int cap = options.MaximumNumberOfIterations ?? lbfgs.DefaultIterationCap;
        int before = IterationsBefore;
        if (before >= cap)
        {
            return lbfgs.Minimize(objective, start, options);
        }
        var first = lbfgs.Minimize(objective, start, options with { MaximumNumberOfIterations = before });
        if (first.Termination != TerminationReason.MaximumIterations)
        {
            return first;
        }
        var second = new NewtonOptimizer().Minimize(objective, first.Minimizer, options with
        {
            DenseNewtonLimit = DenseNewtonLimit,
            MaximumNumberOfIterations = Math.Min(NewtonIterations, cap - before),
        });
        string newton = DenseNewtonLimit >= objective.Dimension ? "Newton on the dense Hessian" : "Newton-CG";
        string handedOver = string.Create(CultureInfo.InvariantCulture,
            $"L-BFGS for {first.Iterations} iterations without converging, then {newton} for {second.Iterations}");
        int left = cap - first.Iterations - second.Iterations;
        if (second.Converged || left <= 0)
        {
            return Joined(second, handedOver, first, second);
        }
        // A nearly singular Hessian (collinear columns without L2) can stall Newton where L-BFGS, given its whole budget,
        // converges: L-BFGS goes on from the lower of the two points with the iterations left.
        var from = second.Objective <= first.Objective ? second : first;
        var third = lbfgs.Minimize(objective, from.Minimizer, options with { MaximumNumberOfIterations = left });
        return Joined(third, string.Create(CultureInfo.InvariantCulture, $"{handedOver} without converging, then L-BFGS again for {third.Iterations}"), first, second, third);
    }

    private static OptimizationResult Joined(OptimizationResult last, string howItWent, params OptimizationResult[] phases) => last with
    {
        Iterations = phases.Sum(p => p.Iterations),
        Evaluations = new EvaluationCounts(phases.Sum(p => p.Evaluations.Values), phases.Sum(p => p.Evaluations.Gradients),
            phases.Sum(p => p.Evaluations.HessianBuilds), phases.Sum(p => p.Evaluations.HessianVectorProducts),
            phases.Sum(p => p.Evaluations.PreconditionerPasses)),
        Trace = phases.SelectMany(p => p.Trace).ToArray(),
        Message = $"{howItWent}: {last.Message}",
    };
}
