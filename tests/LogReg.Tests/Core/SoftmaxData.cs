using System.Globalization;
using System.Text.Json;
using LogReg.Core.Data;

namespace LogReg.Tests.Core;

/// <summary>Iris (the softmax reference data) and random multiclass sets for the softmax tests.</summary>
public static class SoftmaxData
{
    public static readonly string[] Species = { "setosa", "versicolor", "virginica" };

    public static JsonElement Reference => ReferenceData.File("softmax");

    /// <summary>iris.csv: 150 rows, 4 features, classes in <see cref="Species"/> order.</summary>
    public static (double[][] Rows, int[] Labels) Iris()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "iris.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        var rows = lines.Select(l => l.Split(',').Take(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var labels = lines.Select(l => Array.IndexOf(Species, l.Split(',')[4])).ToArray();
        return (rows, labels);
    }

    public static MulticlassTrainingSet IrisSet(double[]? weights = null) => Set(Iris(), weights);

    public static MulticlassTrainingSet Set((double[][] Rows, int[] Labels) data, double[]? weights = null, bool sparse = false) =>
        new(sparse ? SparseMatrix.FromDenseRows(data.Rows, data.Rows[0].Length) : DenseMatrix.FromRows(data.Rows), data.Labels, 3, weights, null, Species);

    /// <summary>n rows of d features (about a third zeros) and labels from a noisy softmax over K classes.</summary>
    public static (double[][] Rows, int[] Labels) Random(int n, int d, int classes, int seed)
    {
        var random = new Random(seed);
        var w = Enumerable.Range(0, classes * d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, d).Select(_ => random.NextDouble() < 0.3 ? 0 : Math.Round(random.NextDouble() * 4 - 2, 3)).ToArray();
            var z = Enumerable.Range(0, classes).Select(k => Enumerable.Range(0, d).Sum(j => w[k * d + j] * rows[i][j]) + random.NextDouble() * 2).ToArray();
            labels[i] = Array.IndexOf(z, z.Max());
        }
        return (rows, labels);
    }
}
