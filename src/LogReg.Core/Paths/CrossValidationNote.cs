using System.Globalization;

namespace LogReg.Core.Paths;

/// <summary>The line a tool or trainer shows when a cross-validation's standard errors were taken over the rows.</summary>
public static class CrossValidationNote
{
    /// <summary>What to tell the user when <paramref name="cv"/>'s errors are over its rows (<see cref="CrossValidatedPath{TPath}.ErrorsOverRows"/>), or null.</summary>
    public static string? OverRows<TPath>(CrossValidatedPath<TPath> cv)
        where TPath : IRegularizationPath
    {
        ArgumentNullException.ThrowIfNull(cv);
        return !cv.ErrorsOverRows ? null : string.Create(CultureInfo.InvariantCulture,
            $"fewer than 3 rows a fold ({cv.FoldIds.Count} rows, {cv.FoldIds.Max() + 1} folds): the standard errors are over the held-out rows, ") +
            "not the folds (cv.glmnet's grouped = FALSE, which it enforces there too); fewer folds give each fold's score more rows.";
    }
}
