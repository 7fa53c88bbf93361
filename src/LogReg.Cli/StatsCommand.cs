using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// stats --data FILE.csv --label COLUMN [fitting options, see <see cref="FitArguments"/>] [--json OUT.json]:
/// fits as 'train' does, from the maximum-likelihood defaults (L2 = 0, tolerance 1e-10), and prints a
/// statsmodels-style summary. Separation and rank deficiency are warnings: the
/// command still exits 0 with what can honestly be reported. A label with more than two values gives the
/// multinomial logit (reference = the first class; Newton to 1e-10, as statsmodels' MNLogit).
/// </summary>
internal static class StatsCommand
{
    public static readonly string[] Options = FitArguments.Options.Concat(new[] { "--data", "--label", "--json" }).ToArray();

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
            return Multinomial(table, label, options, jsonPath, output);
        }
        var data = CsvTrainingData.ToTrainingSet(table, label);
        var stats = StatisticsCalculator.Fit(data, options);
        output.Write(stats.Summary(label));
        if (jsonPath is not null)
        {
            JsonOutput.Write(jsonPath, stats);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
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
