using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Rows of 0/1 word indicators where each class has its own words: word j of class j / own appears in a row of that class
/// with probability <c>inClass</c> and elsewhere with <c>elsewhere</c>; <c>noise</c> shared words follow, in 5 % of rows.
/// </summary>
internal static class ClassWordsSet
{
    public static MulticlassTrainingSet Of(int rows, int classes, int own, int noise, double inClass, double elsewhere, int seed)
    {
        var random = new Random(seed);
        int d = classes * own + noise;
        var labels = Enumerable.Range(0, rows).Select(i => i % classes).ToArray();
        var dense = labels.Select(y => Enumerable.Range(0, d).Select(j =>
            j < classes * own ? (random.NextDouble() < (j / own == y ? inClass : elsewhere) ? 1.0 : 0) : random.NextDouble() < 0.05 ? 1.0 : 0).ToArray()).ToArray();
        return new MulticlassTrainingSet(SparseMatrix.FromDenseRows(dense, d), labels, classes);
    }
}
