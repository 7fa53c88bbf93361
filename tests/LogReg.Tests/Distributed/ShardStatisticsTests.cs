using LogReg.Core.Statistics;
using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// Statistics over shards equal those of the rows in one place (StatisticsCalculator on the concatenated shards): the
/// maximum-likelihood objective to 1e-9, estimates and standard errors to 1e-8, the log-likelihoods, and under L2 the
/// penalised-Hessian errors; what needs the rows (separation) is reported as not checked.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ShardStatisticsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public async Task StatisticsFromTheSummedHessianEqualTheInMemoryOnes(double l2)
    {
        using var files = new ShardFiles(shards: 3, rowsPerShard: 900, features: 4);
        await using var cluster = DistributedTrainingTests.Cluster(2);
        await cluster.DeployAsync();
        var options = StatisticsCalculator.MaximumLikelihoodOptions with { L2Regularization = l2 };
        var all = ShardLoader.Load(files.All, ShardFiles.Root);
        var local = StatisticsCalculator.Compute(all, LogisticRegressionTrainer.Train(all, options));
        var remote = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, options, retry: DistributedTrainingTests.Patient, statistics: true);
        var stats = remote.Statistics!;
        NumericAssert.Relative(local.LogLikelihood, stats.LogLikelihood, 1e-9, "log-likelihood");
        NumericAssert.Relative(local.NullLogLikelihood, stats.NullLogLikelihood, 1e-12, "null log-likelihood");
        Assert.Equal(local.Observations, stats.Observations);
        Assert.Equal(local.ParameterCount, stats.ParameterCount);
        Assert.Equal(local.StandardErrors, stats.StandardErrors);
        Assert.Equal(local.Coefficients.Select(c => c.Name), stats.Coefficients.Select(c => c.Name));
        for (int c = 0; c < local.Coefficients.Count; c++)
        {
            NumericAssert.Relative(local.Coefficients[c].Estimate, stats.Coefficients[c].Estimate, 1e-8, $"estimate {c}");
            NumericAssert.Relative(local.Coefficients[c].StandardError!.Value, stats.Coefficients[c].StandardError!.Value, 1e-8, $"standard error {c}");
            NumericAssert.Relative(local.Coefficients[c].PValue!.Value, stats.Coefficients[c].PValue!.Value, 1e-6, $"p-value {c}");
        }
        Assert.False(stats.Separation.Checked);
        Assert.Null(stats.MaximumLikelihoodEstimateExists);
        Assert.Contains(stats.Warnings, w => w.StartsWith("Separation was not checked: the rows are spread over 3 shard(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatisticsAreRefusedForFitsTheyDoNotDescribeBeforeAnyShardIsRead()
    {
        await using var cluster = DistributedTrainingTests.Cluster(1);
        await cluster.DeployAsync();
        var specs = new[] { new ShardSpec(["never-read.csv"], "y") };
        var lasso = TrainerOptions.Default with { L1Regularization = 1 };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => DistributedTrainer.FitAsync(cluster.Client, specs, lasso, statistics: true));
        Assert.Contains("no L1 or non-negativity", e.Message);
    }
}
