namespace LogReg.Core.Optimization;

/// <summary>What a step of an <see cref="IDescentMethod"/> decided.</summary>
/// <param name="Accepted">The candidate in the state is the next point.</param>
/// <param name="StepSize">The step length used (for the trace).</param>
/// <param name="Stop">Stop after this step (after accepting it, if accepted), for this reason.</param>
internal readonly record struct StepOutcome(bool Accepted, double StepSize, TerminationReason? Stop)
{
    public static StepOutcome Accept(double stepSize) => new(true, stepSize, null);

    public static StepOutcome StopHere(TerminationReason reason) => new(false, 0, reason);
}
