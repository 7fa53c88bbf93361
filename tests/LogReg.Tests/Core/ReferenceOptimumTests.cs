using LogReg.Core.Losses;
using LogReg.Core.Training;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core;

/// <summary>
/// BCE with L2 = 1 (scikit-learn C = 1) on the raw features reaches the reference optimum of
/// shared/reference (lowest objective of scikit-learn newton-cholesky and an independent Newton).
/// </summary>
public class ReferenceOptimumTests
{
    private readonly ITestOutputHelper _output;

    public ReferenceOptimumTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, OptimizerKind, bool> ExactCases()
    {
        var data = new TheoryData<string, OptimizerKind, bool>();
        foreach (var set in new[] { "spector", "breast_cancer_wdbc" })
        {
            foreach (var opt in new[] { OptimizerKind.Newton, OptimizerKind.Lbfgs, OptimizerKind.Auto })
            {
                data.Add(set, opt, false);
            }
            data.Add(set, OptimizerKind.Newton, true);
            data.Add(set, OptimizerKind.Lbfgs, true);
        }
        return data;
    }

    [Theory]
    [InlineData("spector", "C=0.01", 100.0)]
    [InlineData("spector", "C=0.1", 10.0)]
    [InlineData("spector", "C=10", 0.1)]
    [InlineData("breast_cancer_wdbc", "C=0.01", 100.0)]
    [InlineData("breast_cancer_wdbc", "C=0.1", 10.0)]
    [InlineData("breast_cancer_wdbc", "C=10", 0.1)]
    public void OtherRegularisationStrengthsMatchTheReference(string set, string c, double l2)
    {
        // Reference objective F_C = C·Σ logloss + ½‖w‖²; ours F = Σ logloss + (L2/2)‖w‖² with L2 = 1/C, so F_C = C·F.
        var reference = set == "spector" ? ReferenceData.Spector : ReferenceData.BreastCancer;
        var (objective, intercept, coef) = reference.L2Reference(c);
        foreach (var optimizer in new[] { OptimizerKind.Newton, OptimizerKind.Lbfgs })
        {
            var (model, modelFit) = LogisticRegressionTrainer.Train(reference.Dense(), new TrainerOptions { Optimizer = optimizer, L2Regularization = l2 });
            Assert.True(modelFit.Optimization.Converged, modelFit.Optimization.Message);
            Assert.InRange(Math.Abs(modelFit.Optimization.Objective / l2 - objective) / objective, 0, 1e-6);
        }
    }

    [Theory]
    [InlineData("spector")]
    [InlineData("breast_cancer_wdbc")]
    public void OwlQnReachesTheL1Reference(string set)
    {
        var reference = set == "spector" ? ReferenceData.Spector : ReferenceData.BreastCancer;
        var r = reference.Json.GetProperty("l1").GetProperty("unpenalized_intercept").GetProperty("reference");
        double objective = r.GetProperty("objective").GetDouble();
        var zeros = r.GetProperty("zero_features").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var (model, modelFit) = LogisticRegressionTrainer.Train(reference.Dense(), new TrainerOptions { Optimizer = OptimizerKind.Lbfgs, L2Regularization = 0, L1Regularization = 1 });
        _output.WriteLine($"{set} L1: F={modelFit.Optimization.Objective:R} ref={objective:R} it={modelFit.Optimization.Iterations} {modelFit.Optimization.Termination}");
        Assert.True(modelFit.Optimization.Converged, modelFit.Optimization.Message);
        Assert.InRange(Math.Abs(modelFit.Optimization.Objective - objective) / objective, 0, 1e-6);
        for (int j = 0; j < reference.FeatureCount; j++)
        {
            if (zeros.Contains(reference.FeatureNames[j]))
            {
                Assert.Equal(0.0, model.Weights[j]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExactCases))]
    public void ExactOptimizersReachTheReferenceObjective(string set, OptimizerKind optimizer, bool sparse)
    {
        var reference = set == "spector" ? ReferenceData.Spector : ReferenceData.BreastCancer;
        var (objective, intercept, coef) = reference.L2Reference("C=1");
        var (model, modelFit) = LogisticRegressionTrainer.Train(
            sparse ? reference.Sparse() : reference.Dense(),
            new TrainerOptions { Loss = LossKind.BinaryCrossEntropy, Optimizer = optimizer, L2Regularization = 1, NumberOfThreads = 2 });
        _output.WriteLine($"{set} {optimizer} sparse={sparse}: F={modelFit.Optimization.Objective:R} ref={objective:R} it={modelFit.Optimization.Iterations} conv={modelFit.Optimization.Converged} {modelFit.Optimization.Termination} |g|={modelFit.Optimization.GradientNorm:G3}");
        Assert.True(modelFit.Optimization.Converged, modelFit.Optimization.Message);
        Assert.InRange(Math.Abs(modelFit.Optimization.Objective - objective) / objective, 0, 1e-6);
    }
}
