using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Losses;

/// <summary>
/// Binary cross-entropy of the margin: with p = σ(z),
/// ℓ(y, z) = −y·ln p − (1 − y)·ln(1 − p) = ln(1 + eᶻ) − y·z (seed, section 1.5).
/// <list type="bullet">
/// <item>dℓ/dz = p − y (so ∂ℓ/∂wⱼ = xⱼ·(p − y): the seed's chain rule).</item>
/// <item>d²ℓ/dz² = p·(1 − p) ≥ 0: convex (seed, section 1.6).</item>
/// </list>
/// Computed from t = e^(−|z|) only: ln(1 + eᶻ) = max(z, 0) + log1p(t), so a confident mistake
/// (y = 1, z = −10⁴) costs 10⁴ exactly instead of ln(0) = −∞.
/// </summary>
public readonly struct BinaryCrossEntropyLoss : IPointwiseLoss
{
    /// <summary>p·q ≤ ¼.</summary>
    public double CurvatureBound => 0.25;

    /// <inheritdoc/>
    public double Value(double y, double z)
    {
        double t = Math.Exp(-Math.Abs(z));
        return Math.Max(z, 0.0) - y * z + StableMath.Log1P(t);
    }

    /// <inheritdoc/>
    public double ValueAndDerivative(double y, double z, out double derivative)
    {
        double t = Math.Exp(-Math.Abs(z));
        double inv = 1.0 / (1.0 + t);
        double p, q;
        if (z >= 0) { p = inv; q = t * inv; }
        else { p = t * inv; q = inv; }
        // p − y written as (1 − y)·p − y·q: exact for y ∈ {0, 1} even when p rounds to 1.
        derivative = (1.0 - y) * p - y * q;
        return Math.Max(z, 0.0) - y * z + StableMath.Log1P(t);
    }

    /// <summary>
    /// A block of rows at once: value[k] = ℓ(y[k], z[k]) and derivative[k] = dℓ/dz, the same formulas
    /// as <see cref="ValueAndDerivative"/> with e^(−|z|) and ln(1 + t) computed by the vectorised
    /// kernels of <see cref="VectorMath"/>. Blocks hold at most 64 rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ValuesAndDerivatives(ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> value, Span<double> derivative)
    {
        int n = z.Length;
        if (n > 64)
        {
            throw new ArgumentException("Blocks hold at most 64 rows.", nameof(z));
        }
        Span<double> t = stackalloc double[n];
        Span<double> logU = stackalloc double[n];
        for (int k = 0; k < n; k++)
        {
            t[k] = -Math.Abs(z[k]);
        }
        VectorMath.ExpNonPositive(t, t);
        VectorMath.Log1PUnit(t, logU);
        for (int k = 0; k < n; k++)
        {
            double tk = t[k], zk = z[k], yk = y[k];
            double log1p = logU[k];
            double inv = 1.0 / (1.0 + tk);
            double p = zk >= 0 ? inv : tk * inv;
            double q = zk >= 0 ? tk * inv : inv;
            derivative[k] = (1.0 - yk) * p - yk * q;
            value[k] = Math.Max(zk, 0.0) - yk * zk + log1p;
        }
    }

    /// <inheritdoc/>
    public double Derivative(double y, double z)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        return (1.0 - y) * p - y * q;
    }

    /// <inheritdoc/>
    public double Curvature(double y, double z)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        return p * q;
    }

    /// <inheritdoc/>
    public double GaussNewtonCurvature(double y, double z) => Curvature(y, z);
}
