using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// What a softmax pass keeps and where it sums: wide sparse data sums the weights' gradient by columns (a transpose of
/// the rows, <c>SparseColumns</c>) and must equal plain loops and give the same bits at any thread count; curvature at
/// the last pass's point reuses that pass's probabilities and must equal curvature computed afresh, bit for bit, and
/// never use probabilities of another point; the curvature diagonal equals its plain-loop definition.
/// </summary>
public class SoftmaxPassTests
{
    // 5,000 features × 7 classes: K·d sums of 40,000 doubles, past the point where sums are made by columns.
    internal static MulticlassTrainingSet WideSparse(int n, int d, int classes, int seed, out double[][] rows)
    {
        var random = new Random(seed);
        rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = new double[d];
            int stored = 1 + random.Next(12);
            for (int t = 0; t < stored; t++)
            {
                // Frequent low features and rare high ones, as words are.
                int j = (int)Math.Min(d - 1, Math.Floor(Math.Pow(random.NextDouble(), 3) * d));
                rows[i][j] = (float)(random.NextDouble() * 2);
            }
            labels[i] = random.Next(classes);
        }
        var weights = Enumerable.Range(0, n).Select(i => i % 11 == 0 ? 0 : 0.5 + i % 3).ToArray();
        return new MulticlassTrainingSet(SparseMatrix.FromDenseRows(rows, d), labels, classes, weights);
    }

    [Fact]
    public void WideSparseSumsByColumnsEqualPlainLoops()
    {
        const int classes = 7;
        var set = WideSparse(200, 5000, classes, seed: 1, out var rows);
        Assert.True(new SoftmaxBlocks(set.Features, classes).SumsByColumns);
        var objective = new SoftmaxObjective(set, l2: 0.3);
        var random = new Random(2);
        var theta = SoftmaxKernelTests.Numbers(objective.Dimension, random);
        var v = SoftmaxKernelTests.Numbers(objective.Dimension, random);
        var gradient = new double[objective.Dimension];
        double value = objective.SmoothValueAndGradient(theta, gradient);
        var hv = new double[objective.Dimension];
        objective.HessianAt(theta).Multiply(v, hv);
        var (expectedValue, expectedGradient, expectedHv) = SoftmaxKernelTests.PlainLoops(rows, set.Labels, set.ExampleWeights!, classes, theta, v, 0.3);
        NumericAssert.Relative(expectedValue, value, 1e-13, "value");
        NumericAssert.Close(expectedGradient, gradient, 1e-12, "gradient");
        // The products are made in single precision on such data (SparseSingleProducts): to its rounding, not to double's.
        NumericAssert.Close(expectedHv, hv, 1e-5, "H·v");
        Assert.Contains(expectedHv.Zip(hv), pair => pair.First != pair.Second);
        NumericAssert.Close(PlainDiagonal(rows, set, theta, 0.3), objective.CurvatureDiagonalAt(theta), 1e-12, "diagonal");
    }

    [Fact]
    public void NewtonOnSingleProductsReachesTheOptimumOfDoublePasses()
    {
        // Newton-CG's Hessian products on wide sparse data are single precision; its steps and stopping test use the double
        // gradient, so it ends where Newton-CG on the same rows held densely (double products throughout) ends.
        var set = WideSparse(400, 5000, 7, seed: 6, out var rows);
        var dense = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), set.Labels, 7, set.ExampleWeights);
        var options = new LogReg.Core.Training.TrainerOptions { L2Regularization = 0.3, OptimizationTolerance = 1e-11, Optimizer = LogReg.Core.Training.OptimizerKind.Newton };
        var single = LogReg.Core.Training.SoftmaxRegressionTrainer.Train(set, options).Report.Optimization;
        var reference = LogReg.Core.Training.SoftmaxRegressionTrainer.Train(dense, options).Report.Optimization;
        Assert.True(single.Converged, single.Message);
        Assert.True(reference.Converged, reference.Message);
        Assert.True(single.Evaluations.HessianVectorProducts > 0);
        NumericAssert.Relative(reference.Objective, single.Objective, 1e-13, "objective");
        NumericAssert.Close(reference.Minimizer, single.Minimizer, 1e-8, "θ");
    }

    [Fact]
    public void SingleProductsGiveWayToDoubleOnesOutsideSinglePrecisionsRange()
    {
        var set = WideSparse(200, 5000, 7, seed: 7, out var rows);
        var objective = new SoftmaxObjective(set, l2: 0.3);
        var random = new Random(8);
        var theta = SoftmaxKernelTests.Numbers(objective.Dimension, random);
        // A direction whose single-precision products overflow: the double passes make them.
        var v = SoftmaxKernelTests.Numbers(objective.Dimension, random).Select(x => x * 3e38).ToArray();
        objective.SmoothValue(theta);
        var hv = new double[objective.Dimension];
        objective.HessianAt(theta).Multiply(v, hv);
        var expected = SoftmaxKernelTests.PlainLoops(rows, set.Labels, set.ExampleWeights!, 7, theta, v, 0.3).Hv;
        NumericAssert.Close(expected.Select(e => e / 3e38).ToArray(), hv.Select(h => h / 3e38).ToArray(), 1e-12, "H·v");
        // Values beyond 1e12 (or below 1e-12), or spanning more than four decades, keep the products in double from the start.
        Assert.NotNull(new SoftmaxBlocks(set.Features, 7).SingleProducts);
        int at = Array.FindIndex(rows[3], x => x != 0);
        double kept = rows[3][at];
        foreach (double value in new[] { 1e13, 1e-13, 1e5, 1e-5 })
        {
            rows[3][at] = value;
            Assert.Null(new SoftmaxBlocks(SparseMatrix.FromDenseRows(rows, 5000), 7).SingleProducts);
        }
        rows[3][at] = kept;
        Assert.NotNull(new SoftmaxBlocks(SparseMatrix.FromDenseRows(rows, 5000), 7).SingleProducts);
    }

    [Fact]
    public void ACurvatureIsValidUntilTheNextOneAndItsArrayIsReused()
    {
        var set = WideSparse(200, 5000, 7, seed: 9, out var rows);
        var objective = new SoftmaxObjective(set, l2: 0.3);
        var random = new Random(10);
        var first = SoftmaxKernelTests.Numbers(objective.Dimension, random);
        var second = SoftmaxKernelTests.Numbers(objective.Dimension, random);
        var v = SoftmaxKernelTests.Numbers(objective.Dimension, random);
        var hv = new double[objective.Dimension];
        objective.SmoothValue(first);
        var old = objective.HessianAt(first);
        objective.SmoothValue(second);
        var current = objective.HessianAt(second);
        // The first curvature's probabilities now take the passes' values: using it fails loudly instead of silently.
        Assert.Throws<InvalidOperationException>(() => old.Multiply(v, hv));
        Assert.Throws<InvalidOperationException>(() => old.ToDense());
        // Passes at a third point write into the first curvature's array; the current curvature is untouched by them.
        objective.SmoothValue(SoftmaxKernelTests.Numbers(objective.Dimension, random));
        current.Multiply(v, hv);
        var expected = SoftmaxKernelTests.PlainLoops(rows, set.Labels, set.ExampleWeights!, 7, second, v, 0.3).Hv;
        NumericAssert.Close(expected, hv, 1e-5, "H·v at the second point");
    }

    [Fact]
    public void OnlyWideDataWithAtMostTwoRowsPerFeatureSumsByColumns()
    {
        // The choice depends on the shape alone: empty rows suffice.
        static SparseMatrix Empty(int n, int d) => new(n, d, new long[n + 1], [], []);
        Assert.True(new SoftmaxBlocks(Empty(10_002, 5000), 7).SumsByColumns);
        // One row more than two per feature: the rows' coefficients would outweigh the partials they replace.
        Assert.False(new SoftmaxBlocks(Empty(10_003, 5000), 7).SumsByColumns);
        // K·d sums under 256 KB (4,000 features × 8 padded classes), and dense rows: per-chunk partials.
        Assert.False(new SoftmaxBlocks(Empty(2000, 4000), 7).SumsByColumns);
        Assert.False(new SoftmaxBlocks(DenseMatrix.FromRows(SoftmaxData.Random(100, 6000, 7, seed: 13).Rows), 7).SumsByColumns);
    }

    [Theory]
    [InlineData(5000, 21)]
    [InlineData(30, 21)]
    public void SparseSumsGiveTheSameBitsAtOneAndTwoThreads(int features, int classes)
    {
        var set = WideSparse(6000, features, classes, seed: 3, out _);
        var theta = SoftmaxKernelTests.Numbers(classes * (features + 1), new Random(4));
        (double Value, double[] Gradient, double[] Hv, double[] Diagonal) Pass(int threads)
        {
            var objective = new SoftmaxObjective(set, l2: 0.5, threads: threads);
            var g = new double[objective.Dimension];
            double value = objective.SmoothValueAndGradient(theta, g);
            var diagonal = objective.CurvatureDiagonalAt(theta);
            var hv = new double[objective.Dimension];
            objective.HessianAt(theta).Multiply(g, hv);
            return (value, g, hv, diagonal);
        }
        var one = Pass(1);
        var two = Pass(2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Value), BitConverter.DoubleToInt64Bits(two.Value));
        Assert.Equal(one.Gradient, two.Gradient);
        Assert.Equal(one.Hv, two.Hv);
        Assert.Equal(one.Diagonal, two.Diagonal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CurvatureAtTheLastPassIsCurvatureComputedAfreshBitForBit(bool sparse)
    {
        const int n = 3000, d = 9, classes = 5;
        var data = SoftmaxData.Random(n, d, classes, seed: 5);
        var set = new MulticlassTrainingSet(sparse ? SparseMatrix.FromDenseRows(data.Rows, d) : DenseMatrix.FromRows(data.Rows), data.Labels, classes);
        var random = new Random(6);
        var theta = SoftmaxKernelTests.Numbers(classes * (d + 1), random);
        var other = SoftmaxKernelTests.Numbers(classes * (d + 1), random);
        var v = SoftmaxKernelTests.Numbers(classes * (d + 1), random);
        (double[] Hv, double[] Diagonal, double[] Probabilities) Curvature(SoftmaxObjective objective)
        {
            var hv = new double[objective.Dimension];
            var diagonal = objective.CurvatureDiagonalAt(theta);
            var p = objective.Probabilities(theta);
            objective.HessianAt(theta).Multiply(v, hv);
            return (hv, diagonal, p);
        }
        var fresh = Curvature(new SoftmaxObjective(set, l2: 0.2));
        var afterPass = new SoftmaxObjective(set, l2: 0.2);
        afterPass.SmoothValueAndGradient(theta, new double[afterPass.Dimension]);
        var reused = Curvature(afterPass);
        var elsewhere = new SoftmaxObjective(set, l2: 0.2);
        elsewhere.SmoothValueAndGradient(other, new double[elsewhere.Dimension]);
        var notReused = Curvature(elsewhere);
        foreach (var (name, result) in new[] { ("after a pass at θ", reused), ("after a pass at another point", notReused) })
        {
            Assert.True(fresh.Hv.SequenceEqual(result.Hv), $"H·v {name}");
            Assert.True(fresh.Diagonal.SequenceEqual(result.Diagonal), $"diagonal {name}");
            Assert.True(fresh.Probabilities.SequenceEqual(result.Probabilities), $"probabilities {name}");
        }
        // A second Hessian at θ after the first took the pass's probabilities is still the same.
        var again = new double[afterPass.Dimension];
        afterPass.HessianAt(theta).Multiply(v, again);
        Assert.Equal(fresh.Hv, again);
    }

    [Fact]
    public void TheDiagonalAskedTwiceIsTheSameAndCallersMayChangeTheirCopy()
    {
        var data = SoftmaxData.Random(500, 6, 3, seed: 7);
        var set = new MulticlassTrainingSet(DenseMatrix.FromRows(data.Rows), data.Labels, 3);
        var objective = new SoftmaxObjective(set, l2: 1);
        var theta = SoftmaxKernelTests.Numbers(objective.Dimension, new Random(8));
        var first = objective.CurvatureDiagonalAt(theta);
        NumericAssert.Close(PlainDiagonal(data.Rows, set, theta, 1), first, 1e-12, "diagonal");
        var copy = (double[])first.Clone();
        Array.Fill(first, -1.0);
        Assert.Equal(copy, objective.CurvatureDiagonalAt(theta));
    }

    [Fact]
    public void TheDenseHessianOfSparseRowsIsThatOfDenseRowsBitForBit()
    {
        // Rows spread over several chunks and Gram blocks; zero weights and zero values included.
        const int n = 5000, d = 6, classes = 4;
        var data = SoftmaxData.Random(n, d, classes, seed: 9);
        for (int i = 0; i < n; i += 3)
        {
            data.Rows[i][i % d] = 0;
        }
        var weights = Enumerable.Range(0, n).Select(i => i % 13 == 0 ? 0 : 0.5 + i % 4).ToArray();
        var theta = SoftmaxKernelTests.Numbers(classes * (d + 1), new Random(10));
        double[] Hessian(DesignMatrix x) => new SoftmaxObjective(new MulticlassTrainingSet(x, data.Labels, classes, weights), l2: 0.1, threads: 2).HessianAt(theta).ToDense();
        Assert.Equal(Hessian(DenseMatrix.FromRows(data.Rows)), Hessian(SparseMatrix.FromDenseRows(data.Rows, d)));
    }

    // Σᵢ sᵢ·p_{ik}(1 − p_{ik})·x_{ij}² + l2 for weight (k, j), Σᵢ sᵢ·p_{ik}(1 − p_{ik}) for bias k.
    internal static double[] PlainDiagonal(double[][] rows, MulticlassTrainingSet set, double[] theta, double l2)
    {
        int K = set.ClassCount, d = set.FeatureCount;
        var diagonal = new double[K * (d + 1)];
        for (int i = 0; i < rows.Length; i++)
        {
            double s = set.ExampleWeights?[i] ?? 1.0;
            var x = rows[i].Select(t => (double)(float)t).ToArray();
            var z = Enumerable.Range(0, K).Select(k => Enumerable.Range(0, d).Sum(j => theta[k * d + j] * x[j]) + theta[K * d + k]).ToArray();
            double max = z.Max(), sum = z.Sum(t => Math.Exp(t - max));
            for (int k = 0; k < K; k++)
            {
                double p = Math.Exp(z[k] - max) / sum, c = s * p * (1 - p);
                for (int j = 0; j < d; j++)
                {
                    diagonal[k * d + j] += c * x[j] * x[j];
                }
                diagonal[K * d + k] += c;
            }
        }
        for (int q = 0; q < K * d; q++)
        {
            diagonal[q] += l2;
        }
        return diagonal;
    }
}
