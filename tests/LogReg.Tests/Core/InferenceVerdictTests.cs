using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Verdicts by proof, against statsmodels and R on committed references (Reference/scripts).</summary>
public class InferenceVerdictTests
{
    [Fact]
    public void HeavyTailedFeaturesWithExtremeProbabilitiesButNoSeparationGetStatsmodelsStandardErrors()
    {
        var reference = ReferenceData.Get("heavy_tailed");
        var sm = reference.Json;
        Assert.True(sm.GetProperty("extreme_fitted_probabilities").GetInt32() > 0);
        var stats = StatisticsCalculator.Fit(reference.Dense());
        Assert.True(stats.MaximumLikelihoodEstimateExists, string.Join(" | ", stats.Warnings));
        Assert.True(stats.Converged);
        Assert.Empty(stats.Warnings);
        Assert.Contains("finds no separation", Assert.Single(stats.Notes));
        Assert.Equal(StandardErrorKind.InverseFisherInformation, stats.StandardErrors);
        foreach (var c in stats.Coefficients)
        {
            NumericAssert.Relative(sm.GetProperty("params").GetProperty(c.Name).GetDouble(), c.Estimate, 1e-6, c.Name);
            NumericAssert.Relative(sm.GetProperty("bse").GetProperty(c.Name).GetDouble(), c.StandardError!.Value, 1e-6, "se " + c.Name);
        }
        NumericAssert.Relative(sm.GetProperty("llf").GetDouble(), stats.LogLikelihood, 1e-9, "log-likelihood");
        NumericAssert.Relative(sm.GetProperty("aic").GetDouble(), stats.Aic, 1e-9, "AIC");
    }

    [Fact]
    public void QuasiSeparatedEndometrialHasNoMleAndTheSeparatingFeatureIsNamed()
    {
        var stats = StatisticsCalculator.Fit(ReferenceData.Endometrial.Dense());
        Assert.False(stats.MaximumLikelihoodEstimateExists);
        Assert.False(stats.Converged);
        var warning = Assert.Single(stats.Warnings, w => w.Contains("separat"));
        Assert.StartsWith("The data are quasi-completely separated by 'NV' (proved by the separation check: 13 of 79 rows", warning);
        Assert.Contains("Firth", warning);
        // No second warning that the fit "did not converge": there is no minimum to converge to.
        Assert.Single(stats.Warnings);
        Assert.All(stats.Coefficients, c => Assert.Null(c.StandardError));
    }

    [Fact]
    public void OneHotColumnsWithTheInterceptMatchRsGlm()
    {
        var reference = ReferenceData.Get("one_hot");
        var r = reference.Json;
        var stats = StatisticsCalculator.Fit(reference.Dense());
        Assert.Equal(new[] { "psi_yes" }, stats.AliasedCoefficients);
        Assert.Equal(r.GetProperty("rank").GetInt32(), stats.ParameterCount);
        Assert.Equal(r.GetProperty("df_residual").GetDouble(), stats.ResidualDegreesOfFreedom);
        var warning = Assert.Single(stats.Warnings);
        Assert.Contains("'psi_yes' = 1·intercept − 1·'psi_no'", warning);
        foreach (var c in stats.Coefficients)
        {
            var expected = r.GetProperty("coefficients").GetProperty(c.Name);
            if (expected.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.True(c.Aliased, c.Name);
                continue;
            }
            NumericAssert.Relative(expected.GetDouble(), c.Estimate, 1e-6, c.Name);
            NumericAssert.Relative(r.GetProperty("se").GetProperty(c.Name).GetDouble(), c.StandardError!.Value, 1e-6, "se " + c.Name);
        }
        // Features are stored in single precision and Spector's gpa values (2.66, …) are not
        // float-exact: the data differ from R's by ~1e-8, the log-likelihood by ~6e-8 relative.
        NumericAssert.Relative(r.GetProperty("loglik").GetDouble(), stats.LogLikelihood, 1e-6, "log-likelihood");
        NumericAssert.Relative(r.GetProperty("aic").GetDouble(), stats.Aic, 1e-6, "AIC");
        NumericAssert.Relative(r.GetProperty("bic").GetDouble(), stats.Bic, 1e-6, "BIC");
        Assert.Equal(r.GetProperty("aic").GetDouble(), 2 * stats.ParameterCount - 2 * stats.LogLikelihood, 1e-5);
    }
}
