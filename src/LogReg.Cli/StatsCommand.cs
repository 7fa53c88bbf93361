using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// stats --data FILE.csv --label COLUMN [fitting options, see <see cref="FitArguments"/>] [--json OUT.json]:
/// fits as 'train' does, from the maximum-likelihood defaults (L2 = 0, tolerance 1e-10), and prints a
/// statsmodels-style summary. Separation and rank deficiency are warnings: the
/// command still exits 0 with what can honestly be reported.
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
}
