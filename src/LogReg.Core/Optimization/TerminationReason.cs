namespace LogReg.Core.Optimization;

/// <summary>Why an optimizer stopped.</summary>
public enum TerminationReason
{
    /// <summary>‖∇F‖∞ ≤ tolerance·max(1, |F|) (for L1, the minimum-norm subgradient).</summary>
    GradientTolerance,

    /// <summary>
    /// Newton and L-BFGS: the decrease their next step predicts, −∇F·d (for Newton the squared
    /// Newton decrement, ≈ 2·(F − F*)), is at most (tolerance·max(1, |F|))². With an identity
    /// Hessian this is the gradient test in the 2-norm; with raw, badly scaled features it is the
    /// test that stays reachable in double precision.
    /// </summary>
    DecrementTolerance,

    /// <summary>SGD only: the full objective improved by less than tolerance·max(1, |F|) over an epoch.</summary>
    ObjectiveStalled,

    /// <summary>The iteration cap was reached first.</summary>
    MaximumIterations,

    /// <summary>No step decreased the objective any more (rounding limits further progress).</summary>
    NoFurtherProgress,

    /// <summary>The objective became infinite or NaN, or grew above 1e12 times its start (a learning rate too large).</summary>
    Diverged,

    /// <summary>
    /// The objective has no minimum: the training data are separated (proved by the separation check) and nothing
    /// is penalised, so the loss only approaches its infimum as the weights grow without bound. The optimizer's own
    /// test was met somewhere along the way, which says nothing about a minimum that does not exist.
    /// </summary>
    NoFiniteMinimum,
}
