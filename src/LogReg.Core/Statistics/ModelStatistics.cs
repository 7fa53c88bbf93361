using System.Globalization;
using System.Text;
using LogReg.Core.Losses;
using LogReg.Core.Separation;

namespace LogReg.Core.Statistics;

/// <summary>
/// Coefficient statistics and goodness of fit of a logistic model, laid out like statsmodels'
/// <c>Logit(...).fit().summary()</c>. Everything that cannot honestly be computed is null and
/// explained in <see cref="LikelihoodFit.Warnings"/>.
/// </summary>
public sealed record ModelStatistics : LikelihoodFit
{
    internal ModelStatistics() { }

    /// <inheritdoc/>
    private protected override int InterceptCount => 1;

    /// <summary>
    /// The covariance of the coefficients in the order of <see cref="Coefficients"/> (intercept first),
    /// row-major; NaN for aliased coefficients; null when there are no standard errors.
    /// </summary>
    public IReadOnlyList<double>? Covariance { get; init; }

    /// <summary>
    /// The linear predictor η = b + w·x of one row, its standard error √(x̃ᵀVx̃) (x̃ = (1, x), V =
    /// <see cref="Covariance"/>) and the 95% interval for the probability σ(η ± 1.96·se) — the delta
    /// method on the logit scale, then transformed (R: predict(glm, se.fit = TRUE)). Null without a covariance.
    /// </summary>
    public PredictionInterval? Predict(ReadOnlySpan<double> features)
    {
        int t = Coefficients.Count;
        if (features.Length != t - 1)
        {
            throw new ArgumentException($"The model has {t - 1} features; got {features.Length}.", nameof(features));
        }
        if (Covariance is null || Coefficients.Any(c => c.Aliased))
        {
            return null;
        }
        var x = new double[t];
        x[0] = 1;
        features.CopyTo(x.AsSpan(1));
        double eta = 0, variance = 0;
        for (int a = 0; a < t; a++)
        {
            eta += Coefficients[a].Estimate * x[a];
            for (int b = 0; b < t; b++)
            {
                variance += x[a] * Covariance[a * t + b] * x[b];
            }
        }
        double se = Math.Sqrt(variance);
        return new PredictionInterval(eta, se, Numerics.StableMath.Sigmoid(eta),
            Numerics.StableMath.Sigmoid(eta - SpecialFunctions.Normal975 * se), Numerics.StableMath.Sigmoid(eta + SpecialFunctions.Normal975 * se));
    }

    /// <summary>
    /// The Wald test that the named coefficients are all 0: W = β_Sᵀ·V_S⁻¹·β_S against χ² with |S|
    /// degrees of freedom (R: aod::wald.test, or car::linearHypothesis on a glm).
    /// </summary>
    public (double Statistic, int DegreesOfFreedom, double PValue) WaldTest(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var index = names.Select(n => Coefficients.ToList().FindIndex(c => c.Name == n) is int i && i >= 0
            ? i : throw new ArgumentException($"No coefficient named '{n}'; the coefficients are {string.Join(", ", Coefficients.Select(c => c.Name))}.", nameof(names))).ToArray();
        if (Covariance is null || index.Any(i => Coefficients[i].Aliased))
        {
            throw new InvalidOperationException("The Wald test needs the covariance of estimated (not aliased) coefficients; these statistics have none.");
        }
        int k = index.Length, t = Coefficients.Count;
        var v = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                v[a * k + b] = Covariance[index[a] * t + index[b]];
            }
        }
        var l = Numerics.DenseLinearAlgebra.Cholesky(v, k) ?? throw new InvalidOperationException("The covariance of these coefficients is singular.");
        var beta = index.Select(i => Coefficients[i].Estimate).ToArray();
        var solved = (double[])beta.Clone();
        Numerics.DenseLinearAlgebra.CholeskySolve(l, k, solved);
        double w = beta.Zip(solved, (p, q) => p * q).Sum();
        return (w, k, SpecialFunctions.ChiSquareSurvival(w, k));
    }

    /// <summary>How the estimates were found: "mle" (the trainer's fit, penalised when L2 &gt; 0) or "firth".</summary>
    public string Method { get; init; } = "mle";

    /// <summary>The covariance the standard errors come from (<see cref="CovarianceType.Default"/> resolved).</summary>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.NonRobust;

    /// <summary>How the confidence intervals were made: "wald" (estimate ± 1.96·se) or "profile" (profile likelihood).</summary>
    public string IntervalMethod { get; init; } = "wald";

    /// <summary>The coefficients, intercept first.</summary>
    public IReadOnlyList<CoefficientStatistics> Coefficients { get; init; } = Array.Empty<CoefficientStatistics>();

    /// <summary>What the standard errors are.</summary>
    public StandardErrorKind StandardErrors { get; init; }

    /// <summary>A sentence saying what the standard errors mean for this fit.</summary>
    public string StandardErrorNote { get; init; } = "";

    /// <summary>
    /// Whether the estimate exists: false when the separation check proves the data separated, null when it could not decide
    /// for an unpenalised fit (see <see cref="Separation"/>'s reason) — never a guess; true otherwise (a penalty makes it finite).
    /// </summary>
    public bool? MaximumLikelihoodEstimateExists { get; init; } = true;

    /// <summary>The separation check's verdict (not checked for penalised, MSE or very wide fits).</summary>
    public SeparationResult Separation { get; init; } = SeparationResult.NotChecked("not computed.");

    /// <summary>
    /// Coefficients an L1 penalty (or the non-negativity bound) set to exactly 0: the statistics are conditional on the
    /// others, and these have no standard error.
    /// </summary>
    public IReadOnlyList<string> UnselectedCoefficients { get; init; } = Array.Empty<string>();

    /// <summary>Coefficients with no estimate because their column depends on earlier ones (as R's glm reports NA).</summary>
    public IReadOnlyList<string> AliasedCoefficients { get; init; } = Array.Empty<string>();

    /// <summary>Observations that are not problems (e.g. fitted probabilities numerically 0 or 1 without separation).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>The loss of the fit.</summary>
    public LossKind Loss { get; init; }

    /// <summary>The L2 weight of the fit (0: the plain MLE).</summary>
    public double L2Regularization { get; init; }

    /// <summary>A text table laid out like statsmodels' summary().</summary>
    public string Summary(string dependentVariable = "Label")
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string rule = new('=', 78);
        string title = Loss == LossKind.BinaryCrossEntropy ? "Logit Regression Results" : "Sigmoid least-squares results";
        sb.AppendLine(title.PadLeft(39 + title.Length / 2));
        sb.AppendLine(rule);
        void Row(string l1, string v1, string l2, string v2) =>
            sb.AppendLine($"{l1,-16}{v1,22}   {l2,-16}{v2,22}");
        Row("Dep. Variable:", dependentVariable, "No. Observations:", Observations.ToString("G10", inv));
        Row("Model:", Loss == LossKind.BinaryCrossEntropy ? "Logit" : "Sigmoid MSE", "Df Residuals:", ResidualDegreesOfFreedom.ToString("G10", inv));
        Row("Method:", Method == "firth" ? "Firth" : L2Regularization > 0 ? $"L2 = {L2Regularization.ToString("G4", inv)}" : "MLE", "Df Model:", ModelDegreesOfFreedom.ToString(inv));
        Row("converged:", Converged ? "True" : "False", "Pseudo R-squ.:", PseudoRSquared.ToString("F4", inv));
        Row("Covariance Type:", StandardErrors switch
        {
            StandardErrorKind.InverseFisherInformation => "nonrobust",
            StandardErrorKind.InversePenalizedHessian => "penalised",
            StandardErrorKind.FirthInverseInformation => "Firth I⁻¹",
            StandardErrorKind.Sandwich => CovarianceType == CovarianceType.Cluster ? "cluster" : CovarianceType.ToString(),
            _ => "none",
        }, "Log-Likelihood:", LogLikelihood.ToString("F3", inv));
        Row("Intervals:", IntervalMethod == "profile" ? "profile likelihood" : "Wald", "", "");
        Row("AIC:", Aic.ToString("F3", inv), "LL-Null:", NullLogLikelihood.ToString("F3", inv));
        Row("BIC:", Bic.ToString("F3", inv), "LLR p-value:", LikelihoodRatioPValue.ToString("G4", inv));
        sb.AppendLine(rule);
        CoefficientTable.Append(sb, "", Coefficients);
        sb.AppendLine(rule);
        if (StandardErrorNote.Length > 0)
        {
            sb.AppendLine("Standard errors: " + StandardErrorNote);
        }
        foreach (var w in Warnings)
        {
            sb.AppendLine("Warning: " + w);
        }
        foreach (var note in Notes)
        {
            sb.AppendLine("Note: " + note);
        }
        return sb.ToString();
    }
}
