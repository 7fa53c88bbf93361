namespace LogReg.Core.Optimization;

/// <summary>What an optimizer returns: the point, how good it is, what it cost, and why it stopped.</summary>
/// <param name="Minimizer">The final point x.</param>
/// <param name="Objective">F(x), including the L1 term.</param>
/// <param name="GradientNorm">‖∇F(x)‖∞ (the minimum-norm subgradient under L1).</param>
/// <param name="Iterations">Updates performed (epochs for SGD).</param>
/// <param name="Evaluations">Passes over the data by kind.</param>
/// <param name="Termination">Why the optimizer stopped.</param>
/// <param name="Converged">True when the stopping test that defines convergence was met.</param>
/// <param name="Remedies">What would help when not converged (<see cref="Remedy.None"/> otherwise).</param>
/// <param name="Message">A sentence for the log, in plain words (front ends word remedies with their option names).</param>
/// <param name="Trace">One record per iteration.</param>
public sealed record OptimizationResult(
    double[] Minimizer,
    double Objective,
    double GradientNorm,
    int Iterations,
    EvaluationCounts Evaluations,
    TerminationReason Termination,
    bool Converged,
    Remedy Remedies,
    string Message,
    IReadOnlyList<IterationRecord> Trace);
