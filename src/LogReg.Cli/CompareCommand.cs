using LogReg.Compare;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// compare [--data FILE.csv --label COLUMN] [--folds 5] [--seed N] [--json OUT.json]: stratified
/// k-fold cross-validation with identical folds for this trainer (BCE, MSE) and ML.NET's
/// LbfgsLogisticRegression, SdcaLogisticRegression and FastTree. Without --data it uses the bundled
/// breast-cancer data. A label with more than two values compares the multiclass trainers
/// (<see cref="MulticlassCompare"/>).
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
        if (prepared.IsMulticlass)
        {
            return MulticlassCompare.Run(ml, prepared, folds, seed, jsonPath, progress, progressWriter, output);
        }
        var set = CsvInput.ToTrainingSet(ml, prepared);
        var data = set.ToDataView(ml);
        output.WriteLine($"{Path.GetFileName(dataPath)}: {set.RowCount} rows × {set.FeatureCount} features (as train assembles them; in each fold the means, indicators and vocabulary are learned from its training rows only); stratified {folds}-fold cross-validation, seed {seed}.");
        ComparisonResult result;
        try
        {
            var foldFeatures = (IReadOnlyList<int> train, IReadOnlyList<int> test) =>
            {
                var sets = CsvInput.ToTrainingSets(ml, prepared, train, train, test);
                return (sets[0], sets[1]);
            };
            result = TrainerComparison.Run(data, new ComparisonOptions { Folds = folds, Seed = seed, FoldFeatures = foldFeatures }, progress);
        }
        finally
        {
            progressWriter?.Write("\r" + new string(' ', 61) + "\r");
        }
        output.WriteLine(Format(result));
        output.WriteLine("log-loss in nats (mean of −ln p(true label)); ML.NET's own LogLoss metric is in bits. Linear trainers: NormalizeMeanVariance, L2 = 1, L1 = 0.");
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, result);
            output.WriteLine($"results written to {jsonPath}");
        }
        return 0;
    }

    private static readonly MetricColumn<TrainerResult>[] Columns =
    {
        new("AUC", "auc", "F4", r => r.Auc),
        new("accuracy", "accuracy", "F4", r => r.Accuracy),
        new("F1", "f1", "F4", r => r.F1),
        new("log-loss", "log_loss", "F4", r => r.LogLoss),
        new("fit (s)", "fit_seconds", "F3", r => r.Fit),
    };

    public static string Format(ComparisonResult result) => ComparisonTable.Format(result.Results, r => r.Trainer, Columns);

    private static void WriteJson(string path, ComparisonResult result) =>
        ComparisonTable.WriteJson(path, result.Folds, result.Seed, result.Results, r => r.Trainer, Columns);

    private sealed class SynchronousProgress : IProgress<string>
    {
        private readonly Action<string> _report;

        public SynchronousProgress(Action<string> report) => _report = report;

        public void Report(string value) => _report(value);
    }
}
