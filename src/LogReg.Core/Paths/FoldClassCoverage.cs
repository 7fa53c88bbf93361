namespace LogReg.Core.Paths;

/// <summary>
/// Refuses folds whose training rows lack a class the rows have. Such a fold's model gives the class no probability (its
/// unpenalised intercept runs to −∞), so that class's held-out rows score at the deviance's clip at every λ: the fold's
/// error moves by a constant, which inflates every standard error — a fold column holding iris' setosa out made
/// lambda.1se the null model, and so did two one-row classes among 99 rows. cv.glmnet fails on the first (an indexing
/// error) and glmnet refuses any class with fewer than two rows; stratified folds give any class of two or more
/// weighted rows training rows in every fold (<see cref="FoldAssignment.Stratified"/>).
/// </summary>
internal static class FoldClassCoverage
{
    /// <summary>Throws for the first fold (by number) that holds every weighted row of a class.</summary>
    /// <param name="classes">Each row's class.</param>
    /// <param name="weightOf">Each row's weight (rows of weight 0 train nothing).</param>
    /// <param name="folds">Each row's fold (0 … <paramref name="foldCount"/> − 1).</param>
    /// <param name="foldCount">The number of folds.</param>
    /// <param name="describe">A class's name in the message (e.g. "class 'setosa'").</param>
    /// <param name="describeFold">A fold (0-based) in the message after "fold" (e.g. "2 of 10", or "'north' (2 of 4)").</param>
    /// <exception cref="ArgumentException">A fold as above.</exception>
    public static void Require(int[] classes, Func<int, double> weightOf, int[] folds, int foldCount, Func<int, string> describe, Func<int, string> describeFold)
    {
        int classCount = classes.Max() + 1;
        var (weighted, unweighted) = (new int[classCount], new int[classCount]);
        var held = new int[foldCount, classCount];
        for (int i = 0; i < classes.Length; i++)
        {
            if (weightOf(i) > 0)
            {
                weighted[classes[i]]++;
                held[folds[i], classes[i]]++;
            }
            else
            {
                unweighted[classes[i]]++;
            }
        }
        for (int f = 0; f < foldCount; f++)
        {
            for (int k = 0; k < classCount; k++)
            {
                if (weighted[k] > 0 && held[f, k] == weighted[k])
                {
                    throw new ArgumentException(Message(describeFold(f), describe(k), weighted[k], unweighted[k]));
                }
            }
        }
    }

    private static string Message(string fold, string name, int weighted, int unweighted)
    {
        string rows = (weighted, unweighted) switch
        {
            (1, 0) => $"the only row of {name}",
            (1, _) => $"the only row with weight of {name} ({unweighted} more at weight 0)",
            (_, 0) => $"all {weighted} rows of {name}",
            _ => $"all {weighted} rows with weight of {name} ({unweighted} more at weight 0)",
        };
        string remedy = weighted == 1
            ? "a class needs two or more rows with weight to be cross-validated — drop or merge it (glmnet refuses such a class too)."
            : "spread each class over two or more folds (a fold or sampling-key column that keeps a class together cannot).";
        return $"Cross-validation fold {fold} holds {rows}, so its training rows have none and its model cannot predict that class: {remedy}";
    }
}
