namespace LogReg.Core.Paths;

/// <summary>
/// A cross-validated path (cv.glmnet's result): the path on all rows, the held-out score at each of its λ with its
/// standard error, the λ of the best score and the largest λ within one standard error of it, and the chosen one.
/// </summary>
/// <typeparam name="TPath">The family's path: <see cref="RegularizationPath"/> (binary) or <see cref="MultinomialRegularizationPath"/>.</typeparam>
/// <param name="Path">The path fitted on every row; the model at the chosen λ is its point <see cref="ChosenIndex"/>.</param>
/// <param name="Metric">What the curve measures.</param>
/// <param name="Mean">The fold-weighted mean score at each λ (cv.glmnet's <c>cvm</c>).</param>
/// <param name="StandardError">Its standard error (<c>cvsd</c>): over the folds, or over the rows when
/// <see cref="ErrorsOverRows"/>.</param>
/// <param name="MinimumIndex">The index of <c>lambda.min</c>.</param>
/// <param name="OneStandardErrorIndex">The index of <c>lambda.1se</c>.</param>
/// <param name="Rule">The rule that chose <see cref="ChosenIndex"/>.</param>
/// <param name="FoldIds">The fold of each row.</param>
public sealed record CrossValidatedPath<TPath>(
    TPath Path,
    CrossValidationMetric Metric,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> StandardError,
    int MinimumIndex,
    int OneStandardErrorIndex,
    LambdaRule Rule,
    IReadOnlyList<int> FoldIds)
    where TPath : IRegularizationPath
{
    /// <summary>
    /// Whether <see cref="StandardError"/> (and the mean) were taken over the held-out rows rather than the folds:
    /// cv.glmnet's <c>grouped = FALSE</c>, which it enforces, with a warning, when there are fewer than 3 rows a fold —
    /// a fold's score over one or two rows says little of its spread. Never for the AUC, which is a fold's.
    /// </summary>
    public bool ErrorsOverRows { get; init; }

    /// <summary>The index of the chosen λ.</summary>
    public int ChosenIndex => Rule == LambdaRule.Minimum ? MinimumIndex : OneStandardErrorIndex;

    /// <summary>The chosen λ.</summary>
    public double ChosenLambda => Path.Lambdas[ChosenIndex];
}
