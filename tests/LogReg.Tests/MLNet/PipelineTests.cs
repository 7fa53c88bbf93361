using LogReg.Core.Losses;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.MLNet;

public class PipelineTests
{
    private readonly ITestOutputHelper _output;

    public PipelineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void HeldOutAccuracyAndAucMatchLbfgsLogisticRegression()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.BreastCancer(ml), testFraction: 0.3, seed: 7);
        var norm = ml.Transforms.NormalizeMeanVariance("Features");
        var ours = norm.Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 1f }));
        var builtIn = norm.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1 }));
        var a = ml.BinaryClassification.Evaluate(ours.Fit(split.TrainSet).Transform(split.TestSet));
        var b = ml.BinaryClassification.Evaluate(builtIn.Fit(split.TrainSet).Transform(split.TestSet));
        _output.WriteLine($"ours acc={a.Accuracy:F4} auc={a.AreaUnderRocCurve:F4} ll={a.LogLoss:F4}; lbfgs acc={b.Accuracy:F4} auc={b.AreaUnderRocCurve:F4} ll={b.LogLoss:F4}");
        Assert.InRange(Math.Abs(a.Accuracy - b.Accuracy), 0, 0.01);
        Assert.InRange(Math.Abs(a.AreaUnderRocCurve - b.AreaUnderRocCurve), 0, 0.005);
        Assert.True(a.AreaUnderRocCurve > 0.98, $"AUC {a.AreaUnderRocCurve}");
    }
}
