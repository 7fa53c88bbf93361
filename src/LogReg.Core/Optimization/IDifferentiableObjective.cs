namespace LogReg.Core.Optimization;

/// <summary>
/// What an optimizer may know about the function it minimises:
/// F(x) = f(x) + λ₁·Σ_{j &lt; L1Count} |xⱼ|, with f smooth (value, gradient, curvature) and an
/// optional L1 term on the leading <see cref="L1Count"/> coordinates. Optimizers never see rows.
/// </summary>
public interface IDifferentiableObjective
{
    /// <summary>Number of coordinates of x.</summary>
    int Dimension { get; }

    /// <summary>λ₁ ≥ 0, the weight of the L1 term (0: F = f).</summary>
    double L1 { get; }

    /// <summary>The L1 term covers coordinates 0 … L1Count−1 (e.g. the weights but not the bias).</summary>
    int L1Count { get; }

    /// <summary>True when f is known to be convex (its curvature is positive semi-definite).</summary>
    bool IsConvex { get; }

    /// <summary>f(x), the smooth part only.</summary>
    double SmoothValue(ReadOnlySpan<double> x);

    /// <summary>f(x) and ∇f(x) in one evaluation; returns f(x).</summary>
    double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>The curvature of f at x as an operator (a value: it does not change afterwards).</summary>
    /// <param name="x">The point.</param>
    /// <param name="gaussNewton">When true, a positive semi-definite Gauss–Newton curvature instead of the exact Hessian.</param>
    ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false);
}

/// <summary>
/// An objective that is a sum over samples, so that a subset of samples gives an unbiased estimate
/// (mini-batch SGD).
/// </summary>
public interface IStochasticObjective : IDifferentiableObjective
{
    /// <summary>Number of samples n.</summary>
    int SampleCount { get; }

    /// <summary>
    /// The unbiased estimate of f(x)/n from the listed samples, and its gradient:
    /// (1/|B|)·Σ_{i∈B} sᵢ·ℓᵢ(x) + (penalty of f)/n. Returns the estimate.
    /// </summary>
    double MeanValueAndGradientOnSamples(ReadOnlySpan<double> x, ReadOnlySpan<int> samples, Span<double> gradient);

    /// <summary>
    /// A curvature scale L of one sample's term of f/n, averaged over samples (SGD's default first
    /// step is 1/L, the choice of SAG and scikit-learn's "auto" step with the average row norm).
    /// </summary>
    double SampleLipschitzBound();
}

/// <summary>A symmetric curvature operator H (Hessian or a positive semi-definite model of it).</summary>
public interface ICurvature
{
    /// <summary>Size of H.</summary>
    int Dimension { get; }

    /// <summary>result = H·v.</summary>
    void Multiply(ReadOnlySpan<double> v, Span<double> result);

    /// <summary>H as a dense row-major Dimension×Dimension array (for small dimension).</summary>
    double[] ToDense();
}

/// <summary>
/// An objective that offers a cheap symmetric positive definite preconditioner P ≈ H⁻¹, built from
/// its curvature at a chosen point. Quasi-Newton methods use γ·P as their initial inverse Hessian
/// (Nocedal &amp; Wright allow H₀ to change from one iteration to the next).
/// </summary>
public interface IPreconditionedObjective : IDifferentiableObjective
{
    /// <summary>Rebuilds P from the curvature at x (costs about one pass over the data).</summary>
    void UpdatePreconditioner(ReadOnlySpan<double> x);

    /// <summary>result = P·v (the identity until <see cref="UpdatePreconditioner"/> was called).</summary>
    void Precondition(ReadOnlySpan<double> v, Span<double> result);
}
