using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>Class weights against scikit-learn's class_weight="balanced", and warm starts.</summary>
public class ClassWeightAndWarmStartTests
{
    [Theory]
    [InlineData("spector")]
    [InlineData("breast_cancer_wdbc")]
    public void BalancedClassWeightsReachScikitLearnsOptimum(string name)
    {
        var reference = ReferenceData.Get(name);
        var sk = ReferenceData.File("class_weights").GetProperty(name);
        var (model, report) = LogisticRegressionTrainer.Train(reference.Dense(), new TrainerOptions { ClassWeighting = ClassWeighting.Balanced, L2Regularization = 1, OptimizationTolerance = 1e-10 });
        Assert.True(report.Optimization.Converged, report.Optimization.Message);
        var (negative, positive) = ClassWeighting.Balanced.For(reference.Dense());
        Assert.Equal(sk.GetProperty("class_weights").GetProperty("negative").GetDouble(), negative, 15);
        Assert.Equal(sk.GetProperty("class_weights").GetProperty("positive").GetDouble(), positive, 15);
        double objective = sk.GetProperty("objective").GetDouble();
        // Our F may be lower than the reference's by the float storage of the features (≈1e-8); never higher by more than 1e-6.
        NumericAssert.Relative(objective, report.Optimization.Objective, 1e-6, "objective");
        NumericAssert.Close(sk.GetProperty("intercept").GetDouble(), model.Bias, 1e-4, "intercept");
    }

    [Fact]
    public void ClassWeightsEqualTheSameWeightsGivenAsAnExampleWeightColumn()
    {
        var data = ReferenceData.Spector.Dense();
        var options = new TrainerOptions { L2Regularization = 1, OptimizationTolerance = 1e-10 };
        var weighted = LogisticRegressionTrainer.Train(data, options with { ClassWeighting = ClassWeighting.Explicit(0.5, 3) });
        var column = new TrainingSet(data.Features, data.Labels, data.Labels.Select(y => y == 1 ? 3.0 : 0.5).ToArray());
        var byColumn = LogisticRegressionTrainer.Train(column, options);
        NumericAssert.Close(byColumn.Model.ToParameters(), weighted.Model.ToParameters(), 1e-12, "θ");
    }

    [Fact]
    public void PriorCorrectionShiftsOnlyTheIntercept()
    {
        var model = new LogisticModel(new[] { 1.0, -2.0 }, 0.3, LogReg.Core.Losses.LossKind.BinaryCrossEntropy);
        var corrected = model.WithPriorCorrection(populationPositiveRate: 0.05, samplePositiveRate: 0.5);
        Assert.Equal(model.Weights, corrected.Weights);
        Assert.Equal(0.3 - Math.Log(0.95 / 0.05), corrected.Bias, 12);
    }

    [Fact]
    public void StartingAtTheOptimumConvergesAtOnceAndARefitOnMoreRowsTakesFewerPasses()
    {
        var ml = new MLContext(1);
        var all = TestData.Rows(ReferenceData.BreastCancer).ToList();
        var first = TestData.ToDataView(ml, all.Take(500).ToList(), 30);
        var grown = TestData.ToDataView(ml, all, 30);
        var trainer = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Optimizer = OptimizerKind.Lbfgs });
        var fitted = trainer.FitWithReport(first).Model;
        var again = trainer.FitWithReport(first, fitted.Model).Model.Report.Optimization;
        Assert.True(again.Converged);
        Assert.InRange(again.Iterations, 0, 2);
        var cold = trainer.FitWithReport(grown).Model.Report.Optimization;
        var warm = trainer.FitWithReport(grown, fitted.Model).Model.Report.Optimization;
        Assert.True(warm.Converged && cold.Converged);
        Assert.True(warm.Evaluations.Total < cold.Evaluations.Total, $"warm {warm.Evaluations.Total} passes, cold {cold.Evaluations.Total}");
        NumericAssert.Relative(cold.Objective, warm.Objective, 1e-6, "same optimum");
    }

    [Fact]
    public void WarmStartFromMLNetsOwnLinearModelAndFromARandomStartReachTheSameOptimum()
    {
        var ml = new MLContext(1);
        var data = TestData.Spector(ml);
        var builtIn = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 1, L1Regularization = 0 }).Fit(data);
        var trainer = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-9f });
        var cold = trainer.FitWithReport(data).Model;
        var fromMLNet = trainer.Fit(data, builtIn.Model.SubModel).Model.LogRegDetails()!;
        var random = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-9f, InitialWeightsDiameter = 2, Seed = 5 }).FitWithReport(data).Model;
        NumericAssert.Relative(cold.Report.Optimization.Objective, fromMLNet.Report.Optimization.Objective, 1e-8, "from ML.NET");
        NumericAssert.Relative(cold.Report.Optimization.Objective, random.Report.Optimization.Objective, 1e-8, "random start");
        var e = Assert.Throws<ArgumentException>(() => trainer.FitWithReport(TestData.BreastCancer(ml), cold.Model));
        Assert.Contains("InitialParameters has 4 values", e.Message);
    }
}
