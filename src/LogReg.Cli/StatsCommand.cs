using System.Text.Json;
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
        var table = CsvTable.Read(dataPath);
        var data = CsvTrainingData.ToTrainingSet(table, label);
        if (data.Labels.All(y => y == data.Labels[0]))
        {
            throw new CliException($"label column '{label}' holds a single class; binary classification needs rows of both classes.");
        }
        var stats = StatisticsCalculator.Fit(data, options);
        output.Write(stats.Summary(label));
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, stats);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }

    private static void WriteJson(string path, ModelStatistics s)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        static void Number(Utf8JsonWriter w, string name, double? value)
        {
            if (value is double v && double.IsFinite(v))
            {
                w.WriteNumber(name, v);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        json.WriteStartObject();
        Number(json, "n", s.Observations);
        json.WriteStartArray("coefficients");
        foreach (var c in s.Coefficients)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            Number(json, "estimate", c.Estimate);
            Number(json, "std_error", c.StandardError);
            Number(json, "z", c.Z);
            Number(json, "p_value", c.PValue);
            Number(json, "ci_low", c.ConfidenceLow);
            Number(json, "ci_high", c.ConfidenceHigh);
            Number(json, "odds_ratio", c.OddsRatio);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Number(json, "log_likelihood", s.LogLikelihood);
        Number(json, "null_log_likelihood", s.NullLogLikelihood);
        Number(json, "deviance", s.Deviance);
        Number(json, "null_deviance", s.NullDeviance);
        Number(json, "aic", s.Aic);
        Number(json, "bic", s.Bic);
        Number(json, "pseudo_r2", s.PseudoRSquared);
        Number(json, "llr", s.LikelihoodRatio);
        Number(json, "llr_p_value", s.LikelihoodRatioPValue);
        json.WriteBoolean("converged", s.Converged);
        json.WriteBoolean("mle_exists", s.MaximumLikelihoodEstimateExists);
        json.WriteString("standard_errors", s.StandardErrorNote);
        Number(json, "l2", s.L2Regularization);
        json.WriteStartArray("warnings");
        foreach (var w in s.Warnings)
        {
            json.WriteStringValue(w);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
