namespace LogReg.Core.Losses;

/// <summary>Which point-wise loss the objective sums.</summary>
public enum LossKind
{
    /// <summary>Binary cross-entropy (the negative Bernoulli log-likelihood): convex in (w, b).</summary>
    BinaryCrossEntropy = 0,

    /// <summary>Squared error on the sigmoid, (σ(z) − y)²: bounded, not convex (seed, section 1.6).</summary>
    MeanSquaredError = 1,
}
