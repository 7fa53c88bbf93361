using LogReg.Core.Statistics;
using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// Statistics under L1, as ML.NET's ShowTrainingStatistics gives them (its TestLRNoStats runs L1 = L2 = 1): deviance,
/// null deviance and standard errors of the non-zero coefficients, conditional on the selected set.
/// </summary>
public class L1StatisticsTests
{
    [Fact]
    public void UnderL1TheStatisticsAreThoseOfTheSameFitOnTheSelectedColumns()
    {
        var data = ReferenceData.BreastCancer.Dense();
        var options = StatisticsCalculator.MaximumLikelihoodOptions with { L1Regularization = 1, L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs };
        var stats = StatisticsCalculator.Fit(data, options);
        int zeros = stats.UnselectedCoefficients.Count;
        Assert.InRange(zeros, 1, data.FeatureCount - 1);
        Assert.Equal(data.FeatureCount + 1 - zeros, stats.ParameterCount);
        Assert.Contains("Conditional on the selection", stats.StandardErrorNote);
        // The L1 optimum restricted to its non-zero columns is the optimum of the same problem on those columns
        // (the same KKT conditions), so a refit there must give the same estimates and the same errors.
        var selected = Enumerable.Range(0, data.FeatureCount).Where(j => !stats.UnselectedCoefficients.Contains(data.FeatureNames![j])).ToArray();
        var refit = StatisticsCalculator.Fit(data.SelectFeatures(selected), options);
        Assert.Empty(refit.UnselectedCoefficients);
        var byName = refit.Coefficients.ToDictionary(c => c.Name);
        foreach (var c in stats.Coefficients)
        {
            if (stats.UnselectedCoefficients.Contains(c.Name))
            {
                Assert.Equal(0, c.Estimate);
                Assert.Null(c.StandardError);
                Assert.False(c.Aliased);
                continue;
            }
            NumericAssert.Close(byName[c.Name].Estimate, c.Estimate, 1e-5, c.Name);
            NumericAssert.Relative(byName[c.Name].StandardError!.Value, c.StandardError!.Value, 1e-4, "se " + c.Name);
        }
        NumericAssert.Relative(refit.Deviance, stats.Deviance, 1e-6, "deviance");
    }

    [Fact]
    public void MLNetsDefaultsWithStatisticsGiveItsRecordAndItSurvivesAPlainReload()
    {
        // ML.NET's TestLRNoStats: L1 = L2 = 1 (LbfgsLogisticRegression's defaults) with ShowTrainingStatistics.
        var ml = new MLContext(1);
        var data = TestData.BreastCancer(ml);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L1Regularization = 1, L2Regularization = 1, ShowTrainingStatistics = true }));
        var model = pipeline.Fit(data);
        var ours = model.LastTransformer.Model.LogRegDetails()!.Statistics!;
        int parameters = ours.ParameterCount;
        Assert.True(parameters < 31, "L1 = 1 should zero some of the 30 weights");

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = new MLContext(2).Model.Load(stream, out _);
        var linear = ((IPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>)((TransformerChain<ITransformer>)loaded).LastTransformer).Model.SubModel;
        var stats = Assert.IsType<LinearModelParameterStatistics>(linear.Statistics);
        Assert.Equal(parameters, stats.ParametersCount);
        NumericAssert.Relative(ours.Deviance, stats.Deviance, 1e-6, "deviance");
        NumericAssert.Relative(ours.NullDeviance, stats.NullDeviance, 1e-6, "null deviance");
        var weights = stats.GetWeightsCoefficientStatistics(100);
        Assert.Equal(parameters - 1, weights.Length);
        foreach (var w in weights)
        {
            var c = ours.Coefficients[w.Index + 1];
            Assert.NotEqual(0, c.Estimate);
            NumericAssert.Relative(c.StandardError!.Value, w.StandardError, 1e-6, c.Name);
        }

        // ML.NET's own trainer on the same pipeline, without MKL: deviance-level statistics, at its own optimum.
        var reference = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { ShowTrainingStatistics = true }))
            .Fit(data).LastTransformer.Model.SubModel.Statistics!;
        NumericAssert.Relative(reference.NullDeviance, stats.NullDeviance, 1e-5, "null deviance vs ML.NET");
        NumericAssert.Relative(reference.Deviance, stats.Deviance, 0.05, "deviance vs ML.NET");
    }
}
