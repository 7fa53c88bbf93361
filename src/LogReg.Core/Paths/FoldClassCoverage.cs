namespace LogReg.Core.Paths;

/// <summary>
/// Refuses folds whose training rows lack a class that could have been there. Such a fold's model gives the class no
/// probability (its unpenalised intercept runs to −∞), so every held-out row of it scores at the clipped probability; when
/// a fold column holds a whole class out, that outweighs every other fold's error and the choice of λ is an artefact
/// (cv.glmnet fails there with an indexing error). A class with one row is unavoidably missing from one fold's training
/// rows; it is scored so (a bounded cost, as rare labels in text need) unless that leaves the fold one class only.
/// </summary>
internal static class FoldClassCoverage
{
    /// <summary>Throws for the first fold (by number) that holds every weighted row of a class with two or more of them,
    /// or whose training rows hold one class only.</summary>
    /// <param name="classes">Each row's class.</param>
    /// <param name="weightOf">Each row's weight (rows with weight 0 are not counted).</param>
    /// <param name="folds">Each row's fold (0 … <paramref name="foldCount"/> − 1).</param>
    /// <param name="foldCount">The number of folds.</param>
    /// <param name="describe">A class's name in the message (e.g. "class 'setosa'").</param>
    /// <exception cref="ArgumentException">A fold as above.</exception>
    public static void Require(int[] classes, Func<int, double> weightOf, int[] folds, int foldCount, Func<int, string> describe)
    {
        int classCount = classes.Max() + 1;
        var rows = new int[classCount];
        var heldRows = new int[foldCount, classCount];
        for (int i = 0; i < classes.Length; i++)
        {
            if (weightOf(i) > 0)
            {
                rows[classes[i]]++;
                heldRows[folds[i], classes[i]]++;
            }
        }
        for (int f = 0; f < foldCount; f++)
        {
            var missing = Enumerable.Range(0, classCount).Where(k => rows[k] > 0 && heldRows[f, k] == rows[k]).ToArray();
            int trained = rows.Count(r => r > 0) - missing.Length;
            foreach (int k in missing.Where(k => rows[k] >= 2 || trained < 2))
            {
                string where = $"Cross-validation fold {f + 1} of {foldCount} holds {(rows[k] == 1 ? "the only row" : $"all {rows[k]} rows")} of {describe(k)}";
                throw new ArgumentException(rows[k] == 1
                    ? $"{where}, so its training rows hold one class only: a class needs at least two rows to be cross-validated (drop or merge it)."
                    : $"{where}, so its training rows have none and its model cannot predict that class: spread each class over at least two folds.");
            }
        }
    }
}
