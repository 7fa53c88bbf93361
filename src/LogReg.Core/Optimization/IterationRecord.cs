namespace LogReg.Core.Optimization;

/// <summary>One iteration of an optimizer, as recorded in the trace.</summary>
/// <param name="Iteration">1 for the first update.</param>
/// <param name="Objective">F after the update (including the L1 term).</param>
/// <param name="GradientNorm">‖∇F‖∞ (the minimum-norm subgradient under L1) after the update.</param>
/// <param name="StepSize">The step length used (line-search α, or the learning rate).</param>
/// <param name="Elapsed">Time since the optimizer started.</param>
public readonly record struct IterationRecord(int Iteration, double Objective, double GradientNorm, double StepSize, TimeSpan Elapsed);
