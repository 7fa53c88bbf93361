using LogReg.Core.Losses;
using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>HC0, HC1, HC3 and cluster-robust standard errors against R's sandwich package (robust.json).</summary>
public class RobustCovarianceTests
{
    [Theory]
    [InlineData("spector", CovarianceType.NonRobust, "nonrobust")]
    [InlineData("spector", CovarianceType.HC0, "hc0")]
    [InlineData("spector", CovarianceType.HC1, "hc1")]
    [InlineData("spector", CovarianceType.HC3, "hc3")]
    [InlineData("spector", CovarianceType.Cluster, "cluster")]
    [InlineData("heavy_tailed", CovarianceType.HC0, "hc0")]
    [InlineData("heavy_tailed", CovarianceType.HC1, "hc1")]
    [InlineData("heavy_tailed", CovarianceType.HC3, "hc3")]
    [InlineData("heavy_tailed", CovarianceType.Cluster, "cluster")]
    public void StandardErrorsMatchRSandwich(string name, CovarianceType type, string key)
    {
        var reference = ReferenceData.File("robust").GetProperty(name);
        var data = ReferenceData.Get(name).Dense();
        int groups = reference.GetProperty("clusters").GetInt32();
        var options = new StatisticsOptions
        {
            Covariance = type,
            Clusters = type == CovarianceType.Cluster ? Enumerable.Range(0, data.RowCount).Select(i => i % groups).ToArray() : null,
        };
        var stats = StatisticsCalculator.Fit(data, statistics: options);
        var expected = reference.GetProperty(key).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Features are stored as floats; R fits the CSV's doubles.
        NumericAssert.Close(expected, stats.Coefficients.Select(c => c.StandardError!.Value).ToArray(), 1e-6, key);
        Assert.Equal(type == CovarianceType.NonRobust ? StandardErrorKind.InverseFisherInformation : StandardErrorKind.Sandwich, stats.StandardErrors);
    }

    [Fact]
    public void BadCovarianceRequestsAreRefusedWithTheReason()
    {
        var data = ReferenceData.Spector.Dense();
        Assert.Contains("no cluster ids", Assert.Throws<ArgumentException>(() => StatisticsCalculator.Fit(data, statistics: new StatisticsOptions { Covariance = CovarianceType.Cluster })).Message);
        Assert.Contains("32 training rows but 3", Assert.Throws<ArgumentException>(() =>
            StatisticsCalculator.Fit(data, statistics: new StatisticsOptions { Covariance = CovarianceType.Cluster, Clusters = new[] { 1, 2, 3 } })).Message);
        Assert.Contains("set Covariance = Cluster", Assert.Throws<ArgumentException>(() =>
            StatisticsCalculator.Fit(data, statistics: new StatisticsOptions { Clusters = new int[32] })).Message);
        var mse = StatisticsCalculator.Fit(data, StatisticsCalculator.MaximumLikelihoodOptions with { Loss = LossKind.MeanSquaredError },
            new StatisticsOptions { Covariance = CovarianceType.NonRobust });
        Assert.Equal(StandardErrorKind.None, mse.StandardErrors);
        Assert.Contains(mse.Warnings, w => w.Contains("MSE", StringComparison.Ordinal));
    }
}
