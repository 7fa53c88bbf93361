namespace LogReg.Core.Paths;

/// <summary>
/// K-fold cross-validation of an elastic-net path (cv.glmnet's): every fold's path runs on the full data's λ sequence,
/// the held-out rows score each λ, and a rule picks one. Defaults are cv.glmnet's: 10 folds, deviance, the one-standard-
/// error rule.
/// </summary>
public sealed record CrossValidationOptions
{
    /// <summary>The path's own options (α, λ sequence, standardisation, tolerance).</summary>
    public ElasticNetPathOptions Path { get; init; } = new();

    /// <summary>How many folds (at least 3, as cv.glmnet requires); ignored when <see cref="FoldIds"/> is given.</summary>
    public int FoldCount { get; init; } = 10;

    /// <summary>
    /// The fold of each row, 0 … K − 1 (a fold or group column mapped by the caller); null: folds stratified by the label,
    /// rows shuffled with <see cref="Seed"/>.
    /// </summary>
    public IReadOnlyList<int>? FoldIds { get; init; }

    /// <summary>
    /// With <see cref="FoldIds"/>, the name of each fold as the caller's fold column writes it (fold k's at k), for
    /// messages — "fold 'north' (3 of 5)" rather than a position in the caller's order; null: folds are numbered.
    /// </summary>
    public IReadOnlyList<string>? FoldNames { get; init; }

    /// <summary>How held-out rows score a λ.</summary>
    public CrossValidationMetric Metric { get; init; } = CrossValidationMetric.Deviance;

    /// <summary>At which λ the folds' paths are solved (default: exactly the full data's).</summary>
    public FoldAlignment Alignment { get; init; } = FoldAlignment.SameLambdas;

    /// <summary>Which λ is chosen.</summary>
    public LambdaRule Rule { get; init; } = LambdaRule.OneStandardError;

    /// <summary>The seed of the stratified shuffle (the result is the same for a seed at any thread count).</summary>
    public int Seed { get; init; }

    /// <summary>How many folds run at once; null: one per processor. Results never depend on it.</summary>
    public int? MaxThreads { get; init; }

    /// <summary>Throws unless the values are usable for <paramref name="rowCount"/> rows.</summary>
    /// <exception cref="ArgumentException">A value out of its range.</exception>
    public void Validate(int rowCount)
    {
        Path.Validate();
        ValidateChoices();
        if (FoldIds is null && (FoldCount < 3 || FoldCount > rowCount))
        {
            throw new ArgumentException($"FoldCount must be in [3, rows = {rowCount}], not {FoldCount}.");
        }
        if (FoldIds is { } ids)
        {
            if (ids.Count != rowCount)
            {
                throw new ArgumentException($"FoldIds has {ids.Count} values for {rowCount} rows.");
            }
            int count = ids.Max() + 1;
            if (ids.Min() < 0 || count < 3 || Enumerable.Range(0, count).Except(ids).Any())
            {
                throw new ArgumentException("FoldIds must use every fold 0 … K − 1 with K ≥ 3.");
            }
        }
        if (MaxThreads is < 1)
        {
            throw new ArgumentException($"MaxThreads must be at least 1, not {MaxThreads}.");
        }
        if (FoldNames is { } names && (FoldIds is null || names.Count != FoldIds.Max() + 1))
        {
            throw new ArgumentException("FoldNames names each fold of FoldIds, one name a fold.");
        }
    }

    /// <summary>Fold <paramref name="fold"/> (0-based) of <paramref name="count"/> in a message: "3 of 5", or "'north' (3 of 5)" with <see cref="FoldNames"/>.</summary>
    internal string Fold(int fold, int count) => FoldNames is { } names && fold < names.Count ? $"'{names[fold]}' ({fold + 1} of {count})" : $"{fold + 1} of {count}";

    /// <summary>Throws unless the metric, the rule and the alignment are values their types name (a cast integer is not).</summary>
    /// <exception cref="ArgumentException">A value out of its type's range.</exception>
    public void ValidateChoices()
    {
        Require(Metric, nameof(Metric));
        Require(Rule, nameof(Rule));
        Require(Alignment, nameof(Alignment));

        static void Require<T>(T value, string name) where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentException($"{name} is {value}, which is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            }
        }
    }
}
