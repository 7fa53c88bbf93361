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
}

/// <summary>One iteration of an optimizer, as recorded in the trace.</summary>
/// <param name="Iteration">1 for the first update.</param>
/// <param name="Objective">F after the update (including the L1 term).</param>
/// <param name="GradientNorm">‖∇F‖∞ (the minimum-norm subgradient under L1) after the update.</param>
/// <param name="StepSize">The step length used (line-search α, or the learning rate).</param>
/// <param name="Elapsed">Time since the optimizer started.</param>
public readonly record struct IterationRecord(int Iteration, double Objective, double GradientNorm, double StepSize, TimeSpan Elapsed);

/// <summary>What an optimizer returns: the point, how good it is, and why it stopped.</summary>
public sealed class OptimizationResult
{
    public OptimizationResult(
        double[] minimizer, double objective, double gradientNorm, int iterations,
        int functionEvaluations, TerminationReason termination, bool converged, string message,
        IReadOnlyList<IterationRecord> trace)
    {
        Minimizer = minimizer;
        Objective = objective;
        GradientNorm = gradientNorm;
        Iterations = iterations;
        FunctionEvaluations = functionEvaluations;
        Termination = termination;
        Converged = converged;
        Message = message;
        Trace = trace;
    }

    /// <summary>The final point x.</summary>
    public double[] Minimizer { get; }

    /// <summary>F(x), including the L1 term.</summary>
    public double Objective { get; }

    /// <summary>‖∇F(x)‖∞ (minimum-norm subgradient under L1).</summary>
    public double GradientNorm { get; }

    /// <summary>Number of updates performed (epochs for SGD).</summary>
    public int Iterations { get; }

    /// <summary>Number of passes over the data that evaluated the objective.</summary>
    public int FunctionEvaluations { get; }

    /// <summary>Why the optimizer stopped.</summary>
    public TerminationReason Termination { get; }

    /// <summary>True when the stopping test that defines convergence was met.</summary>
    public bool Converged { get; }

    /// <summary>A sentence for the log; when not converged it names a remedy.</summary>
    public string Message { get; }

    /// <summary>One record per iteration.</summary>
    public IReadOnlyList<IterationRecord> Trace { get; }
}
