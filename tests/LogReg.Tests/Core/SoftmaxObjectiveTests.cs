using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The softmax objective's value, gradient and curvature, checked by finite differences and equivalences.</summary>
public class SoftmaxObjectiveTests
{
    private static double[] Point(int dimension, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, dimension).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GradientAndHessianVectorProductMatchFiniteDifferences(bool sparse)
    {
        var data = SoftmaxData.Random(60, 5, 3, seed: 1);
        var weights = Enumerable.Range(0, 60).Select(i => 0.5 + (i % 4)).ToArray();
        var set = new MulticlassTrainingSet(sparse ? SparseMatrix.FromDenseRows(data.Rows, 5) : DenseMatrix.FromRows(data.Rows), data.Labels, 3, weights);
        var objective = new SoftmaxObjective(set, l2: 0.7);
        var theta = Point(objective.Dimension, 2);
        var gradient = new double[objective.Dimension];
        objective.SmoothValueAndGradient(theta, gradient);
        NumericAssert.Close(FiniteDifferences.Gradient(objective, theta), gradient, 1e-6, "gradient");

        var v = Point(objective.Dimension, 3);
        var hv = new double[objective.Dimension];
        objective.HessianAt(theta).Multiply(v, hv);
        NumericAssert.Close(FiniteDifferences.HessianVector(objective, theta, v), hv, 1e-5, "H·v");
    }

    [Fact]
    public void ValueIsTheWeightedCrossEntropyPlusThePenaltyOnWeightsOnly()
    {
        var data = SoftmaxData.Random(20, 3, 4, seed: 5);
        var set = new MulticlassTrainingSet(DenseMatrix.FromRows(data.Rows), data.Labels, 4);
        var theta = Point(16, 6);
        double expected = 0;
        for (int i = 0; i < 20; i++)
        {
            var z = Enumerable.Range(0, 4).Select(k => Enumerable.Range(0, 3).Sum(j => theta[k * 3 + j] * (double)(float)data.Rows[i][j]) + theta[12 + k]).ToArray();
            double max = z.Max();
            expected += max + Math.Log(z.Sum(v => Math.Exp(v - max))) - z[data.Labels[i]];
        }
        expected += 0.5 * 2.0 * theta.Take(12).Sum(t => t * t) + 0.25 * theta.Take(12).Sum(Math.Abs);
        Assert.Equal(expected, new SoftmaxObjective(set, l2: 2.0, l1: 0.25).Value(theta), 1e-10);
    }

    [Fact]
    public void DenseAndSparseAndAnyThreadCountGiveTheSameBits()
    {
        var data = SoftmaxData.Random(5000, 6, 3, seed: 7);
        var dense = new MulticlassTrainingSet(DenseMatrix.FromRows(data.Rows), data.Labels, 3);
        var sparse = new MulticlassTrainingSet(SparseMatrix.FromDenseRows(data.Rows, 6), data.Labels, 3);
        var theta = Point(21, 8);
        double[] Gradient(MulticlassTrainingSet set, int threads)
        {
            var g = new double[21];
            double value = new SoftmaxObjective(set, 1.0, threads: threads).SmoothValueAndGradient(theta, g);
            return g.Append(value).ToArray();
        }
        var reference = Gradient(dense, 1);
        Assert.Equal(reference, Gradient(dense, 2));
        NumericAssert.Close(reference, Gradient(sparse, 2), 1e-12, "sparse");
    }
}
