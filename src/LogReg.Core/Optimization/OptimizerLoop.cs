namespace LogReg.Core.Optimization;

/// <summary>
/// The one optimizer loop: set up at the start point, then repeat — check (divergence, the gradient
/// test on F, the iteration cap, cancellation) → the method's step (direction, step length,
/// candidate) → accept → record — until a check or the method says stop. A method's stop after an
/// accepted step yields to the gradient test, which the loop alone applies.
/// </summary>
internal static class OptimizerLoop
{
    public static OptimizationResult Run(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings, int defaultIterationCap, IDescentMethod method)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int cap = settings.MaximumNumberOfIterations ?? defaultIterationCap;
        var state = new IterationState(objective, start, settings);
        method.Start(state);
        TerminationReason reason;
        int lastRestart = -1;
        for (int iteration = 0; ; iteration++)
        {
            if (!double.IsFinite(state.Total) || state.Total > method.DivergenceBound)
            {
                reason = TerminationReason.Diverged;
                break;
            }
            if (StoppingTests.GradientTestMet(state.GradientNorm, state.Total, settings.OptimizationTolerance, state.Scale))
            {
                reason = TerminationReason.GradientTolerance;
                break;
            }
            if (iteration >= cap)
            {
                reason = TerminationReason.MaximumIterations;
                break;
            }
            settings.CancellationToken.ThrowIfCancellationRequested();
            var outcome = method.Step(state);
            if (outcome.Accepted)
            {
                state.Accept(outcome.StepSize);
            }
            if (outcome.Stop is TerminationReason stop)
            {
                // Where the accepted point passes the gradient test, that is why the run stops,
                // whatever else the method saw (e.g. SGD's stall).
                if (outcome.Accepted && StoppingTests.GradientTestMet(state.GradientNorm, state.Total, settings.OptimizationTolerance, state.Scale))
                {
                    reason = TerminationReason.GradientTolerance;
                    break;
                }
                // A curvature model's "no decrease left" counts only where the objective's own curvature agrees,
                // coordinate by coordinate. Otherwise the model is wrong (e.g. L-BFGS pairs dominated by one huge
                // column): drop it and go on, once per run of accepted steps; a second claim without progress is
                // the end of what can be done.
                if (stop == TerminationReason.DecrementTolerance && !state.DecrementClaimHolds())
                {
                    if (state.Iterations > lastRestart && method.Restart(state))
                    {
                        lastRestart = state.Iterations;
                        continue;
                    }
                    reason = TerminationReason.NoFurtherProgress;
                    break;
                }
                reason = stop;
                break;
            }
        }
        return state.Finish(reason, method.IsSecondOrder);
    }
}
