namespace LogReg.Core.Paths;

/// <summary>
/// A fitted multinomial (softmax) regularisation path, glmnet's <c>family = "multinomial"</c>: at each λ (decreasing)
/// the K intercepts (centred to sum 0, as glmnet reports them) and the K × d coefficients on the original scale of the
/// features, how many features have a non-zero coefficient in any class, and the fraction of the null deviance explained.
/// </summary>
/// <param name="Lambdas">The λ values, decreasing.</param>
/// <param name="Intercepts">The K intercepts at each λ; −∞ for a class without weight in the rows.</param>
/// <param name="Coefficients">At each λ, the d coefficients of each of the K classes ([λ][class][feature]), kept by their non-zero entries.</param>
/// <param name="NonZero">The features with a non-zero coefficient in some class at each λ (glmnet's <c>df</c>).</param>
/// <param name="DevianceRatio">1 − deviance/null deviance at each λ.</param>
/// <param name="NullDeviance">The deviance of the intercepts-only model, −2·Σ sᵢ·log-likelihood.</param>
public sealed record MultinomialRegularizationPath(
    IReadOnlyList<double> Lambdas,
    IReadOnlyList<double[]> Intercepts,
    MultinomialPathCoefficients Coefficients,
    IReadOnlyList<int> NonZero,
    IReadOnlyList<double> DevianceRatio,
    double NullDeviance) : IRegularizationPath
{
    /// <inheritdoc/>
    public double? UnsettledLambda { get; init; }

    /// <inheritdoc/>
    public bool EndedEarly { get; init; }
}
