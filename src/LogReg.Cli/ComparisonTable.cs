using System.Text.Json;
using LogReg.Compare;

namespace LogReg.Cli;

/// <summary>One metric column of a comparison: its header, JSON name, number format and value per trainer.</summary>
internal sealed record MetricColumn<T>(string Header, string JsonName, string Format, Func<T, MeanSd> Value);

/// <summary>
/// The cross-validation table both <c>compare</c> modes print (mean ± sd per trainer and metric) and the
/// JSON they write ({folds, seed, results: [{trainer, metric: {mean, sd}, …}]}), from the mode's columns.
/// </summary>
internal static class ComparisonTable
{
    public static string Format<T>(IEnumerable<T> results, Func<T, string> trainer, IReadOnlyList<MetricColumn<T>> columns)
    {
        var lines = new List<string> { $"{"trainer",-32} " + string.Join(" ", columns.Select(c => $"{c.Header,17}")) };
        foreach (var r in results)
        {
            lines.Add($"{trainer(r),-32} " + string.Join(" ", columns.Select(c => $"{c.Value(r).Format(c.Format),17}")));
        }
        return string.Join(Environment.NewLine, lines);
    }

    public static void WriteJson<T>(string path, int folds, int seed, IEnumerable<T> results, Func<T, string> trainer, IReadOnlyList<MetricColumn<T>> columns) =>
        JsonOutput.WriteWith(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteNumber("folds", folds);
            json.WriteNumber("seed", seed);
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("trainer", trainer(r));
                foreach (var c in columns)
                {
                    JsonOutput.WriteMeanSd(json, c.JsonName, c.Value(r));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
}
