namespace LogReg.Compare;

/// <summary>
/// Stratified k-fold assignment: the rows of each class are shuffled with a seeded
/// <see cref="Random"/> and dealt to folds 0, 1, …, k−1 in turn, so every fold holds about the same
/// share of each class, and the same seed gives the same folds.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>The fold (0 … folds−1) of every row.</summary>
    public static int[] Assign(IReadOnlyList<bool> labels, int folds, int seed)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        }
        int positives = labels.Count(l => l);
        int negatives = labels.Count - positives;
        if (positives < folds || negatives < folds)
        {
            throw new ArgumentException(
                $"Stratified {folds}-fold cross-validation needs at least {folds} rows of each class; the label has {positives} true and {negatives} false rows.");
        }
        var fold = new int[labels.Count];
        var rng = new Random(seed);
        int next = 0;
        foreach (bool cls in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            for (int i = rows.Length - 1; i > 0; i--)
            {
                int k = rng.Next(i + 1);
                (rows[i], rows[k]) = (rows[k], rows[i]);
            }
            foreach (int row in rows)
            {
                fold[row] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    /// <summary>
    /// The same for K classes (0 … K − 1): each class's rows, shuffled, are dealt round-robin in
    /// class order, continuing where the previous class stopped (the core's <see cref="Core.Paths.FoldAssignment.Stratified"/>,
    /// after the check that every class that occurs fills the folds).
    /// </summary>
    public static int[] Assign(IReadOnlyList<int> labels, int classCount, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        }
        var counts = Enumerable.Range(0, classCount).Select(k => labels.Count(y => y == k)).ToArray();
        if (counts.Any(c => c > 0 && c < folds))
        {
            throw new ArgumentException(
                $"Stratified {folds}-fold cross-validation needs at least {folds} rows of each class that occurs; the class counts are {string.Join(", ", counts)}.");
        }
        return Core.Paths.FoldAssignment.Stratified(labels, folds, seed);
    }
}
