using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// 80 rows × 180 sparse columns: 60 columns a tenth filled with exponential values, then the same 60 at 10 times and at a
/// hundredth of the scale (copies after standardising, up to the singles' rounding); labels drawn from a logistic model
/// on the first three columns. A lasso path's screened-in columns outnumber the rows, and the sparse sweeps crawl there.
/// </summary>
internal static class SparseCopiedScalesSet
{
    public static TrainingSet Of(int seed)
    {
        const int n = 80, k = 60;
        var random = new Random(seed);
        var rows = new List<double[]>(n);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = new double[3 * k];
            for (int j = 0; j < k; j++)
            {
                double value = random.NextDouble() < 0.1 ? -Math.Log(1 - random.NextDouble()) : 0;
                (row[j], row[k + j], row[2 * k + j]) = (value, value * 10, value * 0.01);
            }
            double margin = -1 + 2 * (row[0] + row[1] + row[2]);
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-margin)) ? 1 : 0;
            rows.Add(row);
        }
        return new TrainingSet(SparseMatrix.FromDenseRows(rows, 3 * k), y);
    }
}
