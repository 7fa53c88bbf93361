using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The softmax model streamed (rows read block by block on every pass) against the same rows in memory: the same objective,
/// gradient, curvature and diagonal to rounding, the same optimum to 1e-9, results that do not depend on the thread count,
/// and the same refusals.
/// </summary>
public class SoftmaxStreamingTests
{
    private static MulticlassTrainingSet Data(bool sparse, int n = 3000, int d = 9, int classes = 4, int seed = 11)
    {
        var (rows, labels) = SoftmaxData.Random(n, d, classes, seed);
        var random = new Random(seed + 1);
        var weights = Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray();
        DesignMatrix x = sparse ? SparseMatrix.FromDenseRows(rows, d) : DenseMatrix.FromRows(rows);
        return new MulticlassTrainingSet(x, labels, classes, weights, null, ["a", "b", "c", "d"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ObjectiveGradientCurvatureAndDiagonalEqualTheInMemoryOnes(bool sparse)
    {
        var data = Data(sparse);
        var memory = new SoftmaxObjective(data, 0.7, 0, 2);
        var streamed = new StreamingSoftmaxObjective(new InMemoryMulticlassBlockSource(data, 701), new ElasticNetPenalty(0.7, 0, 4 * 9), 2, ClassWeighting.None);
        Assert.Equal(memory.Dimension, streamed.Dimension);
        var random = new Random(5);
        var theta = Enumerable.Range(0, memory.Dimension).Select(_ => random.NextDouble() - 0.5).ToArray();
        var g1 = new double[memory.Dimension];
        var g2 = new double[memory.Dimension];
        NumericAssert.Relative(memory.SmoothValueAndGradient(theta, g1), streamed.SmoothValueAndGradient(theta, g2), 1e-13, "value");
        NumericAssert.Close(g1, g2, 1e-11, "gradient");
        var hv1 = new double[memory.Dimension];
        var hv2 = new double[memory.Dimension];
        memory.HessianAt(theta).Multiply(g1, hv1);
        streamed.HessianAt(theta).Multiply(g1, hv2);
        NumericAssert.Close(hv1, hv2, 1e-11, "curvature product");
        NumericAssert.Close(memory.CurvatureDiagonalAt(theta), streamed.CurvatureDiagonalAt(theta), 1e-11, "curvature diagonal");
        NumericAssert.Relative(memory.ValueScale, streamed.ValueScale, 1e-14, "mean weight");
    }

    // Newton-CG reaches the optimum to 1e-11, so its fits are compared to 1e-9. L-BFGS and OWL-QN stop at the default
    // gradient test (‖∇F‖∞ ≤ 1e-7·|F|, |F| ≈ 1,300 here) and the two runs' different roundings stop them at different such
    // points (OWL-QN: F equal to 2e-10, 357 and 363 iterations); L2 = 0.5 bounds their distance by ‖δθ‖² ≤ 2·δF/0.5, so they
    // are compared to 1e-3 in θ and 1e-9 in F.
    public static TheoryData<bool, OptimizerKind, double, bool, double> Fits() => new()
    {
        { false, OptimizerKind.Newton, 0, false, 1e-9 },
        { true, OptimizerKind.Auto, 0, false, 1e-9 },     // Auto: Newton-CG on sparse rows
        { false, OptimizerKind.Newton, 0, true, 1e-9 },   // balanced class weights
        { false, OptimizerKind.Auto, 0, false, 1e-3 },    // Auto: L-BFGS with the diagonal preconditioner on dense rows
        { true, OptimizerKind.Lbfgs, 0.05, false, 1e-3 }, // OWL-QN under L1
    };

    [Theory]
    [MemberData(nameof(Fits))]
    public void TheStreamedFitIsTheInMemoryFit(bool sparse, OptimizerKind optimizer, double l1, bool balanced, double tolerance)
    {
        var data = Data(sparse);
        var options = new TrainerOptions
        {
            Optimizer = optimizer, L2Regularization = 0.5, L1Regularization = l1, NumberOfThreads = 2,
            OptimizationTolerance = tolerance < 1e-6 ? 1e-11 : 1e-7,
            ClassWeighting = balanced ? ClassWeighting.Balanced : ClassWeighting.None,
        };
        var memory = SoftmaxRegressionTrainer.Train(data, options);
        var streamed = SoftmaxRegressionTrainer.Train(new InMemoryMulticlassBlockSource(data, 512), options);
        Assert.True(memory.Report.Optimization.Converged, memory.Report.Optimization.Message);
        Assert.True(streamed.Report.Optimization.Converged, streamed.Report.Optimization.Message);
        Assert.Equal(memory.Report.Optimizer, streamed.Report.Optimizer);
        NumericAssert.Close(memory.Model.ToParameters(), streamed.Model.ToParameters(), tolerance, "θ");
        NumericAssert.Relative(memory.Report.Optimization.Objective, streamed.Report.Optimization.Objective, 1e-9, "F");
        Assert.Equal(data.ClassNames, streamed.Model.ClassNames);
    }

    [Fact]
    public void TheStreamedFitIsTheSameAtOneAndTwoThreads()
    {
        var data = Data(sparse: true);
        var source = new InMemoryMulticlassBlockSource(data, 400);
        var one = SoftmaxRegressionTrainer.Train(source, new TrainerOptions { NumberOfThreads = 1 });
        var two = SoftmaxRegressionTrainer.Train(source, new TrainerOptions { NumberOfThreads = 2 });
        Assert.Equal(one.Model.ToParameters(), two.Model.ToParameters());
    }

    [Fact]
    public void TheStreamedFitRefusesWhatTheTableRefusesAndDataWithOneClass()
    {
        var data = Data(sparse: false);
        var source = new InMemoryMulticlassBlockSource(data, 500);
        var sgd = Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(source, new TrainerOptions { Optimizer = OptimizerKind.MiniBatchSgd }));
        Assert.StartsWith("A streamed fit (data read pass by pass) cannot honour Optimizer = MiniBatchSgd", sgd.Message);
        Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(source, new TrainerOptions { ClassWeighting = ClassWeighting.Explicit(1, 2) }));
        var oneClass = new MulticlassTrainingSet(data.Features, new int[data.RowCount], 4);
        var refusal = Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(new InMemoryMulticlassBlockSource(oneClass, 500)));
        Assert.Contains("1 class(es) with a positive weight", refusal.Message);
        var start = Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(source, new TrainerOptions { InitialParameters = new double[5] }));
        Assert.Contains("4 classes × (9 features + 1 bias) need 40", start.Message);
    }
}
