using LogReg.Compare;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>'compare' on a label with more than two values: <see cref="MulticlassComparison"/> with the same folds for every trainer.</summary>
internal static class MulticlassCompare
{
    public static int Run(MLContext ml, PreparedTable prepared, int folds, int seed, string? jsonPath,
        IProgress<string>? progress, TextWriter? progressWriter, TextWriter output)
    {
        var set = CsvInput.ToMulticlassSet(ml, prepared);
        output.WriteLine($"{Path.GetFileName(prepared.Schema.Table.Path)}: {set.RowCount} rows × {set.FeatureCount} features × {set.ClassCount} classes (as train assembles them; in each fold the means, indicators and vocabulary are learned from its training rows only); stratified {folds}-fold cross-validation, seed {seed}.");
        MulticlassComparisonResult result;
        try
        {
            result = MulticlassComparison.Run(set.ToDataView(ml), folds, seed, progress,
                (train, test) =>
                {
                    var sets = CsvInput.ToMulticlassSets(ml, prepared, train, train, test);
                    return (sets[0], sets[1]);
                });
        }
        finally
        {
            progressWriter?.Write("\r" + new string(' ', 61) + "\r");
        }
        output.WriteLine(Format(result));
        output.WriteLine("log-loss in nats (mean of −ln p(true class)). Linear trainers: NormalizeMeanVariance, L2 = 1, L1 = 0.");
        if (jsonPath is not null)
        {
            ComparisonTable.WriteJson(jsonPath, result.Folds, result.Seed, result.Results, r => r.Trainer, Columns);
            output.WriteLine($"results written to {jsonPath}");
        }
        return 0;
    }

    private static readonly MetricColumn<MulticlassTrainerResult>[] Columns =
    {
        new("micro accuracy", "micro_accuracy", "F4", r => r.MicroAccuracy),
        new("macro accuracy", "macro_accuracy", "F4", r => r.MacroAccuracy),
        new("log-loss", "log_loss", "F4", r => r.LogLoss),
        new("fit (s)", "fit_seconds", "F3", r => r.Fit),
    };

    public static string Format(MulticlassComparisonResult result) => ComparisonTable.Format(result.Results, r => r.Trainer, Columns);
}
