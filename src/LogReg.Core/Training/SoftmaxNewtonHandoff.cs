using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Auto's L-BFGS on a small dense softmax (K·(d + 1) within the dense-Newton limit, rows in memory) with full Newton as
/// its fallback: when L-BFGS has not converged after <see cref="IterationsBefore"/> iterations, Newton on the dense Hessian
/// goes on from where it stopped (and should Newton stall too, L-BFGS again with the iterations left). Raw, strongly correlated columns (mlbench's Vehicle, 846 × 18 × 4) left L-BFGS at its
/// 1,000-iteration cap where Newton converges in 13 iterations; most sets converge under L-BFGS long before the handoff.
/// Auto's L-BFGS on sparse text (<see cref="OptimizerCatalog.FavoursLbfgs"/>) has Newton-CG as its fallback the same way,
/// after <see cref="SparseIterationsBefore"/> iterations: on an outside tester's Debian changelogs (35,297 × 20,000 × 25,
/// L2 = 0.01) L-BFGS reached its cap where Newton-CG converged in 27 iterations.
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
    /// The L-BFGS iterations before the handoff on sparse text (or half the iteration cap, if less): where L-BFGS was the
    /// faster it converged within 15–654 iterations (README, "Multiclass at issue 27's ninth stop"), so at the default cap
    /// this only catches fits headed for it.
    /// </summary>
    public const int SparseIterationsBefore = 500;

    /// <summary>
    /// Whether the fallback applies: Auto chose L-BFGS, rows in memory, a smooth penalty with an L2 part, and either dense
    /// rows with a Hessian within the user's dense-Newton limit (before the softmax's own cap of 64 for Newton from the
    /// start) or sparse rows that Auto gave L-BFGS as text (<paramref name="shape"/>). Without L2, nearly collinear columns leave the Hessian nearly singular and Newton's shifted steps
    /// stopped short (an outside tester's 3,000 × 12 × 5 set: 100 iterations without converging where L-BFGS converged).
    /// </summary>
    public static bool Applies(TrainerOptions options, int denseNewtonLimit, OptimizerKind kind, bool inMemory, bool smooth, int classes, int features, SparseRowShape? shape) =>
        options.Optimizer == OptimizerKind.Auto && kind == OptimizerKind.Lbfgs && inMemory && smooth && options.L2Regularization > 0
        && (shape is { } rows ? OptimizerCatalog.FavoursLbfgs(rows, classes, options.L2Regularization) : (long)classes * (features + 1) <= denseNewtonLimit);

    /// <summary>L-BFGS up to the handoff, then (not converged there) Newton from its point — full on dense rows, CG on sparse; one result for all.</summary>
    public static OptimizationResult Minimize(IOptimizer lbfgs, IDifferentiableObjective objective, double[] start, TrainerOptions options, int classes, int features, bool sparse)
    {
        int cap = options.MaximumNumberOfIterations ?? lbfgs.DefaultIterationCap;
        int before = sparse ? Math.Min(SparseIterationsBefore, cap / 2) : IterationsBefore(classes, features);
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
            DenseNewtonLimit = sparse ? options.DenseNewtonLimit : classes * (features + 1),
            MaximumNumberOfIterations = Math.Min(sparse ? NewtonCgIterations : NewtonIterations, cap - before),
        });
        string handedOver = string.Create(CultureInfo.InvariantCulture,
            $"L-BFGS for {first.Iterations} iterations without converging, then {(sparse ? "Newton-CG" : "Newton on the dense Hessian")} for {second.Iterations}");
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

    // Newton-CG's own default cap: from the start it converged in 6–30 iterations on every text set measured.
    private const int NewtonCgIterations = 100;

    private static OptimizationResult Joined(OptimizationResult last, string howItWent, params OptimizationResult[] phases) => last with
    {
        Iterations = phases.Sum(p => p.Iterations),
        Evaluations = phases.Aggregate(default(EvaluationCounts), (sum, p) => sum + p.Evaluations),
        Trace = phases.SelectMany(p => p.Trace).ToArray(),
        Message = $"{howItWent}: {last.Message}",
    };
}
