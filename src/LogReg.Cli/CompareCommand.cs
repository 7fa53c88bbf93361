using LogReg.Compare;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// compare [--data FILE.csv --label COLUMN] [--folds 5] [--seed N] [--json OUT.json]: stratified
/// k-fold cross-validation with identical folds for this trainer (BCE, MSE) and ML.NET's
/// LbfgsLogisticRegression, SdcaLogisticRegression and FastTree. Without --data it uses the bundled
/// breast-cancer data. A label with more than two values compares the multiclass trainers
/// (<see cref="MulticlassComparison"/>): the same folds, table and JSON, by family.
/// </summary>
internal static class CompareCommand
{
    public static readonly CliOption[] Options = [.. CliOptions.ColumnRoles, CliOptions.Data, CliOptions.Folds, CliOptions.Seed, CliOptions.Json];

    public static int Run(Arguments a, TextWriter output)
    {
        string? dataPath = a.Get(CliOptions.Data);
        string label = dataPath is null ? a.Get(CliOptions.Label) ?? "Label" : a.Required(CliOptions.Label);
        dataPath ??= Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer_wdbc.csv");
        int folds = a.Get(CliOptions.Folds);
        int seed = a.Get(CliOptions.Seed) ?? 1;
        string? jsonPath = a.Get(CliOptions.Json);
        CommandLine.RefuseSamePath("compare", ("--json", jsonPath), ("--data", dataPath));
        OutputPaths.RefuseUnwritable("compare", ("--json", jsonPath));

        if (a.Given(CliOptions.Weight))
        {
            throw new CliException("compare: --weight is not offered; the comparison fits every trainer unweighted.", 2);
        }
        var prepared = CsvInput.Load(a, dataPath, ColumnOptions.Read(a, label: label), output);
        if (prepared is null)
        {
            return 0;
        }
        var ml = new MLContext(seed);
        var progressWriter = CommandLine.ProgressWriter;
        IProgress<string>? progress = progressWriter is null ? null : new SynchronousProgress(m =>
        {
            progressWriter.Write($"\r{m,-60}");
            progressWriter.Flush();
        });
        const string Folding = "(as train assembles them; in each fold the means, indicators and vocabulary are learned from its training rows only)";
        string scheme = $"stratified {folds}-fold cross-validation, seed {seed}.";
        if (prepared.IsMulticlass)
        {
            var set = CsvInput.ToMulticlassSet(ml, prepared);
            output.WriteLine($"{Path.GetFileName(dataPath)}: {set.RowCount} rows × {set.FeatureCount} features × {set.ClassCount} classes {Folding}; {scheme}");
            var multiclass = Clearing(progressWriter, () => MulticlassComparison.Run(set.ToDataView(ml), folds, seed, progress, (train, test) =>
            {
                var sets = CsvInput.ToMulticlassSets(ml, prepared, train, train, test);
                return (sets[0], sets[1]);
            }));
            return Report(multiclass.Results, r => r.Trainer, MulticlassColumns, "true class", folds, seed, jsonPath, output);
        }
        var binarySet = CsvInput.ToTrainingSet(ml, prepared);
        output.WriteLine($"{Path.GetFileName(dataPath)}: {binarySet.RowCount} rows × {binarySet.FeatureCount} features {Folding}; {scheme}");
        var binary = Clearing(progressWriter, () => TrainerComparison.Run(binarySet.ToDataView(ml), new ComparisonOptions
        {
            Folds = folds,
            Seed = seed,
            FoldFeatures = (train, test) =>
            {
                var sets = CsvInput.ToTrainingSets(ml, prepared, train, train, test);
                return (sets[0], sets[1]);
            },
        }, progress));
        return Report(binary.Results, r => r.Trainer, BinaryColumns, "true label", folds, seed, jsonPath, output,
            "; ML.NET's own LogLoss metric is in bits");
    }

    // The table, the note on the metrics, and --json, for either family.
    private static int Report<T>(IReadOnlyList<T> results, Func<T, string> trainer, MetricColumn<T>[] columns, string truth, int folds, int seed,
        string? jsonPath, TextWriter output, string bits = "")
    {
        output.WriteLine(ComparisonTable.Format(results, trainer, columns));
        output.WriteLine($"log-loss in nats (mean of −ln p({truth})){bits}. Linear trainers: NormalizeMeanVariance, L2 = 1, L1 = 0.");
        if (jsonPath is not null)
        {
            ComparisonTable.WriteJson(jsonPath, folds, seed, results, trainer, columns);
            output.WriteLine($"results written to {jsonPath}");
        }
        return 0;
    }

    // Runs the comparison, then clears its progress line.
    private static T Clearing<T>(TextWriter? progressWriter, Func<T> run)
    {
        try
        {
            return run();
        }
        finally
        {
            progressWriter?.Write("\r" + new string(' ', 61) + "\r");
        }
    }

    private static readonly MetricColumn<TrainerResult>[] BinaryColumns =
    {
        new("AUC", "auc", "F4", r => r.Auc),
        new("accuracy", "accuracy", "F4", r => r.Accuracy),
        new("F1", "f1", "F4", r => r.F1),
        new("log-loss", "log_loss", "F4", r => r.LogLoss),
        new("fit (s)", "fit_seconds", "F3", r => r.Fit),
    };

    private static readonly MetricColumn<MulticlassTrainerResult>[] MulticlassColumns =
    {
        new("micro accuracy", "micro_accuracy", "F4", r => r.MicroAccuracy),
        new("macro accuracy", "macro_accuracy", "F4", r => r.MacroAccuracy),
        new("log-loss", "log_loss", "F4", r => r.LogLoss),
        new("fit (s)", "fit_seconds", "F3", r => r.Fit),
    };

    private sealed class SynchronousProgress : IProgress<string>
    {
        private readonly Action<string> _report;

        public SynchronousProgress(Action<string> report) => _report = report;

        public void Report(string value) => _report(value);
    }
}
