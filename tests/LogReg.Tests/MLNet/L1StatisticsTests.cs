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
    public void DuplicatedColumnsSelectedWithoutL2HaveNoStandardErrorsAndAWeightThatZeroesAllHasNoTest()
    {
        // An outsider's repro: under L1 alone both copies of a column are selected and share its weight in any split,
        // so the fit is not unique; the Hessian is singular up to rounding (it gave standard errors of 65536).
        var reference = ReferenceData.Spector;
        var rows = reference.Rows.Select(r => new[] { r[0], r[0], r[1], r[2] }).ToList();
        var data = new LogReg.Core.Data.TrainingSet(LogReg.Core.Data.DenseMatrix.FromRows(rows), reference.Labels, null, new[] { "gpa", "gpa_copy", "tuce", "psi" });
        var options = StatisticsCalculator.MaximumLikelihoodOptions with { L1Regularization = 0.01, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-8 };
        var stats = StatisticsCalculator.Fit(data, options);
        Assert.All(stats.Coefficients, c => Assert.Null(c.StandardError));
        Assert.StartsWith("none: the selected columns are linearly dependent", stats.StandardErrorNote);
        var warning = Assert.Single(stats.Warnings, w => w.Contains("rank deficient"));
        Assert.Contains("Without L2", warning);
        Assert.DoesNotContain("makes the fit unique", warning);
        // With L2 the fit is unique again, and the note says which Hessian.
        var ridged = StatisticsCalculator.Fit(data, options with { L2Regularization = 1 });
        Assert.All(ridged.Coefficients, c => Assert.True(c.StandardError > 0));
        Assert.Contains("The L2 penalty makes the fit unique", Assert.Single(ridged.Warnings, w => w.Contains("rank deficient")));
        // An L1 weight that zeroes every coefficient leaves only the intercept: 0 degrees of freedom, nothing to test.
        var empty = StatisticsCalculator.Fit(reference.Dense(), options with { L1Regularization = 1000 });
        Assert.Equal(0, empty.ModelDegreesOfFreedom);
        Assert.True(double.IsNaN(empty.LikelihoodRatioPValue));
        Assert.Contains("LLR p-value:", empty.Summary());
    }

    [Fact]
    public void AnL1FitsStandardErrorsSayWhichEstimateTheyAreAt()
    {
        var options = StatisticsCalculator.MaximumLikelihoodOptions with { L1Regularization = 0.5, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-8 };
        var stats = StatisticsCalculator.Fit(ReferenceData.Spector.Dense(), options);
        Assert.True(stats.Converged);
        Assert.Contains("at the L1-penalised estimate on its selected coefficients", stats.StandardErrorNote);
        Assert.DoesNotContain("maximum-likelihood", stats.StandardErrorNote);
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
