using LogReg.Core.Statistics;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Firth's bias-reduced logistic regression against R's brglm2 (firth.json).</summary>
public class FirthTests
{
    [Theory]
    [InlineData("endometrial")]
    [InlineData("spector")]
    public void EstimatesErrorsAndPenalisedLikelihoodMatchBrglm2(string name)
    {
        var reference = ReferenceData.File("firth").GetProperty(name);
        var data = ReferenceData.Get(name).Dense();
        var fit = FirthLogisticRegression.Fit(data);
        Assert.True(fit.Converged);
        var coefficients = reference.GetProperty("coefficients").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var se = reference.GetProperty("se").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Features are stored as floats (endometrial's EH has two decimals), R fits the CSV's doubles.
        NumericAssert.Close(coefficients, fit.Coefficients, 1e-6, "β");
        var stats = FirthStatistics.Fit(data);
        NumericAssert.Close(se, stats.Coefficients.Select(c => c.StandardError!.Value).ToArray(), 1e-6, "se");
        NumericAssert.Relative(reference.GetProperty("log_likelihood").GetDouble(), stats.LogLikelihood, 1e-7, "ℓ");
        NumericAssert.Relative(reference.GetProperty("penalized_log_likelihood").GetDouble(), fit.PenalizedLogLikelihood, 1e-7, "ℓ*");
    }

    [Fact]
    public void BreastCancerSeparatedMatchesTheSharedBrglm2Reference()
    {
        // ../shared/reference/breast_cancer_wdbc.inference.json: brglm2 0.9, type "AS_mean", its default tolerance
        // (a tighter brglm2 run diverges on these raw features): estimates agree to 1e-4 of their standard error.
        var firth = ReferenceData.File("breast_cancer_wdbc.inference").GetProperty("firth");
        var stats = FirthStatistics.Fit(ReferenceData.BreastCancer.Dense());
        Assert.True(stats.Converged);
        Assert.False(stats.MaximumLikelihoodEstimateExists);
        foreach (var c in stats.Coefficients)
        {
            double expected = firth.GetProperty("coefficients").GetProperty(c.Name).GetDouble();
            Assert.True(Math.Abs(expected - c.Estimate) <= 1e-4 * c.StandardError!.Value, $"{c.Name}: brglm2 {expected:R}, ours {c.Estimate:R}, se {c.StandardError:R}");
            NumericAssert.Relative(firth.GetProperty("se").GetProperty(c.Name).GetDouble(), c.StandardError.Value, 1e-4, c.Name + " se");
        }
        NumericAssert.Relative(firth.GetProperty("loglik").GetDouble(), stats.LogLikelihood, 1e-6, "ℓ");
    }

    [Fact]
    public void AnAliasedColumnIsReportedAsNaAndTheRestMatchBrglm2()
    {
        // brglm2 leaves aliased columns out (NA), as glm does: endometrial with NV repeated is endometrial.
        var reference = ReferenceData.Endometrial;
        var rows = reference.Rows.Select(r => new[] { r[0], r[0], r[1], r[2] }).ToList();
        var names = new[] { "NV", "NV_copy", "PI", "EH" };
        var data = new LogReg.Core.Data.TrainingSet(LogReg.Core.Data.DenseMatrix.FromRows(rows), reference.Labels, null, names);
        var stats = FirthStatistics.Fit(data);
        Assert.Equal(new[] { "NV_copy" }, stats.AliasedCoefficients);
        Assert.True(double.IsNaN(stats.Coefficients[2].Estimate));
        Assert.Contains(stats.Warnings, w => w.Contains("'NV_copy' = 1·'NV'"));
        var expected = ReferenceData.File("firth").GetProperty("endometrial").GetProperty("coefficients").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var kept = stats.Coefficients.Where(c => !c.Aliased).Select(c => c.Estimate).ToArray();
        NumericAssert.Close(expected, kept, 1e-6, "β");
        Assert.Equal(4, stats.ParameterCount);
    }

    [Fact]
    public void OnSeparatedDataTheEstimateIsFiniteWhereTheMleIsNot()
    {
        var data = ReferenceData.Endometrial.Dense();
        var mle = StatisticsCalculator.Fit(data);
        Assert.False(mle.MaximumLikelihoodEstimateExists);
        var firth = FirthStatistics.Fit(data);
        Assert.True(firth.Converged);
        Assert.False(firth.MaximumLikelihoodEstimateExists);
        Assert.All(firth.Coefficients, c => Assert.True(double.IsFinite(c.Estimate) && c.StandardError is > 0));
        Assert.Contains(firth.Notes, n => n.Contains("Firth's estimate is finite", StringComparison.Ordinal));
    }

    [Fact]
    public void TheMLNetTrainerFitsFirthWhenAskedAndItsStatisticsAreFirths()
    {
        var ml = new Microsoft.ML.MLContext(1);
        var reference = ReferenceData.File("firth").GetProperty("endometrial");
        var view = LogReg.MLNet.TrainingSetDataView.ToDataView(ReferenceData.Endometrial.Dense(), ml);
        var fitted = LogReg.MLNet.LogRegCatalog.LogReg(ml.BinaryClassification.Trainers,
            new LogReg.MLNet.LogRegOptions { FirthBiasReduction = true, L2Regularization = 0, ShowTrainingStatistics = true }).FitWithReport(view);
        var expected = reference.GetProperty("coefficients").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        NumericAssert.Close(expected.Skip(1).ToArray(), fitted.Model.Weights.ToArray(), 1e-6, "w");
        NumericAssert.Close(expected[0], fitted.Model.Bias, 1e-6, "b");
        Assert.True(fitted.Model.Report.Optimization.Converged);
        Assert.Equal(StandardErrorKind.FirthInverseInformation, fitted.Model.Statistics!.StandardErrors);
        NumericAssert.Close(reference.GetProperty("se")[1].GetDouble(), fitted.Model.Statistics.Coefficients[1].StandardError!.Value, 1e-6, "se NV");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogReg.MLNet.LogRegCatalog.LogReg(ml.BinaryClassification.Trainers,
            new LogReg.MLNet.LogRegOptions { FirthBiasReduction = true }));
        Assert.Contains("FirthBiasReduction", e.Message);
    }

    [Fact]
    public void TheTrainersFirthFitRunsOnTheOptimizerLoopWithItsOwnReport()
    {
        var data = ReferenceData.Get("endometrial").Dense();
        var fit = LogisticRegressionTrainer.Train(data, TrainerOptions.Default with { L2Regularization = 0, FirthBiasReduction = true, OptimizationTolerance = 1e-10 });
        var optimization = fit.Report.Optimization;
        Assert.True(optimization.Converged, optimization.Message);
        Assert.Equal(optimization.Iterations, optimization.Trace.Count); // a trace per step: the loop's, not a summary
        Assert.True(optimization.Evaluations.HessianBuilds >= optimization.Iterations);
        Assert.Equal(OptimizerKind.Newton, fit.Report.Optimizer);
        var reference = FirthLogisticRegression.Fit(data);
        NumericAssert.Relative(-reference.PenalizedLogLikelihood, optimization.Objective, 1e-12, "−ℓ*");
        NumericAssert.Close(reference.Coefficients.Skip(1).Append(reference.Coefficients[0]).ToArray(), fit.Model.ToParameters(), 1e-8, "θ");
    }
}
