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
    [MemberData(nameof(ExactCases))]
    public void ExactOptimizersReachTheReferenceObjective(string set, OptimizerKind optimizer, bool sparse)
    {
        var reference = set == "spector" ? ReferenceData.Spector : ReferenceData.BreastCancer;
        var (objective, intercept, coef) = reference.L2Reference("C=1");
        var model = LogisticRegressionTrainer.Train(
            sparse ? reference.Sparse() : reference.Dense(),
            new TrainerOptions { Loss = LossKind.BinaryCrossEntropy, Optimizer = optimizer, L2Regularization = 1, NumberOfThreads = 2 });
        _output.WriteLine($"{set} {optimizer} sparse={sparse}: F={model.Objective:R} ref={objective:R} it={model.Iterations} conv={model.Converged} {model.Fit.Termination} |g|={model.GradientNorm:G3}");
        Assert.True(model.Converged, model.Fit.Message);
        Assert.InRange(Math.Abs(model.Objective - objective) / objective, 0, 1e-6);
    }
}
