using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Standard errors and intervals of predictions, and the joint Wald test, against R's glm (prediction.json).</summary>
public class PredictionUncertaintyTests
{
    [Fact]
    public void LinearPredictorErrorsAndProbabilityIntervalsMatchRsPredict()
    {
        var reference = ReferenceData.File("prediction");
        var stats = StatisticsCalculator.Fit(ReferenceData.Spector.Dense());
        double[] Column(string name) => reference.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (eta, se, low, high) = (Column("eta"), Column("se"), Column("low"), Column("high"));
        foreach (int row in reference.GetProperty("rows").EnumerateArray().Select(v => v.GetInt32()))
        {
            var p = stats.Predict(ReferenceData.Spector.Rows[row].Select(v => (double)(float)v).ToArray())!;
            NumericAssert.Close(eta[row], p.LinearPredictor, 1e-6, $"row {row} η");
            NumericAssert.Relative(se[row], p.StandardError, 1e-6, $"row {row} se");
            NumericAssert.Relative(low[row], p.Low, 1e-5, $"row {row} low");
            NumericAssert.Relative(high[row], p.High, 1e-5, $"row {row} high");
            Assert.InRange(p.Probability, p.Low, p.High);
        }
    }

    [Fact]
    public void TheJointWaldTestMatchesR()
    {
        var wald = ReferenceData.File("prediction").GetProperty("wald");
        var stats = StatisticsCalculator.Fit(ReferenceData.Spector.Dense());
        var (statistic, df, p) = stats.WaldTest(new[] { "tuce", "psi" });
        NumericAssert.Relative(wald.GetProperty("statistic").GetDouble(), statistic, 1e-6, "W");
        Assert.Equal(2, df);
        NumericAssert.Relative(wald.GetProperty("p_value").GetDouble(), p, 1e-6, "p");
        Assert.Contains("No coefficient named 'age'", Assert.Throws<ArgumentException>(() => stats.WaldTest(new[] { "age" })).Message);
    }
}
