using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using LogReg.Tests.MLNet;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>EnforceNonNegativity against scipy's L-BFGS-B with bounds.</summary>
public class NonNegativityTests
{
    private static TrainingSet Standardised(ReferenceData data)
    {
        int d = data.FeatureCount;
        var mean = Enumerable.Range(0, d).Select(j => data.Rows.Average(r => r[j])).ToArray();
        var sd = Enumerable.Range(0, d).Select(j => Math.Sqrt(data.Rows.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])))).ToArray();
        return new TrainingSet(DenseMatrix.FromRows(data.Rows.Select(r => r.Select((v, j) => (v - mean[j]) / sd[j]).ToArray()).ToList()), data.Labels);
    }

    [Theory]
    [InlineData("spector")]
    [InlineData("breast_cancer_wdbc")]
    public void TheBoundedOptimumMatchesLbfgsB(string name)
    {
        var r = ReferenceData.File("nonnegative").GetProperty(name);
        var reference = ReferenceData.Get(name);
        var data = r.GetProperty("standardised").GetBoolean() ? Standardised(reference) : reference.Dense();
        var (model, report) = LogisticRegressionTrainer.Train(data, new TrainerOptions { EnforceNonNegativity = true, L2Regularization = 1 });
        Assert.Equal(OptimizerKind.Lbfgs, report.Optimizer);
        Assert.True(report.Optimization.Converged, report.Optimization.Message);
        Assert.All(model.Weights, w => Assert.True(w >= 0, $"weight {w}"));
        NumericAssert.Relative(r.GetProperty("objective").GetDouble(), report.Optimization.Objective, 1e-6, "objective");
        var expected = r.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(Math.Abs(expected[j] - model.Weights[j]) <= 1e-3 * Math.Max(1, Math.Abs(expected[j])), $"w{j}: {model.Weights[j]} vs {expected[j]}");
        }
        Assert.Equal(r.GetProperty("zero_weights").GetInt32(), model.Weights.Count(w => w == 0));
    }

    [Fact]
    public void TheMLNetOptionHoldsWeightsAtZeroOrAboveAndNewtonRefusesIt()
    {
        var ml = new MLContext(1);
        var data = TestData.BreastCancer(ml);
        var weights = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { EnforceNonNegativity = true, InitialWeightsDiameter = 4, Seed = 2 }).FitWithReport(data).Model.Weights;
        Assert.All(weights, w => Assert.True(w >= 0));
        Assert.Contains(weights, w => w == 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { EnforceNonNegativity = true, Optimizer = OptimizerKind.Newton }));
        Assert.Contains("EnforceNonNegativity", e.Message);
    }

    [Fact]
    public void GradientDescentProjectsOntoTheBoundToo()
    {
        var data = Standardised(ReferenceData.BreastCancer);
        var exact = ReferenceData.File("nonnegative").GetProperty("breast_cancer_wdbc").GetProperty("objective").GetDouble();
        var (model, report) = LogisticRegressionTrainer.Train(data, new TrainerOptions { EnforceNonNegativity = true, Optimizer = OptimizerKind.GradientDescent });
        Assert.All(model.Weights, w => Assert.True(w >= 0));
        Assert.InRange((report.Optimization.Objective - exact) / exact, -1e-9, 1e-5);
    }
}
