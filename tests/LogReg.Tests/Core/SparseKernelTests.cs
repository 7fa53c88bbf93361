using LogReg.Core.Data;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The compressed-row kernels of the gradient and preconditioner passes against plain loops over the stored pairs.</summary>
public class SparseKernelTests
{
    // Rows of 0 … 13 stored values (the 4-wide body and every remainder), random columns in [0, d).
    private static (SparseMatrix X, List<(int Column, float Value)[]> Rows) Random(int d, int n, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<(int, float)[]>();
        for (int i = 0; i < n; i++)
        {
            int len = i % 14;
            var columns = new SortedSet<int>();
            while (columns.Count < len)
            {
                columns.Add(rng.Next(d));
            }
            rows.Add(columns.Select(j => (j, (float)(rng.NextDouble() * 4 - 2))).ToArray());
        }
        var rowStart = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            rowStart[i + 1] = rowStart[i] + rows[i].Length;
        }
        var matrix = new SparseMatrix(n, d, rowStart, rows.SelectMany(r => r.Select(p => p.Item1)).ToArray(), rows.SelectMany(r => r.Select(p => p.Item2)).ToArray());
        return (matrix, rows);
    }

    [Fact]
    public void ForwardTransposeAndMomentKernelsMatchPlainLoops()
    {
        const int d = 37, n = 200;
        var (x, rows) = Random(d, n, 5);
        var rng = new Random(9);
        var w = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var coefficient = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? 0 : rng.NextDouble() - 0.5).ToArray();

        var z = new double[n];
        x.MultiplyRows(0, n, w, 0.25, z);
        var z0 = new double[n];
        x.MultiplyRows(0, n, w, 0, z0);
        var g = new double[d];
        x.AddTransposeRows(0, n, coefficient, g);
        var sum = new double[d];
        var squares = new double[d];
        var expectedG = new double[d];
        var expectedSum = new double[d];
        var expectedSquares = new double[d];
        for (int i = 0; i < n; i++)
        {
            double dot = rows[i].Sum(p => p.Value * w[p.Column]);
            Assert.Equal(dot + 0.25, z[i], 1e-13);
            Assert.Equal(dot, x.Dot(i, w), 1e-13);
            Assert.Equal(z0[i], x.Dot(i, w)); // bit for bit: one summation order for every caller
            x.AddScaledRowAndSquares(i, coefficient[i], sum, squares);
            foreach (var (j, v) in rows[i])
            {
                expectedG[j] += coefficient[i] * v;
                expectedSum[j] += coefficient[i] * v;
                expectedSquares[j] += coefficient[i] * v * v;
            }
        }
        for (int j = 0; j < d; j++)
        {
            Assert.Equal(expectedG[j], g[j], 1e-13);
            Assert.Equal(expectedSum[j], sum[j], 1e-13);
            Assert.Equal(expectedSquares[j], squares[j], 1e-13);
        }
        Assert.Throws<ArgumentException>(() => x.Dot(0, new double[d - 1]));
        Assert.Throws<ArgumentException>(() => x.AddTransposeRows(0, 1, coefficient, new double[d - 1]));
    }

    [Fact]
    public void WideDataGetFewerChunksAndTheSameSumsAtAnyThreadCount()
    {
        Assert.Equal(32, LogReg.Core.Objectives.RowChunks.MaximumChunksFor(101));
        Assert.Equal(8, LogReg.Core.Objectives.RowChunks.MaximumChunksFor(20_001));
        var (x, _) = Random(30_000, 40_000, 11);
        var labels = Enumerable.Range(0, x.RowCount).Select(i => (double)(i % 3 == 0 ? 1 : 0)).ToArray();
        var set = new TrainingSet(x, labels);
        var theta = Enumerable.Range(0, x.ColumnCount + 1).Select(j => 0.001 * (j % 11) - 0.004).ToArray();
        double[]? first = null;
        double firstValue = 0;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var objective = LogReg.Core.Training.ObjectiveFactory.Create(set, LogReg.Core.Losses.LossKind.BinaryCrossEntropy, 1, 0, threads);
            var gradient = new double[theta.Length];
            double value = objective.SmoothValueAndGradient(theta, gradient);
            first ??= gradient;
            firstValue = threads == 1 ? value : firstValue;
            Assert.Equal(firstValue, value);
            Assert.Equal(first, gradient); // bit for bit
        }
    }
}
