using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Profile-likelihood intervals against R's confint(glm) (profile.json), and their defining property.</summary>
public class ProfileLikelihoodTests
{
    [Theory]
    [InlineData("spector")]
    [InlineData("heavy_tailed")]
    public void IntervalsMatchRsConfint(string name)
    {
        var reference = ReferenceData.File("profile").GetProperty(name);
        var data = ReferenceData.Get(name).Dense();
        var stats = StatisticsCalculator.Fit(data);
        var intervals = ProfileLikelihood.Intervals(data, stats.Coefficients.Select(c => c.Estimate).ToArray(), stats.Coefficients.Select(c => c.StandardError!.Value).ToArray());
        var low = reference.GetProperty("low").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var high = reference.GetProperty("high").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // The exact roots (R glm refits with an offset + uniroot); features are floats here, doubles in R.
        NumericAssert.Close(low, intervals.Select(i => i.Low).ToArray(), 1e-5, "low");
        NumericAssert.Close(high, intervals.Select(i => i.High).ToArray(), 1e-5, "high");
        // R's own confint(glm) interpolates its profile with a spline: within 1e-3 of the roots.
        var confintLow = reference.GetProperty("confint_low").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        NumericAssert.Close(confintLow, intervals.Select(i => i.Low).ToArray(), 1e-3, "confint low");
        for (int j = 0; j < intervals.Length; j++)
        {
            Assert.True(intervals[j].Low < stats.Coefficients[j].Estimate && stats.Coefficients[j].Estimate < intervals[j].High);
        }
    }

    [Fact]
    public void OnSeparatedDataTheUnboundedSideIsInfinite()
    {
        // Endometrial: NV separates (its MLE is +∞), so its profile never falls 1.92 below the supremum on the upper side.
        var data = ReferenceData.Endometrial.Dense();
        var firth = FirthStatistics.Fit(data); // a finite starting point; the profile is of the ordinary likelihood
        var start = firth.Coefficients.Select(c => c.Estimate).ToArray();
        start[1] = 30; // far along NV's diverging direction, where ℓ is within rounding of its supremum
        var intervals = ProfileLikelihood.Intervals(data, start, firth.Coefficients.Select(c => c.StandardError!.Value).ToArray());
        Assert.Equal(double.PositiveInfinity, intervals[1].High);
        Assert.True(double.IsFinite(intervals[1].Low));
    }
}
