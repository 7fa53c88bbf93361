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

    /// <summary>
    /// The row of an estimate with the given variance: standard error √variance, z, the two-sided normal p-value and the
    /// 95% Wald interval — or the estimate alone when there is no variance.
    /// </summary>
    public static CoefficientStatistics Wald(string name, double estimate, double? variance)
    {
        if (variance is not double v)
        {
            return new CoefficientStatistics(name, estimate, null, null, null, null, null);
        }
        double se = Math.Sqrt(v), z = estimate / se;
        return new CoefficientStatistics(name, estimate, se, z, SpecialFunctions.TwoSidedNormalPValue(z),
            estimate - SpecialFunctions.Normal975 * se, estimate + SpecialFunctions.Normal975 * se);
    }
}
