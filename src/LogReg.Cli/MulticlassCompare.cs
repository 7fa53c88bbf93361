using System.Globalization;
using System.Text.Json;
using LogReg.Compare;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>'compare' on a label with more than two values: <see cref="MulticlassComparison"/> with the same folds for every trainer.</summary>
internal static class MulticlassCompare
{
    public static int Run(MLContext ml, CsvTable table, string label, int folds, int seed, string? jsonPath,
        IProgress<string>? progress, TextWriter? progressWriter, TextWriter output)
    {
        var set = CsvTrainingData.ToMulticlassSet(table, label);
        output.WriteLine($"{Path.GetFileName(table.Path)}: {table.Rows.Count} rows × {set.FeatureCount} features × {set.ClassCount} classes; stratified {folds}-fold cross-validation, seed {seed}.");
        MulticlassComparisonResult result;
        try
        {
            result = MulticlassComparison.Run(set.ToDataView(ml), folds, seed, progress);
        }
        finally
        {
            progressWriter?.Write("\r" + new string(' ', 61) + "\r");
        }
        output.WriteLine(Format(result));
        output.WriteLine("log-loss in nats (mean of −ln p(true class)). Linear trainers: NormalizeMeanVariance, L2 = 1, L1 = 0.");
        if (jsonPath is not null)
        {
            JsonOutput.WriteWith(jsonPath, stream => WriteJson(stream, result));
            output.WriteLine($"results written to {jsonPath}");
        }
        return 0;
    }

    public static string Format(MulticlassComparisonResult result)
    {
        static string M(MeanSd v, string f) => v.Format(f);
        var lines = new List<string> { $"{"trainer",-32} {"micro accuracy",17} {"macro accuracy",17} {"log-loss",17} {"fit (s)",17}" };
        foreach (var r in result.Results)
        {
            lines.Add($"{r.Trainer,-32} {M(r.MicroAccuracy, "F4"),17} {M(r.MacroAccuracy, "F4"),17} {M(r.LogLoss, "F4"),17} {M(r.Fit, "F3"),17}");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static void WriteJson(Stream stream, MulticlassComparisonResult result)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("folds", result.Folds);
        json.WriteNumber("seed", result.Seed);
        json.WriteStartArray("results");
        foreach (var r in result.Results)
        {
            json.WriteStartObject();
            json.WriteString("trainer", r.Trainer);
            JsonOutput.WriteMeanSd(json, "micro_accuracy", r.MicroAccuracy);
            JsonOutput.WriteMeanSd(json, "macro_accuracy", r.MacroAccuracy);
            JsonOutput.WriteMeanSd(json, "log_loss", r.LogLoss);
            JsonOutput.WriteMeanSd(json, "fit_seconds", r.Fit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
