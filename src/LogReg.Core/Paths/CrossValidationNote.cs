using System.Globalization;

namespace LogReg.Core.Paths;

/// <summary>The lines a tool or trainer shows about a cross-validation: standard errors taken over the rows, a best score at
/// the path's end.</summary>
public static class CrossValidationNote
{
    /// <summary>
    /// Every line to show about <paramref name="cv"/>, in order, each with its kind ("warning": the path ended before a λ it
    /// could not solve, <see cref="UnsettledNote"/>; "note": <see cref="OverRows"/>, <see cref="BestAtSmallestLambda"/>):
    /// the trainers log them all as warnings, <c>logreg cv</c> prints them under its table.
    /// </summary>
    public static IEnumerable<(string Kind, string Text)> All<TPath>(CrossValidatedPath<TPath> cv)
        where TPath : IRegularizationPath
    {
        ArgumentNullException.ThrowIfNull(cv);
        return new[] { ("warning", UnsettledNote.Of(cv.Path)), ("note", OverRows(cv)), ("note", BestAtSmallestLambda(cv)) }
            .Where(n => n.Item2 is not null).Select(n => (n.Item1, n.Item2!));
    }

    /// <summary>What to tell the user when <paramref name="cv"/>'s errors are over its rows (<see cref="CrossValidatedPath{TPath}.ErrorsOverRows"/>), or null.</summary>
    public static string? OverRows<TPath>(CrossValidatedPath<TPath> cv)
        where TPath : IRegularizationPath
    {
        ArgumentNullException.ThrowIfNull(cv);
        return !cv.ErrorsOverRows ? null : string.Create(CultureInfo.InvariantCulture,
            $"fewer than 3 rows a fold ({cv.FoldIds.Count} rows, {cv.FoldIds.Max() + 1} folds): the standard errors are over the held-out rows, ") +
            "not the folds (cv.glmnet's grouped = FALSE, which it enforces there too); fewer folds give each fold's score more rows.";
    }

    /// <summary>
    /// What to tell the user when the best mean score is at the path's smallest λ, or null: the curve may go on improving
    /// below it, and both <c>lambda.min</c> and <c>lambda.1se</c> (measured from it) may be too large. glmnet's default
    /// sequence can end there: for the ridge it starts at the λ_max of α = 0.001 and ends at 1e-2 of it when features
    /// outnumber rows — on ML.NET's GitHub-issues text (181,627 features) the ridge's best held-out deviance was its last
    /// λ's, 3.40 against the lasso's 2.25.
    /// </summary>
    public static string? BestAtSmallestLambda<TPath>(CrossValidatedPath<TPath> cv)
        where TPath : IRegularizationPath
    {
        ArgumentNullException.ThrowIfNull(cv);
        int last = cv.Mean.Count - 1;
        if (last < 1 || cv.MinimumIndex != last)
        {
            return null;
        }
        string at = string.Create(CultureInfo.InvariantCulture, $"the best held-out score is at the path's smallest λ, {cv.Path.Lambdas[last]:G6}");
        // Where glmnet's early stop ended the path, a smaller LambdaMinRatio does not reach lower (an outside tester's
        // 50,000,000 λ: five points at λ_max, and the advice to lower the ratio changed nothing).
        return !cv.Path.EndedEarly
            ? at + ": it may improve further below it, and the chosen λ may be too large; a smaller LambdaMinRatio (--lambda-min-ratio) or " +
              "Lambdas that go lower extend the path."
            : cv.Path.DevianceRatio[last] > GlmnetEarlyStop.DevianceMax
            ? at + ", where glmnet's early stop ended the path: the fit explains more than 99.9 % of the deviance (rows nearly " +
              "separated), and below it the coefficients only grow."
            : at + ", where glmnet's early stop ended the path: the deviance explained grew by less than 1e-5 from the λ before. " +
              "Below it the fit barely changes; if the λ are very close together (a large LambdaCount, --lambda-count), fewer " +
              "spread them out and the path goes further.";
    }
}
