using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// stats --data FILE.csv --label COLUMN [fitting options, see <see cref="FitArguments"/>] [--covariance
/// nonrobust|hc0|hc1|hc3|cluster:COLUMN] [--drop COL[,COL]] [--method mle|firth] [--ci wald|profile] [--json OUT.json]:
/// fits as 'train' does, from the maximum-likelihood defaults (L2 = 0, tolerance 1e-10), and prints a
/// statsmodels-style summary. Separation and rank deficiency are warnings: the
/// command still exits 0 with what can honestly be reported. A label with more than two values gives the
/// multinomial logit (reference = the first class; Newton to 1e-10, as statsmodels' MNLogit).
/// </summary>
internal static class StatsCommand
{
    public static readonly string[] Options = FitArguments.Options.Concat(new[] { "--data", "--label", "--json", "--covariance", "--drop", "--method", "--ci", "--positive", "--ignore", "--id" }).ToArray();

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var a = new Arguments("stats", args, Options);
        string dataPath = a.Required("--data");
        string label = a.Required("--label");
        var options = FitArguments.Read(a, StatisticsCalculator.MaximumLikelihoodOptions);
        string? jsonPath = a.Optional("--json");
        CommandLine.RefuseSamePath("stats", ("--json", jsonPath), ("--data", dataPath));
        var table = CsvTable.Read(dataPath);
        if (CsvTrainingData.IsMulticlass(table, label))
        {
            if (a.Optional("--covariance") is not null || a.Optional("--drop") is not null || a.Optional("--positive") is not null)
            {
                throw new CliException("stats: --covariance, --drop and --positive are for a binary label; the multinomial statistics use the model-based covariance.", 2);
            }
            return Multinomial(table, label, options, jsonPath, output);
        }
        var (covariance, clusterColumn) = Covariance(a.Optional("--covariance"));
        var data = CsvTrainingData.ToTrainingSet(table, label, CsvTrainingData.NotFeatures(a, clusterColumn), a.Optional("--positive"), out string? choice);
        if (choice is not null)
        {
            output.WriteLine($"label '{label}': {choice}");
        }
        var statistics = new StatisticsOptions { Covariance = covariance, Clusters = clusterColumn is null ? null : ClusterIds(table, clusterColumn) };
        bool firth = a.Choice("--method", new Dictionary<string, bool> { ["mle"] = false, ["firth"] = true }, false);
        if (firth && (options.L2Regularization != 0 || options.L1Regularization != 0 || covariance != CovarianceType.Default || a.Optional("--drop") is not null
            || options.Loss != Core.Losses.LossKind.BinaryCrossEntropy || options.ClassWeighting.Mode != Core.Training.ClassWeightingMode.None))
        {
            throw new CliException("stats --method firth: Firth's penalty replaces --l2/--l1, its covariance is the inverse information, it is defined for --loss bce without --class-weight, and --drop is not offered for it.", 2);
        }
        var stats = firth ? FirthStatistics.Fit(data, options.CancellationToken) : StatisticsCalculator.Fit(data, options, statistics);
        if (a.Choice("--ci", new Dictionary<string, bool> { ["wald"] = false, ["profile"] = true }, false))
        {
            stats = ProfileIntervals(data, stats, firth || options.L2Regularization != 0 || options.Loss != Core.Losses.LossKind.BinaryCrossEntropy);
        }
        output.Write(stats.Summary(label));
        if (a.Optional("--drop") is string drop)
        {
            var columns = drop.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            output.WriteLine(LikelihoodRatioTest.Run(data, columns, options).Summary());
        }
        if (jsonPath is not null)
        {
            JsonOutput.Write(jsonPath, stats);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }

    // The likelihood's own intervals (R: confint(glm)) in place of the Wald ones.
    private static ModelStatistics ProfileIntervals(Core.Data.TrainingSet data, ModelStatistics stats, bool notTheMle)
    {
        if (notTheMle || stats.Coefficients.Any(c => c.Aliased || c.StandardError is null))
        {
            throw new CliException("stats --ci profile: profile-likelihood intervals are for the unpenalised BCE maximum-likelihood fit with standard errors (no --l2, --l1, --loss mse, --method firth; no aliased columns).", 2);
        }
        var intervals = ProfileLikelihood.Intervals(data, stats.Coefficients.Select(c => c.Estimate).ToArray(), stats.Coefficients.Select(c => c.StandardError!.Value).ToArray());
        return stats with
        {
            Coefficients = stats.Coefficients.Select((c, j) => c with { ConfidenceLow = intervals[j].Low, ConfidenceHigh = intervals[j].High }).ToArray(),
            IntervalMethod = "profile",
        };
    }

    // nonrobust | hc0 | hc1 | hc3 | cluster:COLUMN (the column is then not a feature).
    private static (CovarianceType Type, string? Column) Covariance(string? text)
    {
        if (text is null)
        {
            return (CovarianceType.Default, null);
        }
        if (text.StartsWith("cluster:", StringComparison.OrdinalIgnoreCase) && text.Length > "cluster:".Length)
        {
            return (CovarianceType.Cluster, text["cluster:".Length..]);
        }
        return text.ToLowerInvariant() switch
        {
            "nonrobust" => (CovarianceType.NonRobust, null),
            "hc0" => (CovarianceType.HC0, null),
            "hc1" => (CovarianceType.HC1, null),
            "hc3" => (CovarianceType.HC3, null),
            _ => throw new CliException($"option '--covariance' is '{text}'; expected nonrobust, hc0, hc1, hc3 or cluster:COLUMN.", 2),
        };
    }

    // Any cell text names a cluster; equal texts are one cluster.
    private static int[] ClusterIds(CsvTable table, string column)
    {
        int index = table.IndexOf(column, "cluster");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return table.Rows.Select(r => ids.TryGetValue(r[index].Trim(), out int id) ? id : ids[r[index].Trim()] = ids.Count).ToArray();
    }

    // The multinomial logit MLE with the first class as reference, as statsmodels' MNLogit.
    private static int Multinomial(CsvTable table, string label, Core.Training.TrainerOptions options, string? jsonPath, TextWriter output)
    {
        var set = CsvTrainingData.ToMulticlassSet(table, label);
        MulticlassTraining.CheckOptions(options, set.ClassCount, "stats");
        if (options.L2Regularization != 0 || options.L1Regularization != 0 || options.ClassWeighting.Mode != Core.Training.ClassWeightingMode.None)
        {
            throw new CliException($"stats: the label has {set.ClassCount} classes; multinomial statistics are for the unpenalised, unweighted likelihood (drop --l2, --l1 and --class-weight).", 2);
        }
        var stats = MultinomialStatisticsCalculator.Fit(set, options.ResolvedThreads, options.CancellationToken);
        output.Write(stats.Summary());
        if (jsonPath is not null)
        {
            JsonOutput.Write(jsonPath, stats);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }
}
