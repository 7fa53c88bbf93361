namespace LogReg.Core.Statistics;

/// <summary>
/// The fit-level figures every likelihood fit reports — the binary table (<see cref="ModelStatistics"/>) and the
/// multinomial one (<see cref="MultinomialStatistics"/>) — computed once from n, ℓ, ℓ₀ and the parameter count.
/// </summary>
public abstract record LikelihoodFit
{
    private protected LikelihoodFit() { }

    /// <summary>Number of observations n (the sum of example weights).</summary>
    public double Observations { get; init; }

    /// <summary>The log-likelihood ℓ at the estimate: Σ sᵢ·ln p̂ᵢ(yᵢ).</summary>
    public double LogLikelihood { get; init; }

    /// <summary>The log-likelihood ℓ₀ of the intercept-only model.</summary>
    public double NullLogLikelihood { get; init; }

    /// <summary>−2ℓ.</summary>
    public double Deviance => -2 * LogLikelihood;

    /// <summary>−2ℓ₀.</summary>
    public double NullDeviance => -2 * NullLogLikelihood;

    /// <summary>
    /// Number of estimated parameters p, intercepts included (the binary model: the intercept and the features that are
    /// not aliased, the rank of [1 X] for an unpenalised fit; the multinomial: (K − 1)·(d + 1)).
    /// </summary>
    public int ParameterCount { get; init; }

    /// <summary>Degrees of freedom of the model: p less the intercepts (1, or K − 1).</summary>
    public int ModelDegreesOfFreedom => ParameterCount - InterceptCount;

    /// <summary>Residual degrees of freedom n − p.</summary>
    public double ResidualDegreesOfFreedom => Observations - ParameterCount;

    /// <summary>2p − 2ℓ.</summary>
    public double Aic => LikelihoodMeasures.Aic(ParameterCount, LogLikelihood);

    /// <summary>p·ln n − 2ℓ.</summary>
    public double Bic => LikelihoodMeasures.Bic(ParameterCount, Observations, LogLikelihood);

    /// <summary>McFadden's pseudo-R²: 1 − ℓ/ℓ₀.</summary>
    public double PseudoRSquared => LikelihoodMeasures.PseudoRSquared(LogLikelihood, NullLogLikelihood);

    /// <summary>Likelihood-ratio statistic 2(ℓ − ℓ₀).</summary>
    public double LikelihoodRatio => LikelihoodMeasures.LikelihoodRatio(LogLikelihood, NullLogLikelihood);

    /// <summary>P(χ²(df) ≥ likelihood ratio), df = <see cref="ModelDegreesOfFreedom"/>.</summary>
    public double LikelihoodRatioPValue => LikelihoodMeasures.LikelihoodRatioPValue(LogLikelihood, NullLogLikelihood, ModelDegreesOfFreedom);

    /// <summary>Whether the fit met its convergence test at the estimate.</summary>
    public bool Converged { get; init; }

    /// <summary>Problems found, each naming the remedy (or why a figure is missing).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>The intercepts among the parameters: 1 for the binary model, K − 1 for the multinomial.</summary>
    private protected abstract int InterceptCount { get; }
}
