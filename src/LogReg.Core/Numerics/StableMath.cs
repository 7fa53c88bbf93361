namespace LogReg.Core.Numerics;

/// <summary>
/// Numerically stable scalar kernels used everywhere a sigmoid or a logarithm of one appears.
/// Every function is finite for every finite input (tested for |z| up to 1e4 and beyond).
/// </summary>
public static class StableMath
{
    /// <summary>σ(z) = 1 / (1 + e⁻ᶻ), computed without overflow: for z &lt; 0 as eᶻ / (1 + eᶻ).</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>
    /// σ(z) and 1 − σ(z), both with full relative accuracy (1 − σ(z) is not computed by subtraction,
    /// which would lose every digit once σ(z) rounds to 1). One exponential.
    /// </summary>
    public static void SigmoidPair(double z, out double p, out double q)
    {
        double e = Math.Exp(-Math.Abs(z)); // in (0, 1]: never overflows
        double inv = 1.0 / (1.0 + e);
        if (z >= 0)
        {
            p = inv;
            q = e * inv;
        }
        else
        {
            p = e * inv;
            q = inv;
        }
    }

    /// <summary>
    /// log(1 + x) accurate for small |x| (the .NET base library has no log1p for double on every
    /// target). Uses the classic correction log(u)·x/(u − 1) with u = 1 + x, which cancels the
    /// rounding error committed when forming u (Goldberg, "What every computer scientist should
    /// know about floating-point arithmetic", theorem 4).
    /// </summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>
    /// log(1 + eᶻ) (the "softplus"), stable for every z. With t = e^(−|z|) ∈ (0, 1]:
    /// log(1 + eᶻ) = max(z, 0) + log1p(t). Never overflows; for z → −∞ it returns eᶻ with full
    /// relative accuracy, for z → +∞ exactly z (once log1p(t) is below half an ulp of z).
    /// </summary>
    public static double Log1PExp(double z)
    {
        double t = Math.Exp(-Math.Abs(z));
        return Math.Max(z, 0.0) + Log1P(t);
    }

    /// <summary>log σ(z) = −log(1 + e⁻ᶻ). Finite for every finite z (≈ z for z → −∞).</summary>
    public static double LogSigmoid(double z) => -Log1PExp(-z);
}
