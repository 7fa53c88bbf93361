using LogReg.Core.Optimization;
using LogReg.Core.Separation;

namespace LogReg.Core.Training;

/// <summary>
/// What a <see cref="FitProblem{TModel}"/> hands the <see cref="Fitter"/> once its data are checked and weighted: the objective
/// (penalty built), the optimizer Auto resolved to, the settings it runs with, and the words of the log line.
/// </summary>
/// <param name="Objective">F over θ.</param>
/// <param name="Kind">The optimizer that runs (never Auto).</param>
/// <param name="Options">The settings the optimizer runs with (the problem may fix some, e.g. Firth's iteration cap).</param>
/// <param name="Model">What is fitted, e.g. "BinaryCrossEntropy".</param>
/// <param name="Shape">The rows, e.g. "569 rows × 30 features (dense)".</param>
internal sealed record FitPlan(IDifferentiableObjective Objective, OptimizerKind Kind, TrainerOptions Options, string Model, string Shape)
{
    /// <summary>How to minimise from a start when not plainly by the optimizer (OWL-QN's centred coordinates), or null.</summary>
    public Func<IOptimizer, double[], OptimizationResult>? Minimize { get; init; }

    /// <summary>A check of the minimum the optimizer returned (the separation proof), or null.</summary>
    public Func<OptimizationResult, SeparationResult?>? Check { get; init; }
}
