using System.Text.Json;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Statistics;
using LogReg.Core.Training;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core;

public class StatisticsTests
{
    private readonly ITestOutputHelper _output;

    public StatisticsTests(ITestOutputHelper output) => _output = output;

    private static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (relative {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    [Fact]
    public void SpecialFunctionsMatchKnownValues()
    {
        Close(0.04550026389635844, SpecialFunctions.TwoSidedNormalPValue(2.0), 1e-13, "p(|Z|>2)");
        Close(2.2090496998585438e-05, SpecialFunctions.Erfc(3.0), 1e-13, "erfc(3)");
        Close(0.4795001221869535, SpecialFunctions.Erfc(0.5), 1e-14, "erfc(0.5)");
        Close(2.088487583762545e-45, SpecialFunctions.Erfc(10), 1e-12, "erfc(10)");
        Close(1.9599639845400538, SpecialFunctions.Normal975, 1e-15, "z 0.975");
        Close(Math.Log(120), SpecialFunctions.LogGamma(6), 1e-14, "lnΓ(6)");
        Close(0.5723649429247004, SpecialFunctions.LogGamma(0.5), 1e-14, "lnΓ(½)");
        Close(0.05, SpecialFunctions.ChiSquareSurvival(3.841458820694124, 1), 1e-12, "χ²₁ 0.95");
        Close(0.01, SpecialFunctions.ChiSquareSurvival(11.344866730144373, 3), 1e-12, "χ²₃ 0.99");
        Close(0.9, SpecialFunctions.ChiSquareSurvival(0.5843743741, 3), 1e-9, "χ²₃ 0.1");
    }

    [Fact]
    public void SpectorMatchesStatsmodelsLogit()
    {
        var reference = ReferenceData.Spector;
        var sm = reference.Json.GetProperty("mle").GetProperty("statsmodels");
        var stats = StatisticsCalculator.Fit(reference.Dense());
        _output.WriteLine(stats.Summary());
        Assert.True(stats.MaximumLikelihoodEstimateExists);
        Assert.Empty(stats.Warnings);
        Assert.Equal(StandardErrorKind.InverseFisherInformation, stats.StandardErrors);
        Assert.Equal(new[] { "intercept", "gpa", "tuce", "psi" }, stats.Coefficients.Select(c => c.Name));
        const double tol = 1e-6;
        foreach (var c in stats.Coefficients)
        {
            Close(sm.GetProperty("params").GetProperty(c.Name).GetDouble(), c.Estimate, tol, c.Name + " coef");
            Close(sm.GetProperty("bse").GetProperty(c.Name).GetDouble(), c.StandardError!.Value, tol, c.Name + " se");
            Close(sm.GetProperty("z_values").GetProperty(c.Name).GetDouble(), c.Z!.Value, tol, c.Name + " z");
            Close(sm.GetProperty("p_values").GetProperty(c.Name).GetDouble(), c.PValue!.Value, tol, c.Name + " p");
            var ci = sm.GetProperty("conf_int_95").GetProperty(c.Name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Close(ci[0], c.ConfidenceLow!.Value, tol, c.Name + " ci low");
            Close(ci[1], c.ConfidenceHigh!.Value, tol, c.Name + " ci high");
            Close(Math.Exp(c.Estimate), c.OddsRatio, 1e-15, c.Name + " odds ratio");
        }
        Close(sm.GetProperty("llf").GetDouble(), stats.LogLikelihood, tol, "llf");
        Close(sm.GetProperty("llnull").GetDouble(), stats.NullLogLikelihood, tol, "llnull");
        Close(sm.GetProperty("aic").GetDouble(), stats.Aic, tol, "aic");
        Close(sm.GetProperty("bic").GetDouble(), stats.Bic, tol, "bic");
        Close(sm.GetProperty("prsquared").GetDouble(), stats.PseudoRSquared, tol, "prsquared");
        Close(sm.GetProperty("deviance").GetDouble(), stats.Deviance, tol, "deviance");
        Close(sm.GetProperty("null_deviance").GetDouble(), stats.NullDeviance, tol, "null deviance");
        Close(sm.GetProperty("llr").GetDouble(), stats.LikelihoodRatio, tol, "llr");
        Close(sm.GetProperty("llr_pvalue").GetDouble(), stats.LikelihoodRatioPValue, tol, "llr p");
        Assert.Equal(32, stats.Observations);
        Assert.Equal(3, stats.ModelDegreesOfFreedom);
        Assert.Contains("Logit Regression Results", stats.Summary());
        Assert.Contains("psi", stats.Summary());
    }

    [Fact]
    public void BreastCancerSeparationIsReportedWithARemedy()
    {
        var stats = StatisticsCalculator.Fit(ReferenceData.BreastCancer.Dense());
        _output.WriteLine(stats.Summary());
        Assert.False(stats.MaximumLikelihoodEstimateExists);
        Assert.Equal(StandardErrorKind.None, stats.StandardErrors);
        Assert.All(stats.Coefficients, c => Assert.Null(c.StandardError));
        var warning = Assert.Single(stats.Warnings, w => w.Contains("separat"));
        Assert.StartsWith("The data are completely separated by ", warning);
        Assert.Contains("--method firth", warning);
        Assert.True(stats.Separation.Separated);
        Assert.Contains("numerically 0 or 1", Assert.Single(stats.Notes));
        Assert.Contains("does not exist", warning);
        Assert.Contains("L2", warning);
        // With L2 the optimum exists: standard errors come from the penalised Hessian and say so.
        var penalised = StatisticsCalculator.Fit(ReferenceData.BreastCancer.Dense(), StatisticsCalculator.MaximumLikelihoodOptions with { L2Regularization = 1 });
        Assert.True(penalised.MaximumLikelihoodEstimateExists);
        Assert.Equal(StandardErrorKind.InversePenalizedHessian, penalised.StandardErrors);
        Assert.Contains("penalised Hessian", penalised.StandardErrorNote);
        Assert.All(penalised.Coefficients, c => Assert.True(c.StandardError > 0));
    }

    [Fact]
    public void AWideDesignsWarningNamesAFewDependenciesAndCountsTheRest()
    {
        // 20 rows × 100 columns: 81 aliased columns, each a combination of 20 others — all of them written out had made
        // one 40 KB line. Every aliased column is still listed in AliasedCoefficients.
        var rng = new Random(7);
        var rows = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 100).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToList();
        var data = new TrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 20).Select(i => (double)(i % 2)).ToArray());
        var stats = StatisticsCalculator.Fit(data);
        var warning = Assert.Single(stats.Warnings, w => w.Contains("rank deficient"));
        Assert.Equal(81, stats.AliasedCoefficients.Count);
        Assert.Contains("+ … (12 more terms)", warning);
        Assert.Contains("; and 78 more column(s), each a combination of the others.", warning);
        Assert.Contains("'x28' and 71 more are reported as aliased", warning);
        Assert.InRange(warning.Length, 200, 1500);
    }

    [Fact]
    public void ConstantAndDuplicatedColumnsAreNamed()
    {
        var reference = ReferenceData.Spector;
        var rows = reference.Rows.Select(r => new[] { r[0], r[1], r[2], 7.0, r[0] }).ToList();
        var names = new[] { "gpa", "tuce", "psi", "always7", "gpa_copy" };
        var data = new TrainingSet(DenseMatrix.FromRows(rows), reference.Labels, null, names);
        var stats = StatisticsCalculator.Fit(data);
        _output.WriteLine(stats.Summary());
        var warning = Assert.Single(stats.Warnings, w => w.Contains("rank deficient"));
        Assert.Contains("'always7' = 7·intercept", warning);
        Assert.Contains("'gpa_copy' = 1·'gpa'", warning);
        Assert.Equal(new[] { "always7", "gpa_copy" }, stats.AliasedCoefficients);
        Assert.Equal(4, stats.ParameterCount);
        // The identifiable columns are fitted as without the redundant ones: same likelihood, same errors.
        var clean = StatisticsCalculator.Fit(reference.Dense());
        Assert.True(stats.MaximumLikelihoodEstimateExists);
        Close(clean.LogLikelihood, stats.LogLikelihood, 1e-9, "log-likelihood");
        Close(clean.Aic, stats.Aic, 1e-9, "AIC");
        Close(clean.Coefficients[1].StandardError!.Value, stats.Coefficients[1].StandardError!.Value, 1e-6, "se(gpa)");
        Assert.True(stats.Coefficients[4].Aliased);
        Assert.True(double.IsNaN(stats.Coefficients[4].Estimate));
    }

    [Fact]
    public void AColumnFarFromZeroIsNotAliasedWithTheInterceptButItsExactCombinationsAre()
    {
        // Unix times spread over hours: within 3e-5 of a multiple of the intercept before shifting (R keeps them).
        var random = new Random(4);
        var rows = new List<double[]>();
        var labels = new List<double>();
        for (int i = 0; i < 300; i++)
        {
            double t = 1.7e9 + Math.Round(random.NextDouble() * 20000 - 10000);
            double x = Math.Round(random.NextDouble() * 4 - 2, 2);
            rows.Add(new[] { t, x, 1.7e9, 2 * t + 5 });
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-(t - 1.7e9) / 4000 - x)) ? 1 : 0);
        }
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels.ToArray(), null, new[] { "t", "x", "constant", "twice" });
        var rank = RankAnalysis.Inspect(data)!;
        Assert.True(rank.Aliased.SequenceEqual(new[] { 3, 4 }), $"aliased: {string.Join(", ", rank.Aliased)}; combinations: {string.Join("; ", rank.Combinations.Select(kv => kv.Key + " = " + string.Join(" + ", kv.Value)))}");
        var constant = rank.Combinations[3].ToDictionary(t => t.Column, t => t.Coefficient);
        Assert.Equal(new[] { 0 }, constant.Keys);
        Close(1.7e9, constant[0], 1e-12, "constant on the intercept");
        // 2t + 5 in floats is 2·float(t) + the rounding of 2t + 5 (steps of 256): the combination reproduces it to a few steps.
        var twice = rank.Combinations[4].ToDictionary(t => t.Column, t => t.Coefficient);
        Close(2, twice[1], 1e-3, "twice on t");
        var row = new double[4];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, row);
            double error = row[3] - (twice.GetValueOrDefault(0) + twice[1] * row[0]);
            Assert.True(Math.Abs(error) <= 4 * 256, $"row {i}: twice − combination = {error}");
        }
        var stats = StatisticsCalculator.Fit(data);
        Assert.Equal(new[] { "constant", "twice" }, stats.AliasedCoefficients);
        Assert.True(stats.Coefficients[1].Z > 5, stats.Summary());
    }

    [Fact]
    public void AnAliasedColumnBeforeAnIndependentOneIsNamedAndTheSeparationProved()
    {
        // An outsider's 8 rows: total = price + shipping precedes vip, which only one (positive) row has.
        double[][] rows =
        {
            new[] { 64.06, 5.89, 69.95, 1 }, new[] { 27.71, 9.42, 37.13, 0 }, new[] { 5.06, 8.34, 13.4, 0 },
            new[] { 2.64, 1.02, 3.66, 0 }, new[] { 81.51, 8.72, 90.23, 0 }, new[] { 91.36, 1.3, 92.66, 0 },
            new[] { 61.06, 7.57, 68.63, 0 }, new[] { 73.22, 2.58, 75.8, 0 },
        };
        var labels = new double[] { 1, 1, 0, 1, 0, 0, 0, 0 };
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels, null, new[] { "price", "shipping", "total", "vip" });
        var rank = RankAnalysis.Inspect(data)!;
        Assert.Equal(new[] { 3 }, rank.Aliased);
        var combination = rank.Combinations[3].ToDictionary(t => t.Column, t => t.Coefficient);
        Assert.Equal(new[] { 1, 2 }, combination.Keys.Order());
        Close(1, combination[1], 1e-6, "total on price");
        Close(1, combination[2], 1e-6, "total on shipping");
        var stats = StatisticsCalculator.Fit(data);
        _output.WriteLine(stats.Summary());
        Assert.Equal(new[] { "total" }, stats.AliasedCoefficients);
        Assert.False(stats.MaximumLikelihoodEstimateExists);
        Assert.True(stats.Separation.Separated);
        Assert.False(stats.Separation.Complete);
        Assert.Contains(stats.Warnings, w => w.StartsWith("The data are quasi-completely separated by 'vip'"));
    }

    [Fact]
    public void AboveTheDenseLimitOnlyFitLevelStatisticsAreGivenWithANote()
    {
        int d = 5000;
        var rows = Enumerable.Range(0, 12).Select(i => Enumerable.Range(0, d).Select(j => j == i ? 1.0 : 0.0).ToArray()).ToList();
        var labels = Enumerable.Range(0, 12).Select(i => (double)(i % 2)).ToArray();
        var data = new TrainingSet(SparseMatrix.FromDenseRows(rows, d), labels);
        var stats = StatisticsCalculator.Fit(data, StatisticsCalculator.MaximumLikelihoodOptions with { L2Regularization = 1 });
        Assert.Equal(StandardErrorKind.None, stats.StandardErrors);
        Assert.Contains("above the 2000 parameters supported", stats.StandardErrorNote);
        Assert.All(stats.Coefficients, c => Assert.Null(c.StandardError));
        Assert.True(double.IsFinite(stats.LogLikelihood) && double.IsFinite(stats.Aic) && double.IsFinite(stats.Bic));
        Assert.Equal(d + 1, stats.Coefficients.Count);
    }

    [Fact]
    public void MseGetsSandwichStandardErrors()
    {
        var stats = StatisticsCalculator.Fit(ReferenceData.Spector.Dense(), StatisticsCalculator.MaximumLikelihoodOptions with { Loss = LossKind.MeanSquaredError });
        Assert.Equal(StandardErrorKind.Sandwich, stats.StandardErrors);
        Assert.Contains("not a likelihood", stats.StandardErrorNote);
        Assert.All(stats.Coefficients, c => Assert.True(c.StandardError > 0));
    }

    [Fact]
    public void WeightsCountAsObservations()
    {
        var reference = ReferenceData.Spector;
        var weights = reference.Labels.Select((_, i) => (double)(1 + i % 2)).ToArray();
        var weighted = StatisticsCalculator.Fit(new TrainingSet(DenseMatrix.FromRows(reference.Rows), reference.Labels, weights, reference.FeatureNames));
        var rows = reference.Rows.SelectMany((r, i) => Enumerable.Repeat(r, 1 + i % 2)).ToList();
        var labels = reference.Labels.SelectMany((y, i) => Enumerable.Repeat(y, 1 + i % 2)).ToArray();
        var repeated = StatisticsCalculator.Fit(new TrainingSet(DenseMatrix.FromRows(rows), labels, null, reference.FeatureNames));
        Assert.Equal(repeated.Observations, weighted.Observations);
        Close(repeated.Bic, weighted.Bic, 1e-9, "bic");
        Close(repeated.Coefficients[1].StandardError!.Value, weighted.Coefficients[1].StandardError!.Value, 1e-7, "se");
    }
}
