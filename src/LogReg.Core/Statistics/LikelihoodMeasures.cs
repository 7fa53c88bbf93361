namespace LogReg.Core.Statistics;

/// <summary>
/// The likelihood-based summaries every fit reports, from its log-likelihood ℓ, the intercept-only
/// model's ℓ₀, the number of estimated parameters p and the number of observations n — stated once for
/// the binary (<see cref="ModelStatistics"/>) and the multinomial (<see cref="MultinomialStatistics"/>) model.
/// </summary>
internal static class LikelihoodMeasures
{
    /// <summary>AIC = 2p − 2ℓ.</summary>
    public static double Aic(int parameters, double logLikelihood) => 2 * parameters - 2 * logLikelihood;

    /// <summary>BIC = p·ln n − 2ℓ.</summary>
    public static double Bic(int parameters, double observations, double logLikelihood) => parameters * Math.Log(observations) - 2 * logLikelihood;

    /// <summary>McFadden's pseudo-R² = 1 − ℓ/ℓ₀.</summary>
    public static double PseudoRSquared(double logLikelihood, double nullLogLikelihood) => 1 - logLikelihood / nullLogLikelihood;

    /// <summary>The likelihood-ratio statistic 2(ℓ − ℓ₀).</summary>
    public static double LikelihoodRatio(double logLikelihood, double nullLogLikelihood) => 2 * (logLikelihood - nullLogLikelihood);

    /// <summary>P(χ²(df) ≥ 2(ℓ − ℓ₀)); NaN for df = 0 (a model with no coefficient beyond the intercept tests nothing, as statsmodels gives).</summary>
    public static double LikelihoodRatioPValue(double logLikelihood, double nullLogLikelihood, int degreesOfFreedom) => degreesOfFreedom == 0
        ? double.NaN
        : SpecialFunctions.ChiSquareSurvival(LikelihoodRatio(logLikelihood, nullLogLikelihood), degreesOfFreedom);
}
