namespace LogReg.Core.Optimization;

/// <summary>
/// What one optimizer adds to the shared loop (<see cref="OptimizerLoop"/>): how to choose the
/// next point from the current one. Everything else — the start, the divergence, gradient and
/// iteration-cap tests, cancellation, acceptance, the trace, the counts and the result — is the
/// loop's.
/// </summary>
internal interface IDescentMethod
{
    /// <summary>True for Newton and L-BFGS (used to word the remedies).</summary>
    bool IsSecondOrder { get; }

    /// <summary>F above this is divergence (+∞: only a non-finite F is).</summary>
    double DivergenceBound { get; }

    /// <summary>Called once with the state at the start point.</summary>
    void Start(IterationState state);

    /// <summary>
    /// Proposes the next point: direction, step, and the candidate evaluated in the state.
    /// </summary>
    StepOutcome Step(IterationState state);

    /// <summary>
    /// Drops what the method learnt about the curvature (after its decrement test claimed convergence where the
    /// column-scaled gradient test fails), so that the next step starts afresh; false when the method has nothing to drop.
    /// </summary>
    bool Restart(IterationState state) => false;
}
