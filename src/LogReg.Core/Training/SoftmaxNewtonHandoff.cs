using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Auto's L-BFGS on a small dense softmax (K·(d + 1) within the dense-Newton limit, rows in memory) with full Newton as
/// its fallback: when L-BFGS has not converged after <see cref="IterationsBefore"/> iterations, Newton on the dense Hessian
/// goes on from where it stopped. Raw, strongly correlated columns (mlbench's Vehicle, 846 × 18 × 4) left L-BFGS at its
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

    /// <summary>Whether the fallback applies: Auto chose L-BFGS, rows in memory and dense, a smooth penalty, a Hessian within the limit.</summary>
    public static bool Applies(TrainerOptions options, OptimizerKind kind, bool inMemory, bool sparse, bool smooth, int classes, int features) =>
        options.Optimizer == OptimizerKind.Auto && kind == OptimizerKind.Lbfgs && inMemory && !sparse && smooth
        && (long)classes * (features + 1) <= options.DenseNewtonLimit;

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
        var newton = new NewtonOptimizer();
        var second = newton.Minimize(objective, first.Minimizer, options with
        {
            DenseNewtonLimit = classes * (features + 1),
            MaximumNumberOfIterations = Math.Min(newton.DefaultIterationCap, cap - before),
        });
        var (a, b) = (first.Evaluations, second.Evaluations);
        return second with
        {
            Iterations = first.Iterations + second.Iterations,
            Evaluations = new EvaluationCounts(a.Values + b.Values, a.Gradients + b.Gradients, a.HessianBuilds + b.HessianBuilds,
                a.HessianVectorProducts + b.HessianVectorProducts, a.PreconditionerPasses + b.PreconditionerPasses),
            Trace = first.Trace.Concat(second.Trace).ToArray(),
            Message = string.Create(CultureInfo.InvariantCulture,
                $"L-BFGS for {first.Iterations} iterations without converging, then Newton on the dense Hessian for {second.Iterations}: {second.Message}"),
        };
    }
}
