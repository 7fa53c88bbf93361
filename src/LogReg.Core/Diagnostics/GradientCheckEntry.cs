namespace LogReg.Core.Diagnostics;

/// <summary>One coordinate of a gradient check.</summary>
/// <param name="Index">The coordinate.</param>
/// <param name="Analytic">∂f/∂xⱼ from the objective's gradient.</param>
/// <param name="FiniteDifference">(f(x + heⱼ) − f(x − heⱼ)) / 2h.</param>
/// <param name="RelativeError">|analytic − numeric| / max(|analytic|, |numeric|, 1e-8).</param>
public readonly record struct GradientCheckEntry(int Index, double Analytic, double FiniteDifference, double RelativeError);
