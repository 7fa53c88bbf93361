namespace LogReg.Core.Optimization;

/// <summary>The stopping tests every optimizer shares, written once.</summary>
public static class StoppingTests
{
    /// <summary>The documented gradient test: ‖∇F‖∞ ≤ tolerance·max(1, |F|).</summary>
    public static bool GradientTestMet(double gradientNormInf, double objective, double tolerance) =>
        gradientNormInf <= tolerance * Math.Max(1.0, Math.Abs(objective));

    /// <summary>The decrement test: the predicted decrease −∇F·d ≤ (tolerance·max(1, |F|))².</summary>
    public static bool DecrementTestMet(double predictedDecrease, double objective, double tolerance)
    {
        double bound = tolerance * Math.Max(1.0, Math.Abs(objective));
        return predictedDecrease >= 0 && predictedDecrease <= bound * bound;
    }

    /// <summary>SGD's stall test: |F_before − F_after| ≤ tolerance·max(1, |F_after|).</summary>
    public static bool StallTestMet(double before, double after, double tolerance) =>
        Math.Abs(before - after) <= tolerance * Math.Max(1.0, Math.Abs(after));
}
