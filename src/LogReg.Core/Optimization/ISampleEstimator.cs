namespace LogReg.Core.Optimization;

/// <summary>
/// Unbiased estimates of f/n from a subset of its n samples (what mini-batch SGD needs).
/// </summary>
public interface ISampleEstimator
{
    /// <summary>Number of samples n.</summary>
    int SampleCount { get; }

    /// <summary>
    /// The estimate of f(x)/n from the listed samples, and its gradient:
    /// (1/|B|)·Σ_{i∈B} sᵢ·ℓᵢ(x) + (smooth penalty)/n. Returns the estimate.
    /// </summary>
    double MeanValueAndGradient(ReadOnlySpan<double> x, ReadOnlySpan<int> samples, Span<double> gradient);

    /// <summary>
    /// A curvature scale L of one sample's term of f/n, averaged over samples (SGD's default first
    /// step is 1/L, the choice of SAG and scikit-learn's "auto" step with the average row norm).
    /// </summary>
    double LipschitzBound();
}
