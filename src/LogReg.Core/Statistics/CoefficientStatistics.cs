namespace LogReg.Core.Statistics;

/// <summary>One row of the coefficient table.</summary>
/// <param name="Name">Feature name; the bias is called "intercept".</param>
/// <param name="Estimate">The coefficient.</param>
/// <param name="StandardError">Its standard error, or null where none can be given.</param>
/// <param name="Z">Estimate / standard error.</param>
/// <param name="PValue">Two-sided normal p-value of z.</param>
/// <param name="ConfidenceLow">Lower end of the 95% Wald interval.</param>
/// <param name="ConfidenceHigh">Upper end of the 95% Wald interval.</param>
/// <param name="Aliased">True when the column is a linear combination of earlier ones and has no estimate (R's NA; <paramref name="Estimate"/> is NaN).</param>
public sealed record CoefficientStatistics(
    string Name, double Estimate, double? StandardError, double? Z, double? PValue, double? ConfidenceLow, double? ConfidenceHigh, bool Aliased = false)
{
    /// <summary>e^estimate: the factor by which the odds multiply per unit of the feature.</summary>
    public double OddsRatio => Math.Exp(Estimate);

    /// <summary>e^(lower end of the interval).</summary>
    public double? OddsRatioLow => ConfidenceLow is double v ? Math.Exp(v) : null;

    /// <summary>e^(upper end of the interval).</summary>
    public double? OddsRatioHigh => ConfidenceHigh is double v ? Math.Exp(v) : null;
}
