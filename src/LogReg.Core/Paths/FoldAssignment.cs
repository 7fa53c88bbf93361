namespace LogReg.Core.Paths;

/// <summary>Which fold each row belongs to: stratified by class, or whole groups kept together.</summary>
public static class FoldAssignment
{
    /// <summary>
    /// Each class's rows shuffled (seeded) and dealt to the folds in turn, the next class continuing where the last one
    /// stopped — so every fold holds each class in proportion (±1 row) and the sizes differ by at most one. With
    /// <paramref name="weights"/>, the rows of weight 0 are dealt the same way after all the others, so that a class's
    /// weighted rows are spread as if those rows were not there (two weighted rows among zero-weight ones had shared a
    /// fold, which then trained on none of them); without rows of weight 0 the folds are those without weights.
    /// </summary>
    public static int[] Stratified(IReadOnlyList<int> classes, int foldCount, int seed, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var folds = new int[classes.Count];
        var random = new Random(seed);
        int next = 0;
        var rows = Enumerable.Range(0, classes.Count);
        var order = weights is null ? [rows] : rows.GroupBy(i => weights[i] == 0).OrderBy(g => g.Key).Select(g => g.AsEnumerable());
        foreach (var part in order)
        {
            foreach (var group in part.GroupBy(i => classes[i]).OrderBy(g => g.Key))
            {
                var members = group.ToArray();
                random.Shuffle(members);
                foreach (int row in members)
                {
                    folds[row] = next;
                    next = (next + 1) % foldCount;
                }
            }
        }
        return folds;
    }

    /// <summary>The folds <paramref name="options"/> gives, or else <see cref="Stratified"/> by class over the weighted rows.</summary>
    internal static int[] Of(CrossValidationOptions options, IReadOnlyList<int> classes, Func<int, double> weightOf) =>
        options.FoldIds?.ToArray()
        ?? Stratified(classes, options.FoldCount, options.Seed, Enumerable.Range(0, classes.Count).Select(weightOf).ToArray());

    /// <summary>
    /// Rows with the same key in the same fold (ML.NET's sampling key): the distinct keys shuffled (seeded) and dealt to
    /// the folds in turn.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer distinct keys than folds.</exception>
    public static int[] ByGroup<TKey>(IReadOnlyList<TKey> keys, int foldCount, int seed) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct().ToArray();
        if (distinct.Length < foldCount)
        {
            throw new ArgumentException($"{distinct.Length} distinct groups cannot fill {foldCount} folds.", nameof(keys));
        }
        new Random(seed).Shuffle(distinct);
        var fold = new Dictionary<TKey, int>();
        for (int g = 0; g < distinct.Length; g++)
        {
            fold[distinct[g]] = g % foldCount;
        }
        return keys.Select(k => fold[k]).ToArray();
    }
}
