using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>How a model was found: which optimizer ran, with which options, and what it reported.</summary>
/// <param name="Optimizer">The optimizer that actually ran (never <see cref="OptimizerKind.Auto"/>).</param>
/// <param name="Options">The options of the fit (L2, L1, tolerance, caps …).</param>
/// <param name="Optimization">The optimizer's result: objective, gradient norm, iterations, counts, termination, trace.</param>
public sealed record FitReport(OptimizerKind Optimizer, TrainerOptions Options, OptimizationResult Optimization);
