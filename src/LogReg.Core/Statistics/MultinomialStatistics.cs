using System.Globalization;
using System.Text;

namespace LogReg.Core.Statistics;

/// <summary>
/// Coefficient statistics and goodness of fit of a multinomial logit with the first class as the
/// reference (as statsmodels' <c>MNLogit</c> and R's <c>nnet::multinom</c> report them): for each
/// other class k, the coefficients of log[P(k)/P(reference)], intercept first.
/// </summary>
public sealed record MultinomialStatistics : LikelihoodFit
{
    internal MultinomialStatistics() { }

    /// <inheritdoc/>
    private protected override int InterceptCount => Classes.Count;

    /// <summary>The reference class (its coefficients are 0 by definition).</summary>
    public string ReferenceClass { get; init; } = "";

    /// <summary>Class names of the K − 1 non-reference classes, in the order of <see cref="Coefficients"/>.</summary>
    public IReadOnlyList<string> Classes { get; init; } = Array.Empty<string>();

    /// <summary>Per non-reference class: the coefficient table (intercept first).</summary>
    public IReadOnlyList<IReadOnlyList<CoefficientStatistics>> Coefficients { get; init; } = Array.Empty<IReadOnlyList<CoefficientStatistics>>();

    /// <summary>
    /// Whether the maximum-likelihood estimate exists: false when the separation check proves the classes separated (one
    /// from the rest, or jointly), null when it could not decide (see <see cref="Separation"/>'s reason) — never a guess;
    /// true when proved, or for a penalised fit (a penalty makes it finite).
    /// </summary>
    public bool? MaximumLikelihoodEstimateExists { get; init; } = true;

    /// <summary>The multinomial separation check's verdict on the unpenalised likelihood (not checked for a penalised fit).</summary>
    public Separation.SeparationResult Separation { get; init; } = LogReg.Core.Separation.SeparationResult.NotChecked("not computed (a penalised fit).");

    /// <summary>A statsmodels-like text summary.</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("MNLogit-style results (reference class: " + ReferenceClass + ")");
        sb.AppendLine(string.Create(c, $"No. observations: {Observations:G}   Df model: {ModelDegreesOfFreedom}   Df residuals: {ResidualDegreesOfFreedom:G}"));
        sb.AppendLine(string.Create(c, $"Log-likelihood: {LogLikelihood:F4}   LL-null: {NullLogLikelihood:F4}   Pseudo R²: {PseudoRSquared:F4}"));
        sb.AppendLine(string.Create(c, $"AIC: {Aic:F4}   BIC: {Bic:F4}   LLR p-value: {LikelihoodRatioPValue:G4}   converged: {Converged}"));
        for (int k = 0; k < Classes.Count; k++)
        {
            CoefficientTable.Append(sb, "class = " + Classes[k], Coefficients[k]);
        }
        foreach (var warning in Warnings)
        {
            sb.AppendLine("Warning: " + warning);
        }
        return sb.ToString();
    }
}
