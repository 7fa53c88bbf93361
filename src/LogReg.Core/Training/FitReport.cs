using LogReg.Core.Optimization;
using LogReg.Core.Separation;

namespace LogReg.Core.Training;

/// <summary>How a model was found: which optimizer ran, with which options, and what it reported.</summary>
/// <param name="Optimizer">The optimizer that actually ran (never <see cref="OptimizerKind.Auto"/>).</param>
/// <param name="Options">
/// The settings of the fit (L2, L1, tolerance, caps …) as values: the callbacks and the token the fit was given
/// (<see cref="TrainerOptions.Log"/>, <see cref="Optimization.OptimizerSettings.Progress"/>,
/// <see cref="Optimization.OptimizerSettings.CancellationToken"/>) are not kept, so a report — and every model holding
/// one — holds no front end's channel or logger.
/// </param>
/// <param name="Optimization">The optimizer's result: objective, gradient norm, iterations, counts, termination, trace.</param>
/// <param name="Separation">
/// The separation check of an unpenalised binary cross-entropy fit whose margins showed the symptom (or that did not converge),
/// or null when it did not run; when it proves separation, <paramref name="Optimization"/> says
/// <see cref="TerminationReason.NoFiniteMinimum"/> instead of converged.
/// </param>
public sealed record FitReport(OptimizerKind Optimizer, TrainerOptions Options, OptimizationResult Optimization, SeparationResult? Separation = null)
{
    /// <summary>The fit's settings, without its callbacks and cancellation token (also when set by <c>with</c>).</summary>
    public TrainerOptions Options { get; init => field = ValuesOf(value); } = ValuesOf(Options);

    private static TrainerOptions ValuesOf(TrainerOptions options) => options with { Log = null, Progress = null, CancellationToken = default };
}
