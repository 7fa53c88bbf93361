using System.Text.Json;
using LogReg.Core.Data;
using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// stats --data FILE.csv --label COLUMN [--l2 X] [--json OUT.json]: fits by Newton (unpenalised by
/// default) and prints a statsmodels-style summary. Separation and rank deficiency are warnings: the
/// command still exits 0 with what can honestly be reported.
/// </summary>
public static class StatsCommand
{
    public static readonly string[] Options = { "--data", "--label", "--l2", "--json" };

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var a = new Arguments("stats", args, Options);
        string dataPath = a.Required("--data");
        string label = a.Required("--label");
        double l2 = a.Double("--l2", 0) ?? 0;
        string? jsonPath = a.Optional("--json");
        var table = CsvTable.Read(dataPath);
        var data = Training(table, label);
        var stats = StatisticsCalculator.Fit(data, l2);
        output.Write(stats.Summary(label));
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, stats);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }

    /// <summary>The CSV as a core training set (every column but the label is a feature).</summary>
    internal static TrainingSet Training(CsvTable table, string label)
    {
        int labelIndex = table.IndexOf(label, "label");
        var featureIndices = Enumerable.Range(0, table.Header.Length).Where(i => i != labelIndex).ToArray();
        if (featureIndices.Length == 0 || table.Rows.Count == 0)
        {
            throw new CliException($"'{table.Path}' needs at least one feature column and one data row.");
        }
        int d = featureIndices.Length;
        var values = new float[(long)table.Rows.Count * d];
        var labels = new double[table.Rows.Count];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            for (int j = 0; j < d; j++)
            {
                values[(long)r * d + j] = table.Number(r, featureIndices[j]);
            }
            labels[r] = table.Label(r, labelIndex) ? 1 : 0;
        }
        if (labels.All(y => y == labels[0]))
        {
            throw new CliException($"label column '{label}' holds a single class; binary classification needs rows of both classes.");
        }
        return new TrainingSet(new DenseMatrix(table.Rows.Count, d, values), labels, null, featureIndices.Select(i => table.Header[i]).ToArray());
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
