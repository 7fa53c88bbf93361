using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The softmax pass's kernels against plain loops, at every remainder of the vector width (K = 1 … 9 classes and more, so
/// strides 4 to 24 with 0–3 padding lanes; rows and features around the 4 × 8 and 8 × 8 tiles), and the whole
/// objective against a plain-loop value, gradient and Hessian product for every K.
/// </summary>
public class SoftmaxKernelTests
{
    internal static double[] Numbers(int length, Random random) => Enumerable.Range(0, length).Select(_ => random.NextDouble() * 2 - 1).ToArray();

    // 256-bit tiles only, and (on machines with AVX-512) the 512-bit ones: 8-row and 8-feature tiles, the last features in
    // tiles of at most 4, a stride's last 4 classes in 256-bit vectors.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DenseTilesEqualPlainLoopsAtEveryRemainder(bool wide)
    {
        var random = new Random(1);
        // Strides 4 … 24: one 4-class tile, 8-class tiles, the 12-class tile of strides 8m + 4, and both together.
        foreach (int classes in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 17, 20, 21 })
        {
            int stride = SoftmaxKernels.StrideOf(classes);
            foreach (int rows in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17 })
            {
                foreach (int d in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 21 })
                {
                    var x = Numbers(rows * d, random);
                    var wt = Numbers(d * stride, random);
                    var bias = Numbers(stride, random);
                    var z = new double[rows * stride];
                    SoftmaxKernels.MultiplyRows(x, d, rows, wt, bias, stride, z, wide);
                    var c = Numbers(rows * stride, random);
                    var g = Numbers(d * stride, random);
                    var expectedG = (double[])g.Clone();
                    SoftmaxKernels.AddTransposeRows(x, d, rows, c, stride, g, wide);
                    for (int r = 0; r < rows; r++)
                    {
                        for (int k = 0; k < stride; k++)
                        {
                            double sum = bias[k];
                            for (int j = 0; j < d; j++)
                            {
                                sum = SoftmaxKernels.Fma(x[r * d + j], wt[j * stride + k], sum);
                            }
                            Assert.True(sum == z[r * stride + k], $"K = {classes}, {rows} rows, d = {d}: z[{r}, {k}] = {z[r * stride + k]:R}, plain loop {sum:R}");
                        }
                    }
                    for (int j = 0; j < d; j++)
                    {
                        for (int k = 0; k < stride; k++)
                        {
                            double sum = expectedG[j * stride + k];
                            for (int r = 0; r < rows; r++)
                            {
                                sum = SoftmaxKernels.Fma(x[r * d + j], c[r * stride + k], sum);
                            }
                            Assert.True(sum == g[j * stride + k], $"K = {classes}, {rows} rows, d = {d}: g[{j}, {k}] = {g[j * stride + k]:R}, plain loop {sum:R}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void SparseRowsEqualPlainLoopsAtEveryWidth()
    {
        var random = new Random(2);
        for (int classes = 1; classes <= 21; classes++)
        {
            int stride = SoftmaxKernels.StrideOf(classes), d = 12;
            for (int stored = 0; stored <= 6; stored++)
            {
                var indices = Enumerable.Range(0, d).OrderBy(_ => random.Next()).Take(stored).Order().ToArray();
                var values = indices.Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
                var wt = Numbers(d * stride, random);
                var bias = Numbers(stride, random);
                var z = new double[stride];
                SoftmaxKernels.MultiplySparseRow(indices, values, wt, bias, stride, z);
                var c = Numbers(stride, random);
                var g = Numbers(d * stride, random);
                var expectedG = (double[])g.Clone();
                SoftmaxKernels.AddSparseRow(indices, values, c, stride, g);
                for (int k = 0; k < stride; k++)
                {
                    double sum = bias[k];
                    for (int t = 0; t < stored; t++)
                    {
                        sum = SoftmaxKernels.Fma(values[t], wt[indices[t] * stride + k], sum);
                        expectedG[indices[t] * stride + k] = SoftmaxKernels.Fma(values[t], c[k], expectedG[indices[t] * stride + k]);
                    }
                    Assert.True(sum == z[k], $"K = {classes}, {stored} stored: z[{k}] = {z[k]:R}, plain loop {sum:R}");
                }
                Assert.Equal(expectedG, g);
            }
        }
    }

    [Fact]
    public void SingleSparseRowsEqualPlainLoopsAtEveryWidth()
    {
        // Strides 4 … 44: every count of whole eight-float vectors in a group of four, with and without the half vector,
        // and a second group.
        var random = new Random(5);
        for (int classes = 1; classes <= 44; classes++)
        {
            int stride = SoftmaxKernels.StrideOf(classes), d = 12;
            for (int stored = 0; stored <= 6; stored++)
            {
                var indices = Enumerable.Range(0, d).OrderBy(_ => random.Next()).Take(stored).Order().ToArray();
                var values = indices.Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
                var wt = Numbers(d * stride, random).Select(v => (float)v).ToArray();
                var z = new float[stride + 3];
                // The squared form (a curvature's diagonal) multiplies by values[t]² rounded to single precision.
                bool squared = stored % 2 == 1;
                Array.Fill(z, float.NaN);
                SoftmaxKernels.MultiplySparseRowSingle(indices, values, wt, stride, z, squared);
                for (int k = 0; k < stride; k++)
                {
                    float sum = 0;
                    for (int t = 0; t < stored; t++)
                    {
                        sum = SoftmaxKernels.Fma(squared ? values[t] * values[t] : values[t], wt[indices[t] * stride + k], sum);
                    }
                    Assert.True(sum == z[k], $"K = {classes}, {stored} stored, squared {squared}: z[{k}] = {z[k]:R}, plain loop {sum:R}");
                }
                Assert.All(z.Skip(stride), v => Assert.True(float.IsNaN(v), "written past the stride"));
            }
        }
    }

    [Fact]
    public void CrossEntropyBlockIsThePlainSoftmaxAtEveryClassCount()
    {
        var random = new Random(3);
        for (int classes = 1; classes <= 13; classes++)
        {
            int stride = SoftmaxKernels.StrideOf(classes), rows = 1 + random.Next(64);
            var z = Numbers(rows * stride, random).Select(v => v * 30).ToArray();
            var labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
            var weights = Enumerable.Range(0, rows).Select(r => r % 5 == 0 ? 0.0 : random.NextDouble() * 3).ToArray();
            var original = (double[])z.Clone();
            var c = Numbers(rows * stride, random);
            double value = Softmax.CrossEntropyBlock(z, c, rows, stride, classes, labels, weights);
            double expected = 0;
            for (int r = 0; r < rows; r++)
            {
                var scores = original.AsSpan(r * stride, classes).ToArray();
                double max = scores.Max();
                double sum = scores.Sum(v => Math.Exp(v - max));
                expected += weights[r] * (max + Math.Log(sum) - scores[labels[r]]);
                for (int k = 0; k < stride; k++)
                {
                    double p = k < classes ? Math.Exp(scores[k] - max) / sum : 0;
                    double coefficient = k < classes ? weights[r] * (p - (k == labels[r] ? 1 : 0)) : 0;
                    Assert.True(Math.Abs(coefficient - c[r * stride + k]) <= 1e-15 * (1 + weights[r]), $"K = {classes}: c[{r}, {k}] = {c[r * stride + k]:R}, expected {coefficient:R}");
                }
            }
            Assert.True(Math.Abs(expected - value) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"K = {classes}: value {value:R}, expected {expected:R}");
            Assert.Equal(original, z);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheObjectiveIsThePlainLoopObjectiveForEveryClassCount(bool sparse)
    {
        for (int classes = 2; classes <= 9; classes++)
        {
            int n = 150, d = 7;
            var data = SoftmaxData.Random(n, d, classes, seed: classes);
            var weights = Enumerable.Range(0, n).Select(i => 0.5 + i % 3).ToArray();
            var set = new MulticlassTrainingSet(sparse ? SparseMatrix.FromDenseRows(data.Rows, d) : DenseMatrix.FromRows(data.Rows), data.Labels, classes, weights);
            var objective = new SoftmaxObjective(set, l2: 0.3);
            var random = new Random(classes);
            var theta = Numbers(objective.Dimension, random);
            var v = Numbers(objective.Dimension, random);
            var gradient = new double[objective.Dimension];
            double value = objective.SmoothValueAndGradient(theta, gradient);
            var hv = new double[objective.Dimension];
            objective.HessianAt(theta).Multiply(v, hv);
            var (expectedValue, expectedGradient, expectedHv) = PlainLoops(data.Rows, data.Labels, weights, classes, theta, v, 0.3);
            NumericAssert.Relative(expectedValue, value, 1e-13, $"K = {classes} value");
            NumericAssert.Close(expectedGradient, gradient, 1e-12, $"K = {classes} gradient");
            NumericAssert.Close(expectedHv, hv, 1e-12, $"K = {classes} H·v");
        }
    }

    [Theory]
    [InlineData(false, 7)]
    [InlineData(true, 21)]
    public void OneAndTwoThreadsGiveTheSameBits(bool sparse, int classes)
    {
        int n = 9000, d = 30;
        var data = SoftmaxData.Random(n, d, classes, seed: 11);
        var set = new MulticlassTrainingSet(sparse ? SparseMatrix.FromDenseRows(data.Rows, d) : DenseMatrix.FromRows(data.Rows), data.Labels, classes);
        var theta = Numbers(classes * (d + 1), new Random(12));
        (double Value, double[] Gradient, double[] Hv) Pass(int threads)
        {
            var objective = new SoftmaxObjective(set, l2: 0.5, threads: threads);
            var g = new double[objective.Dimension];
            double value = objective.SmoothValueAndGradient(theta, g);
            var hv = new double[objective.Dimension];
            objective.HessianAt(theta).Multiply(g, hv);
            return (value, g, hv);
        }
        var one = Pass(1);
        var two = Pass(2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Value), BitConverter.DoubleToInt64Bits(two.Value));
        Assert.Equal(one.Gradient, two.Gradient);
        Assert.Equal(one.Hv, two.Hv);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheDenseHessianIsTheHessianVectorProductColumnByColumn(bool sparse)
    {
        int n = 300, d = 5, classes = 4;
        var data = SoftmaxData.Random(n, d, classes, seed: 13);
        var weights = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? 0 : 0.5 + i % 3).ToArray();
        var set = new MulticlassTrainingSet(sparse ? SparseMatrix.FromDenseRows(data.Rows, d) : DenseMatrix.FromRows(data.Rows), data.Labels, classes, weights);
        var objective = new SoftmaxObjective(set, l2: 0.4);
        var curvature = objective.HessianAt(Numbers(objective.Dimension, new Random(14)));
        NumericAssert.Close(CurvatureColumns.ToDense(curvature), curvature.ToDense(), 1e-12, "H");
    }

    internal static (double Value, double[] Gradient, double[] Hv) PlainLoops(double[][] rows, int[] labels, double[] s, int K, double[] theta, double[] v, double l2)
    {
        int d = rows[0].Length;
        double value = 0;
        var g = new double[K * (d + 1)];
        var hv = new double[K * (d + 1)];
        for (int i = 0; i < rows.Length; i++)
        {
            var x = rows[i].Select(t => (double)(float)t).ToArray();
            var z = Enumerable.Range(0, K).Select(k => Enumerable.Range(0, d).Sum(j => theta[k * d + j] * x[j]) + theta[K * d + k]).ToArray();
            var u = Enumerable.Range(0, K).Select(k => Enumerable.Range(0, d).Sum(j => v[k * d + j] * x[j]) + v[K * d + k]).ToArray();
            double max = z.Max();
            double sum = z.Sum(t => Math.Exp(t - max));
            var p = z.Select(t => Math.Exp(t - max) / sum).ToArray();
            value += s[i] * (max + Math.Log(sum) - z[labels[i]]);
            double pu = Enumerable.Range(0, K).Sum(k => p[k] * u[k]);
            for (int k = 0; k < K; k++)
            {
                double c = s[i] * (p[k] - (k == labels[i] ? 1 : 0));
                double h = s[i] * p[k] * (u[k] - pu);
                for (int j = 0; j < d; j++)
                {
                    g[k * d + j] += c * x[j];
                    hv[k * d + j] += h * x[j];
                }
                g[K * d + k] += c;
                hv[K * d + k] += h;
            }
        }
        for (int q = 0; q < K * d; q++)
        {
            value += 0.5 * l2 * theta[q] * theta[q];
            g[q] += l2 * theta[q];
            hv[q] += l2 * v[q];
        }
        return (value, g, hv);
    }
}
