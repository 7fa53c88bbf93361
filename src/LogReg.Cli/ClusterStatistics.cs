using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// stats --cluster localhost|redis=HOST:PORT --shards "part-*.csv" --label COLUMN [FIT] [--json OUT.json]: the
/// maximum-likelihood fit over the workers' shards (the defaults of 'stats': L2 = 0, Newton to 1e-10) and its coefficient
/// table from the summed Hessian (<see cref="SummedStatistics"/>); what needs the rows in one place (the separation
/// proof, sandwich covariances, --drop, Firth, profile intervals) is not offered.
/// </summary>
internal static class ClusterStatistics
{
    public static readonly CliOption[] Options = [.. CliOptions.Fit, .. ClusterFit.Options];

    public static int Run(Arguments a, TextWriter output)
    {
        a.OnlyThese(Options, "with --cluster (statistics from sums: the separation proof, sandwich covariances, --drop, Firth and profile intervals need the rows in one place)");
        string? jsonPath = a.Get(CliOptions.Json);
        var options = FitArguments.Read(a, StatisticsCalculator.MaximumLikelihoodOptions);
        if (options.L1Regularization != 0 || options.Loss != Core.Losses.LossKind.BinaryCrossEntropy)
        {
            throw new CliException("stats --cluster: statistics over shards are for --loss bce, unpenalised or with --l2 (not --l1).", 2);
        }
        var result = ClusterFit.Run(a, "stats", (client, shards) => LogReg.Distributed.DistributedTrainer.FitAsync(client, shards, options, statistics: true), output);
        var stats = result.Statistics!;
        output.Write(stats.Summary(a.Required(CliOptions.Label)));
        if (jsonPath is not null)
        {
            JsonOutput.Write(jsonPath, stats, StatisticsJson.Default.ModelStatistics);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }
}
