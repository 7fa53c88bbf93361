using LogReg.Core.Numerics;

namespace LogReg.Core.Losses;

/// <summary>
/// Squared error on the sigmoid (the seed's "MSE", sections 1.3–1.4, 1.6): with p = σ(z), q = 1 − p,
/// ℓ(y, z) = (p − y)².
/// <list type="bullet">
/// <item>dℓ/dz = 2·(p − y)·p·q. The factor p·q ≤ ¼ vanishes for confident predictions, right or
/// wrong: a confident mistake barely moves the weights (the vanishing gradient of section 1.4).</item>
/// <item>d²ℓ/dz² = 2·p·q·[p·q + (p − y)·(q − p)] = 2·p·q·[−3p² + 2p − y + 2yp], which is negative
/// for some z: the loss is not convex (section 1.6).</item>
/// <item>Gauss–Newton curvature 2·(p·q)² ≥ 0 (the part of the curvature that does not involve the
/// residual), used where a solver needs a positive semi-definite model.</item>
/// </list>
/// </summary>
public readonly struct SquaredErrorOnSigmoidLoss : IPointwiseLoss
{
    /// <summary>|ℓ''| = 2·p·q·|p·q + r·(q − p)| ≤ 2·¼·(¼ + 1) = 0.625.</summary>
    public double CurvatureBound => 0.625;

    /// <inheritdoc/>
    public double Value(double y, double z)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        double r = (1.0 - y) * p - y * q; // p − y without cancellation
        return r * r;
    }

    /// <inheritdoc/>
    public double ValueAndDerivative(double y, double z, out double derivative)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        double r = (1.0 - y) * p - y * q;
        derivative = 2.0 * r * p * q;
        return r * r;
    }

    /// <inheritdoc/>
    public void ValuesAndDerivatives(ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> value, Span<double> derivative)
    {
        for (int k = 0; k < z.Length; k++)
        {
            value[k] = ValueAndDerivative(y[k], z[k], out derivative[k]);
        }
    }

    /// <inheritdoc/>
    public double Derivative(double y, double z)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        double r = (1.0 - y) * p - y * q;
        return 2.0 * r * p * q;
    }

    /// <inheritdoc/>
    public double Curvature(double y, double z)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        double r = (1.0 - y) * p - y * q;
        double pq = p * q;
        return 2.0 * pq * (pq + r * (q - p));
    }

    /// <inheritdoc/>
    public double GaussNewtonCurvature(double y, double z)
    {
        StableMath.SigmoidPair(z, out double p, out double q);
        double pq = p * q;
        return 2.0 * pq * pq;
    }
}
