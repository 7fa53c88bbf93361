using System.Text.Json;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The softmax trainer against scikit-learn's multinomial LogisticRegression, and the binary model at K = 2.</summary>
public class SoftmaxTrainerTests
{
    private static readonly TrainerOptions Tight = new() { OptimizationTolerance = 1e-8, NumberOfThreads = 1 }; // L-BFGS on raw iris stalls in rounding below ~1e-9

    // scikit-learn's lbfgs stops at a gradient of ~2e-3; the reference's "optimum" is its answer
    // polished by scipy's BFGS. Features are fitted as floats (as ML.NET stores them), which moves
    // the optimum by about 1e-7.
    private static void AssertMatches(JsonElement reference, SoftmaxModel model, double objective, double coefficientTolerance = 1e-5)
    {
        Assert.True(objective <= reference.GetProperty("objective").GetDouble(), "at least as low as scikit-learn's own answer");
        var expected = reference.GetProperty("optimum");
        NumericAssert.Relative(expected.GetProperty("objective").GetDouble(), objective, 1e-7, "objective");
        var coef = expected.GetProperty("coef").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        var intercept = expected.GetProperty("intercept").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        NumericAssert.Close(coef, model.Weights, coefficientTolerance, "W");
        NumericAssert.Close(intercept, model.Biases, coefficientTolerance, "b");
    }

    [Theory]
    [InlineData("l2", 1.0, OptimizerKind.Lbfgs)]
    [InlineData("l2", 1.0, OptimizerKind.Newton)]
    [InlineData("l2_c0.1", 10.0, OptimizerKind.Auto)]
    public void L2FitsMatchScikitLearn(string name, double l2, OptimizerKind optimizer)
    {
        var fit = SoftmaxRegressionTrainer.Train(SoftmaxData.IrisSet(), Tight with { L2Regularization = l2, Optimizer = optimizer });
        Assert.True(fit.Report.Optimization.Converged, fit.Report.Optimization.Message);
        // Auto on iris (3 × 5 = 15 parameters): full Newton on the dense Hessian.
        Assert.Equal(optimizer == OptimizerKind.Auto ? OptimizerKind.Newton : optimizer, fit.Report.Optimizer);
        AssertMatches(SoftmaxData.Reference.GetProperty(name), fit.Model, fit.Report.Optimization.Objective);
        Assert.Equal(SoftmaxData.Species, fit.Model.ClassNames);
    }

    [Fact]
    public void AutoTakesNewtonOnSparseDataUnlessItsValuesSpanManyScales()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 40).Select(_ => random.NextDouble() < 0.1 ? random.NextDouble() + 0.1 : 0).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 300).Select(i => i % 4).ToArray();
        OptimizerKind AutoOn(double[][] values) =>
            SoftmaxRegressionTrainer.Train(new MulticlassTrainingSet(SparseMatrix.FromDenseRows(values, 40), labels, 4), new TrainerOptions()).Report.Optimizer;
        Assert.Equal(OptimizerKind.Newton, AutoOn(rows));
        // The same rows with column j scaled by 10^(j mod 11 − 5): unpreconditioned CG crawls; L-BFGS's diagonal evens them out.
        var scaled = rows.Select(r => r.Select((v, j) => v * Math.Pow(10, j % 11 - 5)).ToArray()).ToArray();
        Assert.Equal(OptimizerKind.Lbfgs, AutoOn(scaled));
    }

    [Theory]
    [InlineData(OptimizerKind.Lbfgs)]
    [InlineData(OptimizerKind.Newton)]
    public void TenClassDigitsMatchScikitLearn(OptimizerKind optimizer)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "digits.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        var cells = lines.Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        var set = new MulticlassTrainingSet(DenseMatrix.FromRows(cells.Select(c => c[..^1]).ToList()), cells.Select(c => (int)c[^1]).ToArray(), 10);
        // Nearly separable raw pixels: L-BFGS needs about 1,000 iterations here (scikit-learn's 2,418), above the default cap.
        // Its gradient floor in double precision is ~1e-6 (measured: at 1,055 iterations F is 1.3e-13 above the optimum,
        // ‖g‖∞ = 8.9e-7, and no step changes F by more than its summation rounding), so the gradient test is set at
        // 1e-7·|F| ≈ 1.7e-6; the objective assertion below is what checks the optimum.
        var fit = SoftmaxRegressionTrainer.Train(set, Tight with
        {
            Optimizer = optimizer, NumberOfThreads = 2, MaximumNumberOfIterations = 5000,
            OptimizationTolerance = optimizer == OptimizerKind.Lbfgs ? 1e-7 : Tight.OptimizationTolerance,
        });
        Assert.True(fit.Report.Optimization.Converged, fit.Report.Optimization.Message);
        // Pixel counts are integers, exact in float: the optimum is scikit-learn's (polished), objective to 1e-9.
        var reference = SoftmaxData.Reference.GetProperty("digits");
        Assert.True(fit.Report.Optimization.Objective <= reference.GetProperty("objective").GetDouble());
        NumericAssert.Relative(reference.GetProperty("optimum").GetProperty("objective").GetDouble(), fit.Report.Optimization.Objective, 1e-9, "objective");
    }

    [Fact]
    public void BalancedClassWeightsMatchScikitLearn()
    {
        var reference = SoftmaxData.Reference.GetProperty("balanced");
        var rows = reference.GetProperty("rows").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var iris = SoftmaxData.Iris();
        var subset = SoftmaxData.Set((rows.Select(i => iris.Rows[i]).ToArray(), rows.Select(i => iris.Labels[i]).ToArray()));
        var fit = SoftmaxRegressionTrainer.Train(subset, Tight with { ClassWeighting = ClassWeighting.Balanced });
        AssertMatches(reference, fit.Model, fit.Report.Optimization.Objective);
    }

    [Fact]
    public void L1FitMatchesScikitLearnIncludingItsZeros()
    {
        var reference = SoftmaxData.Reference.GetProperty("l1");
        var mean = reference.GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var sd = reference.GetProperty("sd").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var iris = SoftmaxData.Iris();
        var standardised = iris.Rows.Select(r => r.Select((v, j) => (v - mean[j]) / sd[j]).ToArray()).ToArray();
        var fit = SoftmaxRegressionTrainer.Train(SoftmaxData.Set((standardised, iris.Labels)),
            // 1e-8: without L2 the gradient test at 1e-9·F (3e-8) sits at the value's rounding floor, where OWL-QN's last line
            // searches pass or fail by the last bits of the exponentials (they passed with the scalar exp, fail with the vector one).
            TrainerOptions.Default with { L2Regularization = 0, L1Regularization = 1, OptimizationTolerance = 1e-8, NumberOfThreads = 1 });
        Assert.True(fit.Report.Optimization.Converged, fit.Report.Optimization.Message);
        NumericAssert.Relative(reference.GetProperty("objective").GetDouble(), fit.Report.Optimization.Objective, 1e-6, "objective");
        var coef = reference.GetProperty("coef").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        for (int j = 0; j < coef.Length; j++)
        {
            Assert.True(coef[j] == 0 == (fit.Model.Weights[j] == 0), $"weight {j}: scikit-learn {coef[j]}, ours {fit.Model.Weights[j]}");
        }
    }

    [Fact]
    public void TwoClassSoftmaxIsBinaryLogisticRegressionWithHalfTheL2()
    {
        var reference = ReferenceData.Spector;
        var labels = reference.Labels.Select(y => (int)y).ToArray();
        var exact = Tight with { OptimizationTolerance = 1e-12, Optimizer = OptimizerKind.Newton };
        var softmax = SoftmaxRegressionTrainer.Train(
            new MulticlassTrainingSet(DenseMatrix.FromRows(reference.Rows), labels, 2), exact with { L2Regularization = 2 });
        var binary = LogisticRegressionTrainer.Train(reference.Dense(), exact with { L2Regularization = 1 });
        var difference = softmax.Model.WeightsOf(1).ToArray().Zip(softmax.Model.WeightsOf(0).ToArray(), (a, b) => a - b).ToArray();
        NumericAssert.Close(binary.Model.Weights, difference, 1e-9, "w");
        NumericAssert.Close(binary.Model.Bias, softmax.Model.Biases[1] - softmax.Model.Biases[0], 1e-9, "b");
        NumericAssert.Relative(binary.Report.Optimization.Objective, softmax.Report.Optimization.Objective, 1e-10, "objective");
    }

    [Fact]
    public void TheTrainedModelIsBitIdenticalAtAnyThreadCount()
    {
        var data = SoftmaxData.Random(6000, 5, 3, seed: 3);
        var set = new MulticlassTrainingSet(DenseMatrix.FromRows(data.Rows), data.Labels, 3);
        var one = SoftmaxRegressionTrainer.Train(set, Tight with { NumberOfThreads = 1 });
        var two = SoftmaxRegressionTrainer.Train(set, Tight with { NumberOfThreads = 2 });
        Assert.Equal(one.Model.ToParameters(), two.Model.ToParameters());
    }

    [Fact]
    public void ExampleWeightsAreRepeatedRows()
    {
        var data = SoftmaxData.Random(80, 4, 3, seed: 11);
        var weights = Enumerable.Range(0, 80).Select(i => (double)(i % 3)).ToArray();
        var repeated = data.Rows.SelectMany((r, i) => Enumerable.Repeat(r, (int)weights[i])).ToArray();
        var repeatedLabels = data.Labels.SelectMany((y, i) => Enumerable.Repeat(y, (int)weights[i])).ToArray();
        var a = SoftmaxRegressionTrainer.Train(new MulticlassTrainingSet(DenseMatrix.FromRows(data.Rows), data.Labels, 3, weights), Tight);
        var b = SoftmaxRegressionTrainer.Train(new MulticlassTrainingSet(DenseMatrix.FromRows(repeated), repeatedLabels, 3), Tight);
        NumericAssert.Close(b.Model.ToParameters(), a.Model.ToParameters(), 1e-7, "θ");
    }

    [Fact]
    public void WarmStartAtTheOptimumStopsAtOnce()
    {
        var set = SoftmaxData.IrisSet();
        var cold = SoftmaxRegressionTrainer.Train(set, Tight);
        var warm = SoftmaxRegressionTrainer.Train(set, Tight with { InitialParameters = cold.Model.ToParameters() });
        Assert.True(warm.Report.Optimization.Converged);
        Assert.InRange(warm.Report.Optimization.Iterations, 0, 2);
    }

    [Fact]
    public void OptionsTheSoftmaxDoesNotTakeAreRefusedWithTheReason()
    {
        var set = SoftmaxData.IrisSet();
        Assert.Contains("cross-entropy only", Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(set, TrainerOptions.Default with { Loss = LossKind.MeanSquaredError })).Message);
        Assert.Contains("MiniBatchSgd", Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(set, TrainerOptions.Default with { Optimizer = OptimizerKind.MiniBatchSgd })).Message);
        Assert.Contains("name two classes", Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(set, TrainerOptions.Default with { ClassWeighting = ClassWeighting.Explicit(1, 2) })).Message);
        // Firth's correction was silently ignored by the softmax fit before the capability table.
        Assert.Contains("FirthBiasReduction = true: Firth's correction is offered for the binary model only",
            Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(set, TrainerOptions.Default with { L2Regularization = 0, FirthBiasReduction = true })).Message);
        var oneClass = new MulticlassTrainingSet(DenseMatrix.FromRows(new[] { new[] { 1.0 }, new[] { 2.0 } }), new[] { 1, 1 }, 3);
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => SoftmaxRegressionTrainer.Train(oneClass)).Message);
        Assert.Contains("class index from 0 to 2", Assert.Throws<ArgumentException>(() => new MulticlassTrainingSet(DenseMatrix.FromRows(new[] { new[] { 1.0 } }), new[] { 3 }, 3)).Message);
    }
}
