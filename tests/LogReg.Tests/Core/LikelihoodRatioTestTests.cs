using LogReg.Core.Losses;
using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Nested-model likelihood-ratio tests against R's anova(reduced, full, test = "Chisq") (lrtest.json).</summary>
public class LikelihoodRatioTestTests
{
    [Fact]
    public void StatisticDegreesOfFreedomAndPValueMatchR()
    {
        foreach (var test in ReferenceData.File("lrtest").GetProperty("tests").EnumerateArray())
        {
            var name = test.GetProperty("data").GetString()!;
            var drop = test.GetProperty("drop").EnumerateArray().Select(v => v.GetString()!).ToArray();
            var result = LikelihoodRatioTest.Run(ReferenceData.Get(name).Dense(), drop);
            string what = $"{name} without {string.Join(",", drop)}";
            NumericAssert.Relative(test.GetProperty("statistic").GetDouble(), result.Statistic, 1e-6, what + " LR");
            Assert.Equal(test.GetProperty("df").GetInt32(), result.DegreesOfFreedom);
            NumericAssert.Relative(test.GetProperty("p_value").GetDouble(), result.PValue, 1e-5, what + " p");
        }
    }

    [Fact]
    public void WhatCannotBeTestedIsRefusedWithTheReason()
    {
        var data = ReferenceData.Spector.Dense();
        Assert.Contains("'age' is not in the data", Assert.Throws<ArgumentException>(() => LikelihoodRatioTest.Run(data, new[] { "age" })).Message);
        Assert.Contains("needs a likelihood", Assert.Throws<ArgumentException>(() =>
            LikelihoodRatioTest.Run(data, new[] { "psi" }, StatisticsCalculator.MaximumLikelihoodOptions with { Loss = LossKind.MeanSquaredError })).Message);
        Assert.Contains("only the intercept", Assert.Throws<ArgumentException>(() => LikelihoodRatioTest.Run(data, new[] { "gpa", "tuce", "psi" })).Message);
    }
}
