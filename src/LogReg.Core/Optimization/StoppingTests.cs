namespace LogReg.Core.Optimization;

/// <summary>
/// The stopping tests every optimizer shares, written once. Each compares against
/// S = max(|F|, u), where u is the objective's <see cref="IDifferentiableObjective.ValueScale"/>
/// (the mean example weight for the linear model, so u = 1 with unit weights): multiplying every
/// example weight and L2 by c multiplies F, ∇F, the predicted decrease and S by c, so every test
/// gives the same answer at every c.
/// </summary>
public static class StoppingTests
{
    /// <summary>The gradient test: ‖∇F‖∞ ≤ tolerance·S.</summary>
    public static bool GradientTestMet(double gradientNormInf, double objective, double tolerance, double scale = 1.0) =>
        gradientNormInf <= tolerance * Reference(objective, scale);

    /// <summary>
    /// What the decrement test implies coordinate by coordinate: for a positive semidefinite H, gᵀH⁻¹g ≥ gⱼ²/Hⱼⱼ
    /// (Cauchy–Schwarz in the H-norm), so gᵀH⁻¹g ≤ (tolerance·S)²/u requires gⱼ² ≤ (tolerance·S)²/u · Hⱼⱼ for every j.
    /// With the objective's own curvature diagonal this checks a quasi-Newton model's claim: where it fails, the true
    /// decrement provably exceeds the bound, whatever the model predicted. Neither rescaling a coordinate (gⱼ and
    /// √Hⱼⱼ scale together) nor scaling the objective changes it.
    /// </summary>
    public static bool DecrementBoundMet(ReadOnlySpan<double> gradient, ReadOnlySpan<double> curvatureDiagonal, double objective, double tolerance, double scale = 1.0)
    {
        double perCurvature = DecrementBound(objective, tolerance, scale);
        for (int j = 0; j < gradient.Length; j++)
        {
            if (!(gradient[j] * gradient[j] <= perCurvature * Math.Max(curvatureDiagonal[j], 0)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The decrement test: the predicted decrease −∇F·d ≤ (tolerance·S)²/u. With u = 1 this is
    /// (tolerance·max(1, |F|))²; dividing by u keeps both sides linear in c.
    /// </summary>
    public static bool DecrementTestMet(double predictedDecrease, double objective, double tolerance, double scale = 1.0)
    {
        return predictedDecrease >= 0 && predictedDecrease <= DecrementBound(objective, tolerance, scale);
    }

    /// <summary>SGD's stall test: |F_before − F_after| ≤ tolerance·S(F_after).</summary>
    public static bool StallTestMet(double before, double after, double tolerance, double scale = 1.0) =>
        Math.Abs(before - after) <= tolerance * Reference(after, scale);

    /// <summary>
    /// Whether a step's change of F is within rounding of F: |ΔF| ≤ 64·ε·max(|F|, u). Such a step
    /// can neither prove nor refute progress.
    /// </summary>
    public static bool WithinRounding(double before, double after, double scale = 1.0) =>
        Math.Abs(after - before) <= 64 * 2.220446049250313e-16 * Reference(before, scale);

    private static double Reference(double objective, double scale) => Math.Max(Math.Abs(objective), scale);

    // (tolerance·S)²/u, written tolerance·S·(tolerance·S/u): squared first it overflows (or underflows) with weights near 1e±160.
    private static double DecrementBound(double objective, double tolerance, double scale)
    {
        double bound = tolerance * Reference(objective, scale);
        return bound * (bound / scale);
    }
}
