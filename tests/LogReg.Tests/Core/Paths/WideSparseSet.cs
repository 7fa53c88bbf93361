using LogReg.Core.Data;
using LogReg.Core.Paths;

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

    /// <summary>
    /// The largest violation of the optimality conditions over <paramref name="path"/>'s points, relative to their λ: each
    /// class's intercept gradient and, for every class and feature, the distance of the mean gradient of deviance/2 (its
    /// ridge part included) from a subgradient of the L1 part at the coefficient — on the rows, the original scale.
    /// </summary>
    public static double LargestViolation(MulticlassTrainingSet data, MultinomialRegularizationPath path, double alpha)
    {
        int n = data.RowCount, d = data.FeatureCount, classes = data.ClassCount;
        var (rows, entries, scales) = Dense(data);
        double worst = 0;
        for (int m = 0; m < path.Lambdas.Count; m++)
        {
            double lambda = path.Lambdas[m];
            var (b, w) = (path.Intercepts[m], path.Coefficients[m]);
            var gradient = new double[classes, d];
            var interceptGradient = new double[classes];
            for (int i = 0; i < n; i++)
            {
                var z = Enumerable.Range(0, classes).Select(k => b[k] + entries[i].Sum(j => rows[i][j] * w[k][j])).ToArray();
                double max = z.Max(), total = z.Sum(v => Math.Exp(v - max));
                for (int k = 0; k < classes; k++)
                {
                    double residual = (Math.Exp(z[k] - max) / total - (data.Labels[i] == k ? 1 : 0)) / n;
                    interceptGradient[k] += residual;
                    foreach (int j in entries[i])
                    {
                        gradient[k, j] += rows[i][j] * residual;
                    }
                }
            }
            for (int k = 0; k < classes; k++)
            {
                worst = Math.Max(worst, Math.Abs(interceptGradient[k]) / lambda);
                for (int j = 0; j < d; j++)
                {
                    double g = gradient[k, j] + lambda * (1 - alpha) * scales[j] * scales[j] * w[k][j];
                    worst = Math.Max(worst, Violation(g, w[k][j], lambda * alpha * scales[j]) / lambda);
                }
            }
        }
        return worst;
    }

    /// <summary>How far gradient <paramref name="g"/> (its ridge part included) is from a subgradient of the L1 part
    /// <paramref name="l1"/>·|w| at <paramref name="w"/>: zero at an optimum.</summary>
    public static double Violation(double g, double w, double l1) =>
        w != 0 ? Math.Abs(g + l1 * Math.Sign(w)) : Math.Max(Math.Abs(g) - l1, 0);
}
