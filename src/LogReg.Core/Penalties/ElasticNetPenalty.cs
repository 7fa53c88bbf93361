namespace LogReg.Core.Penalties;

/// <summary>
/// The elastic-net penalty on the leading <see cref="PenalizedCount"/> coordinates of θ (the
/// weights; the bias, stored after them, is never penalised):
/// <code>
///   R(θ) = (L2/2)·Σ_{j &lt; m} θⱼ²  +  L1·Σ_{j &lt; m} |θⱼ|,     m = PenalizedCount
/// </code>
/// The L2 part is smooth: objectives add it to their value, gradient and curvature
/// (<see cref="SmoothValue"/>, <see cref="AddSmoothGradient"/>, <c>AddSmoothCurvature</c>).
/// The L1 part is not: optimizers handle it through this object only — its value
/// (<see cref="L1Value"/>), the minimum-norm subgradient (<see cref="PseudoGradient"/>), the
/// proximal step (<see cref="SoftThreshold"/>) and OWL-QN's orthant rules
/// (<see cref="ConstrainDirection"/>, <see cref="ProjectOntoOrthant"/>). No other file knows how L1 works.
/// With <see cref="NonNegative"/> the penalised coordinates are also held at w ≥ 0 (as ML.NET's
/// EnforceNonNegativity): the bound acts as a fixed orthant, so the same four rules enforce it.
/// Immutable.
/// </summary>
public sealed class ElasticNetPenalty
{
    /// <summary>No penalty at all.</summary>
    public static ElasticNetPenalty None { get; } = new(0, 0, 0);

    /// <summary>Creates the penalty.</summary>
    /// <param name="l2">L2 ≥ 0, finite.</param>
    /// <param name="l1">L1 ≥ 0, finite.</param>
    /// <param name="penalizedCount">How many leading coordinates are penalised (d: the weights).</param>
    /// <param name="nonNegative">Hold the penalised coordinates at w ≥ 0.</param>
    public ElasticNetPenalty(double l2, double l1, int penalizedCount, bool nonNegative = false)
    {
        if (!double.IsFinite(l2) || l2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "L2 must be a finite number ≥ 0.");
        }
        if (!double.IsFinite(l1) || l1 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l1), l1, "L1 must be a finite number ≥ 0.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(penalizedCount);
        L2 = l2;
        L1 = l1;
        PenalizedCount = penalizedCount;
        NonNegative = nonNegative;
    }

    /// <summary>The weight of (1/2)·‖w‖².</summary>
    public double L2 { get; }

    /// <summary>The weight of ‖w‖₁.</summary>
    public double L1 { get; }

    /// <summary>Coordinates 0 … PenalizedCount − 1 are penalised.</summary>
    public int PenalizedCount { get; }

    /// <summary>Whether the penalised coordinates are held at w ≥ 0.</summary>
    public bool NonNegative { get; }

    /// <summary>True when there is no L1 part and no bound (the penalty, and so F, is smooth and unconstrained).</summary>
    public bool IsSmooth => L1 == 0 && !NonNegative;

    /// <summary>R(θ).</summary>
    public double Value(ReadOnlySpan<double> theta) => SmoothValue(theta) + L1Value(theta);

    /// <summary>(L2/2)·‖w‖².</summary>
    public double SmoothValue(ReadOnlySpan<double> theta)
    {
        if (L2 == 0)
        {
            return 0;
        }
        var w = theta.Slice(0, PenalizedCount);
        return 0.5 * L2 * Numerics.VectorKernels.Dot(w, w);
    }

    /// <summary>gradient += L2·w.</summary>
    public void AddSmoothGradient(ReadOnlySpan<double> theta, Span<double> gradient) =>
        Numerics.VectorKernels.AddScaled(theta.Slice(0, PenalizedCount), L2, gradient);

    /// <summary>result += L2·v on the penalised coordinates (the L2 part of a Hessian-vector product).</summary>
    public void AddSmoothCurvature(ReadOnlySpan<double> v, Span<double> result) =>
        Numerics.VectorKernels.AddScaled(v.Slice(0, PenalizedCount), L2, result);

    /// <summary>Adds L2 to the diagonal of a dense row-major n×n curvature.</summary>
    public void AddSmoothCurvatureToDense(double[] dense, int n)
    {
        for (int j = 0; j < PenalizedCount; j++)
        {
            dense[j * n + j] += L2;
        }
    }

    /// <summary>L1·‖w‖₁.</summary>
    public double L1Value(ReadOnlySpan<double> theta)
    {
        if (L1 == 0)
        {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < PenalizedCount; j++)
        {
            sum += Math.Abs(theta[j]);
        }
        return L1 * sum;
    }

    /// <summary>
    /// The minimum-norm subgradient of f + L1·‖w‖₁ given ∇f (OWL-QN's pseudo-gradient): zero exactly
    /// where θ is optimal along that coordinate. Equals ∇f when L1 = 0.
    /// </summary>
    public void PseudoGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> smoothGradient, Span<double> result)
    {
        int n = theta.Length;
        for (int j = 0; j < n; j++)
        {
            double g = smoothGradient[j];
            if (j >= PenalizedCount || (L1 == 0 && !NonNegative))
            {
                result[j] = g;
            }
            else if (NonNegative && theta[j] <= 0)
            {
                // At the bound only a decrease of F by moving into w > 0 counts: g + L1 < 0.
                result[j] = Math.Min(g + L1, 0);
            }
            else if (theta[j] > 0)
            {
                result[j] = g + L1;
            }
            else if (theta[j] < 0)
            {
                result[j] = g - L1;
            }
            else if (g + L1 < 0)
            {
                result[j] = g + L1;
            }
            else if (g - L1 > 0)
            {
                result[j] = g - L1;
            }
            else
            {
                result[j] = 0;
            }
        }
    }

    /// <summary>
    /// The proximal step of step·L1·‖w‖₁ in place: wⱼ ← sign(wⱼ)·max(0, |wⱼ| − step·L1) on the
    /// penalised coordinates (soft-thresholding).
    /// </summary>
    public void SoftThreshold(Span<double> point, double step)
    {
        double shrink = step * L1;
        if (shrink <= 0 && !NonNegative)
        {
            return;
        }
        for (int j = 0; j < PenalizedCount; j++)
        {
            point[j] = NonNegative
                ? Math.Max(0.0, point[j] - shrink)
                : Math.Sign(point[j]) * Math.Max(0.0, Math.Abs(point[j]) - shrink);
        }
    }

    /// <summary>
    /// OWL-QN's direction rule: zero every penalised component of <paramref name="direction"/>
    /// whose sign does not oppose the pseudo-gradient (so the step stays in the descent orthant).
    /// </summary>
    public void ConstrainDirection(Span<double> direction, ReadOnlySpan<double> pseudoGradient)
    {
        if (IsSmooth)
        {
            return;
        }
        for (int j = 0; j < PenalizedCount; j++)
        {
            if (direction[j] * pseudoGradient[j] >= 0)
            {
                direction[j] = 0;
            }
        }
    }

    /// <summary>Moves a point into the feasible set in place: with <see cref="NonNegative"/>, negative penalised coordinates become 0.</summary>
    public void ProjectOntoFeasibleSet(Span<double> point)
    {
        if (!NonNegative)
        {
            return;
        }
        for (int j = 0; j < PenalizedCount; j++)
        {
            point[j] = Math.Max(0, point[j]);
        }
    }

    /// <summary>
    /// OWL-QN's projection of a trial point onto the orthant of <paramref name="origin"/> (for a
    /// zero coordinate, the orthant of −pseudo-gradient): a penalised coordinate that would change
    /// sign becomes exactly 0. Does nothing when L1 = 0.
    /// </summary>
    public void ProjectOntoOrthant(Span<double> trial, ReadOnlySpan<double> origin, ReadOnlySpan<double> pseudoGradient)
    {
        if (IsSmooth)
        {
            return;
        }
        for (int j = 0; j < PenalizedCount; j++)
        {
            double orthant = NonNegative ? 1 : origin[j] != 0 ? Math.Sign(origin[j]) : -Math.Sign(pseudoGradient[j]);
            if (Math.Sign(trial[j]) != orthant)
            {
                trial[j] = 0;
            }
        }
    }
}
