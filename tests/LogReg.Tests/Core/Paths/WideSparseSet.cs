using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A wide sparse set like a small text collection: 300 rows × 6,000 columns, 1 % filled with values 0.1 … 3, the class
/// from the first 30 columns (so a few dozen enter a lasso path); with 3 classes one has 11 rows.
/// </summary>
internal static class WideSparseSet
{
    public const int Features = 6000;

    public static MulticlassTrainingSet Of(int classes)
    {
        var random = new Random(11);
        var rows = new List<(int, double)[]>();
        var labels = new int[300];
        for (int i = 0; i < 300; i++)
        {
            var row = Enumerable.Range(0, Features).Where(_ => random.NextDouble() < 0.01).Select(j => (j, Math.Round(0.1 + random.NextDouble() * 2.9, 1))).ToArray();
            double score = row.Where(e => e.j < 30).Sum(e => (e.j % 3 - 1) * e.Item2) + random.NextDouble();
            labels[i] = Math.Clamp((int)Math.Floor((score + 1.5) / 3 * classes), 0, classes - 1);
            rows.Add(row);
        }
        var start = new long[301];
        for (int i = 0; i < 300; i++)
        {
            start[i + 1] = start[i] + rows[i].Length;
        }
        var matrix = new SparseMatrix(300, Features, start, rows.SelectMany(r => r.Select(e => e.Item1)).ToArray(),
            rows.SelectMany(r => r.Select(e => (float)e.Item2)).ToArray());
        return new MulticlassTrainingSet(matrix, labels, classes);
    }

    /// <summary>For checking optimality on the rows: each row as a dense array, its non-zero columns, and each column's
    /// (1/n) standard deviation, the scale the path's standardisation penalises.</summary>
    public static (double[][] Rows, int[][] Entries, double[] Scales) Dense(MulticlassTrainingSet data)
    {
        int n = data.RowCount, d = data.FeatureCount;
        var rows = Enumerable.Range(0, n).Select(i => { var r = new double[d]; data.Features.CopyRow(i, r); return r; }).ToArray();
        var entries = rows.Select(r => Enumerable.Range(0, d).Where(j => r[j] != 0).ToArray()).ToArray();
        var scales = Enumerable.Range(0, d).Select(j =>
        {
            double mean = rows.Average(r => r[j]);
            return Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
        }).ToArray();
        return (rows, entries, scales);
    }

    /// <summary>How far gradient <paramref name="g"/> (its ridge part included) is from a subgradient of the L1 part
    /// <paramref name="l1"/>·|w| at <paramref name="w"/>: zero at an optimum.</summary>
    public static double Violation(double g, double w, double l1) =>
        w != 0 ? Math.Abs(g + l1 * Math.Sign(w)) : Math.Max(Math.Abs(g) - l1, 0);
}
