namespace LogReg.Core.Paths;

/// <summary>
/// A fitted regularisation path: at each λ (decreasing) the intercept and the coefficients on the original scale of the
/// features, how many are non-zero, and the fraction of the null deviance explained (glmnet's <c>dev.ratio</c>).
/// </summary>
/// <param name="Lambdas">The λ values, decreasing.</param>
/// <param name="Intercepts">The intercept at each λ.</param>
/// <param name="Coefficients">The d coefficients at each λ, kept by their non-zero entries.</param>
/// <param name="NonZero">The non-zero coefficients at each λ (glmnet's <c>df</c>).</param>
/// <param name="DevianceRatio">1 − deviance/null deviance at each λ.</param>
/// <param name="NullDeviance">The deviance of the intercept-only model, −2·Σ sᵢ·log-likelihood.</param>
public sealed record RegularizationPath(
    IReadOnlyList<double> Lambdas,
    IReadOnlyList<double> Intercepts,
    PathCoefficients Coefficients,
    IReadOnlyList<int> NonZero,
    IReadOnlyList<double> DevianceRatio,
    double NullDeviance) : IRegularizationPath
{
    /// <inheritdoc/>
    public double? UnsettledLambda { get; init; }

    /// <inheritdoc/>
    public bool EndedEarly { get; init; }
}
