using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Penalties;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The streaming mode (data read block by block on every pass) against the in-memory fit of the same
/// rows: the same objective, gradient and curvature to rounding, the same optimum to 1e-9, and
/// results that do not depend on the thread count.
/// </summary>
public class StreamingTests
{
    private static TrainingSet Problem(bool sparse, int n = 5000, int d = 12, int seed = 3)
    {
        var rng = new Random(seed);
        var w = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var rows = new List<double[]>();
        var labels = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = Enumerable.Range(0, d).Select(_ => rng.NextDouble() < (sparse ? 0.7 : 0.0) ? 0.0 : rng.NextDouble() * 4 - 2).ToArray();
            double z = row.Zip(w, (a, b) => a * b).Sum() - 0.2;
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
            weights[i] = 0.5 + rng.NextDouble();
            rows.Add(row);
        }
        DesignMatrix x = sparse ? SparseMatrix.FromDenseRows(rows, d) : DenseMatrix.FromRows(rows);
        return new TrainingSet(x, labels, weights);
    }

    [Theory]
    [InlineData(false, LossKind.BinaryCrossEntropy)]
    [InlineData(true, LossKind.BinaryCrossEntropy)]
    [InlineData(false, LossKind.MeanSquaredError)]
    public void ObjectiveGradientAndCurvatureEqualTheInMemoryOnes(bool sparse, LossKind loss)
    {
        var data = Problem(sparse);
        var memory = ObjectiveFactory.Create(data, loss, l2: 0.8, threads: 2);
        var streamed = new StreamingObjective(new InMemoryBlockSource(data, 777), loss, new ElasticNetPenalty(0.8, 0, data.FeatureCount), 2, ClassWeighting.None);
        var rng = new Random(1);
        var theta = Enumerable.Range(0, memory.Dimension).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var g1 = new double[memory.Dimension];
        var g2 = new double[memory.Dimension];
        NumericAssert.Relative(memory.SmoothValueAndGradient(theta, g1), streamed.SmoothValueAndGradient(theta, g2), 1e-13, "value");
        NumericAssert.Relative(memory.SmoothValue(theta), streamed.SmoothValue(theta), 1e-13, "value only");
        for (int j = 0; j < g1.Length; j++)
        {
            Assert.Equal(g1[j], g2[j], 1e-9);
        }
        var hv1 = new double[memory.Dimension];
        var hv2 = new double[memory.Dimension];
        memory.HessianAt(theta).Multiply(g1, hv1);
        streamed.HessianAt(theta).Multiply(g1, hv2);
        var dense1 = memory.HessianAt(theta).ToDense();
        var dense2 = streamed.HessianAt(theta).ToDense();
        for (int j = 0; j < hv1.Length; j++)
        {
            Assert.Equal(hv1[j], hv2[j], 1e-8);
        }
        for (int k = 0; k < dense1.Length; k++)
        {
            Assert.Equal(dense1[k], dense2[k], 1e-8);
        }
        Assert.Equal(data.RowCount, streamed.RowCount);
        Assert.Equal(memory.ValueScale, streamed.ValueScale, 1e-12);
    }

    [Theory]
    [InlineData(false, OptimizerKind.Lbfgs)]
    [InlineData(false, OptimizerKind.Newton)]
    [InlineData(true, OptimizerKind.Lbfgs)]
    public void StreamedFitEqualsTheInMemoryFit(bool sparse, OptimizerKind optimizer)
    {
        var data = Problem(sparse);
        var options = TrainerOptions.Default with { L2Regularization = 1, Optimizer = optimizer, OptimizationTolerance = 1e-9, ClassWeighting = ClassWeighting.Balanced };
        var memory = LogisticRegressionTrainer.Train(data, options);
        var streamed = StreamingTraining.Train(new InMemoryBlockSource(data, 1000), options);
        Assert.True(streamed.Report.Optimization.Converged, streamed.Report.Optimization.Message);
        NumericAssert.Relative(memory.Report.Optimization.Objective, streamed.Report.Optimization.Objective, 1e-9, "objective");
        for (int j = 0; j < data.FeatureCount; j++)
        {
            Assert.Equal(memory.Model.Weights[j], streamed.Model.Weights[j], 1e-6);
        }
        Assert.Equal(memory.Model.Bias, streamed.Model.Bias, 1e-6);
    }

    [Fact]
    public void StreamedL1FitReachesTheInMemoryOptimumAndZeros()
    {
        var data = Problem(false);
        var options = TrainerOptions.Default with { L2Regularization = 0, L1Regularization = 300, OptimizationTolerance = 1e-8 };
        var memory = LogisticRegressionTrainer.Train(data, options);
        var streamed = StreamingTraining.Train(new InMemoryBlockSource(data, 1000), options);
        NumericAssert.Relative(memory.Report.Optimization.Objective, streamed.Report.Optimization.Objective, 1e-6, "objective");
        Assert.Equal(memory.Model.Weights.Select(w => w == 0), streamed.Model.Weights.Select(w => w == 0));
        Assert.Contains(streamed.Model.Weights, w => w == 0);
    }

    [Fact]
    public void StreamedFitDoesNotDependOnTheThreadCount()
    {
        var source = new InMemoryBlockSource(Problem(false, n: 9000), 4096);
        var one = StreamingTraining.Train(source, TrainerOptions.Default with { L2Regularization = 1, NumberOfThreads = 1 });
        var two = StreamingTraining.Train(source, TrainerOptions.Default with { L2Regularization = 1, NumberOfThreads = 2 });
        Assert.Equal(one.Model.Weights, two.Model.Weights);
        Assert.Equal(one.Model.Bias, two.Model.Bias);
        Assert.Equal(one.Report.Optimization.Iterations, two.Report.Optimization.Iterations);
    }

    [Fact]
    public void OptionsThatNeedTheRowsInMemoryAreRefusedWithTheReason()
    {
        var source = new InMemoryBlockSource(Problem(false, n: 200), 64);
        var firth = Assert.Throws<ArgumentException>(() => StreamingTraining.Train(source, TrainerOptions.Default with { L2Regularization = 0, FirthBiasReduction = true }));
        Assert.Contains("FirthBiasReduction", firth.Message);
        var sgd = Assert.Throws<ArgumentException>(() => StreamingTraining.Train(source, TrainerOptions.Default with { Optimizer = OptimizerKind.MiniBatchSgd }));
        Assert.Contains("MiniBatchSgd", sgd.Message);
        var single = new TrainingSet(DenseMatrix.FromRows(new[] { new[] { 1.0 }, new[] { 2.0 } }), new[] { 1.0, 1.0 });
        var one = Assert.Throws<ArgumentException>(() => StreamingTraining.Train(new InMemoryBlockSource(single, 1)));
        Assert.Contains("single class", one.Message);
    }
}
