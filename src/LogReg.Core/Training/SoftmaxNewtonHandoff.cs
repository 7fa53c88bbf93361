using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Auto's L-BFGS on a small dense softmax (K·(d + 1) within the dense-Newton limit, rows in memory) with full Newton as
/// its fallback: when L-BFGS has not converged after <see cref="IterationsBefore"/> iterations, Newton on the dense Hessian
/// goes on from where it stopped (and should Newton stall too, L-BFGS again with the iterations left). Raw, strongly correlated columns (mlbench's Vehicle, 846 × 18 × 4) left L-BFGS at its
/// 1,000-iteration cap where Newton converges in 13 iterations; most sets converge under L-BFGS long before the handoff.
/// </summary>
internal static class SoftmaxNewtonHandoff
{
    /// <summary>
    /// The L-BFGS iterations before the handoff: max(100, (d + 1)(K + 1)) — a Newton iteration forms K(K + 1)/2 weighted
    /// Grams of (d + 1)² entries, so the larger the Hessian, the longer L-BFGS is given to converge first.
    /// </summary>
    public static int IterationsBefore(int classes, int features) =>
        (int)Math.Min(int.MaxValue, Math.Max(100L, (features + 1L) * (classes + 1L)));

    /// <summary>
    /// Whether the fallback applies: Auto chose L-BFGS, rows in memory and dense, a smooth penalty with an L2 part, a Hessian
    /// within the user's dense-Newton limit (before the softmax's own cap of 64 for Newton from the start). Without L2, nearly collinear columns leave the Hessian nearly singular and Newton's shifted steps
    /// stopped short (an outside tester's 3,000 × 12 × 5 set: 100 iterations without converging where L-BFGS converged).
    /// </summary>
    public static bool Applies(TrainerOptions options, int denseNewtonLimit, OptimizerKind kind, bool inMemory, bool sparse, bool smooth, int classes, int features) =>
        options.Optimizer == OptimizerKind.Auto && kind == OptimizerKind.Lbfgs && inMemory && !sparse && smooth
        && options.L2Regularization > 0 && (long)classes * (features + 1) <= denseNewtonLimit;

    /// <summary>L-BFGS up to the handoff, then (not converged there) full Newton from its point; one result for both.</summary>
    public static OptimizationResult Minimize(IOptimizer lbfgs, IDifferentiableObjective objective, double[] start, TrainerOptions options, int classes, int features)
    {
        int cap = options.MaximumNumberOfIterations ?? lbfgs.DefaultIterationCap;
        int before = IterationsBefore(classes, features);
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
            DenseNewtonLimit = classes * (features + 1),
            MaximumNumberOfIterations = Math.Min(NewtonIterations, cap - before),
        });
        string handedOver = string.Create(CultureInfo.InvariantCulture,
            $"L-BFGS for {first.Iterations} iterations without converging, then Newton on the dense Hessian for {second.Iterations}");
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

    // Newton from L-BFGS's point converges in tens of iterations when it converges at all (Vehicle 4, Shuttle 18).
    private const int NewtonIterations = 50;

    private static OptimizationResult Joined(OptimizationResult last, string howItWent, params OptimizationResult[] phases) => last with
    {
        Iterations = phases.Sum(p => p.Iterations),
        Evaluations = phases.Aggregate(default(EvaluationCounts), (sum, p) => sum + p.Evaluations),
        Trace = phases.SelectMany(p => p.Trace).ToArray(),
        Message = $"{howItWent}: {last.Message}",
    };
}
