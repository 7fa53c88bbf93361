using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The preconditioner snapshot and the mini-batch view, each checked against an independent derivation.</summary>
public class PreconditionerAndSamplesTests
{
    private static TrainingSet Problem(bool sparse)
    {
        var rng = new Random(11);
        int n = 60, d = 4;
        // Columns on very different scales and means, as raw features are.
        var scale = new[] { 1e-2, 1.0, 50.0, 3.0 };
        var shift = new[] { 0.0, 5.0, -200.0, 1.0 };
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(j => rng.NextDouble() < 0.3 ? 0.0 : shift[j] + scale[j] * (rng.NextDouble() * 2 - 1)).ToArray()).ToList();
        var labels = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray();
        var weights = Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        return new TrainingSet(sparse ? SparseMatrix.FromDenseRows(rows, d) : DenseMatrix.FromRows(rows), labels, weights);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PreconditionerIsTTransposeOfTheStandardisingMapBuiltFromTheDenseHessian(bool sparse)
    {
        var f = ObjectiveFactory.Create(Problem(sparse), LossKind.BinaryCrossEntropy, l2: 0.7);
        int k = f.Dimension, d = k - 1;
        var theta = new[] { 0.3, -0.1, 0.002, 0.2, -0.4 };
        var h = f.HessianAt(theta).ToDense(); // BCE: the exact Hessian is the Gauss–Newton one
        // Independently from H: m = H_wb/H_bb, h_j = H_jj − H_jb²/H_bb (the centred column's curvature
        // with its penalty), T maps u to θ (w = u/√h, b = u_b/√h_b − m·w), P = T·Tᵀ.
        double hbb = h[d * k + d];
        var t = new double[k, k];
        for (int j = 0; j < d; j++)
        {
            double m = h[j * k + d] / hbb;
            double hj = h[j * k + j] - h[j * k + d] * h[j * k + d] / hbb;
            t[j, j] = 1 / Math.Sqrt(hj);
            t[d, j] = -m / Math.Sqrt(hj);
        }
        t[d, d] = 1 / Math.Sqrt(hbb);
        var p = f.PreconditionerAt(theta);
        var column = new double[k];
        for (int c = 0; c < k; c++)
        {
            var e = new double[k];
            e[c] = 1;
            p.Apply(e, column);
            for (int r = 0; r < k; r++)
            {
                double expected = Enumerable.Range(0, k).Sum(s => t[r, s] * t[c, s]);
                NumericAssert.Close(expected, column[r], 1e-9 * Math.Max(1, Math.Abs(expected)), $"P[{r},{c}]");
            }
        }
        // And in u the Hessian Tᵀ·H·T has a unit diagonal and no bias–weight coupling.
        for (int a = 0; a < k; a++)
        {
            double diagonal = 0, coupling = 0;
            for (int r = 0; r < k; r++)
            {
                for (int s = 0; s < k; s++)
                {
                    diagonal += t[r, a] * h[r * k + s] * t[s, a];
                    coupling += t[r, a] * h[r * k + s] * t[s, d];
                }
            }
            NumericAssert.Close(1.0, diagonal, 1e-9, $"(TᵀHT)[{a},{a}]");
            if (a < d)
            {
                Assert.True(Math.Abs(coupling) < 1e-9, $"(TᵀHT)[{a},b] = {coupling}");
            }
        }
    }

    [Fact]
    public void APreconditionerIsAValueThatLaterEvaluationsDoNotChange()
    {
        var f = ObjectiveFactory.Create(Problem(false), LossKind.BinaryCrossEntropy, l2: 0.7);
        var v = new[] { 1.0, -2.0, 0.5, 0.25, 3.0 };
        var p = f.PreconditionerAt(new double[5]);
        var before = new double[5];
        p.Apply(v, before);
        f.PreconditionerAt(new[] { 2.0, 2.0, 2.0, 2.0, 2.0 });
        f.SmoothValueAndGradient(new[] { -1.0, 1.0, 0.1, 0.0, 0.0 }, new double[5]);
        var after = new double[5];
        p.Apply(v, after);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(LossKind.BinaryCrossEntropy, false)]
    [InlineData(LossKind.MeanSquaredError, true)]
    public void MiniBatchEstimatesAveragedOverAPartitionEqualTheFullGradientOverN(LossKind loss, bool sparse)
    {
        var data = Problem(sparse);
        var f = ObjectiveFactory.Create(data, loss, l2: 0.7);
        var theta = new[] { 0.3, -0.1, 0.002, 0.2, -0.4 };
        var full = new double[5];
        double value = f.SmoothValueAndGradient(theta, full);
        var order = Enumerable.Range(0, data.RowCount).OrderBy(i => (i * 37) % 61).ToArray();
        const int batch = 12; // 60 rows: five equal batches
        var average = new double[5];
        double averageValue = 0;
        var g = new double[5];
        for (int start = 0; start < order.Length; start += batch)
        {
            averageValue += f.Samples.MeanValueAndGradient(theta, order.AsSpan(start, batch), g) / 5;
            for (int j = 0; j < 5; j++)
            {
                average[j] += g[j] / 5;
            }
        }
        int n = data.RowCount;
        NumericAssert.Close(value / n, averageValue, 1e-12, "f/n");
        NumericAssert.Close(full.Select(v => v / n).ToArray(), average, 1e-12, "∇f/n");
    }

    [Fact]
    public void LipschitzBoundIsTheAverageWeightedRowNormTimesTheCurvatureBound()
    {
        var data = Problem(false);
        double expected = 0, total = 0;
        var row = new double[4];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, row);
            expected += data.WeightOf(i) * (1 + row.Sum(v => v * v)); // x̃ = (x, 1)
            total += data.WeightOf(i);
        }
        expected = 0.25 * expected / total + 0.7 / data.RowCount;
        var f = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy, l2: 0.7);
        NumericAssert.Close(expected, f.Samples.LipschitzBound(), 1e-6, "L");
    }
}
