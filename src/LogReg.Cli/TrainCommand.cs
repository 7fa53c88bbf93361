using System.Globalization;
using System.Text.Json;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// train --data FILE.csv --label COLUMN --model OUT.zip [fitting options, see <see cref="FitArguments"/>]
/// [--normalize none|meanvar] [--statistics no|yes] [--json OUT.json]. A label with more than two distinct values trains
/// the multiclass (softmax) model (<see cref="MulticlassTraining"/>).
/// </summary>
internal static class TrainCommand
{
    public static readonly string[] Options = FitArguments.Options.Concat(ColumnOptions.Names).Concat(new[] { "--data", "--normalize", "--model", "--json", "--statistics", "--method" }).ToArray();

    public static int Run(Arguments a, TextWriter output)
    {
        string dataPath = a.Required("--data");
        // --dry-run writes nothing, so it needs no model path.
        string modelPath = a.Flag(CsvInput.DryRun) ? a.Optional("--model") ?? "" : a.Required("--model");
        string? jsonPath = a.Optional("--json");
        bool normalize = a.Choice("--normalize", new Dictionary<string, bool> { ["none"] = false, ["meanvar"] = true }, false);
        CommandLine.RefuseSamePath("train", ("--model", modelPath.Length == 0 ? null : modelPath), ("--json", jsonPath), ("--data", dataPath));
        var fit = FitArguments.Read(a, TrainerOptions.Default) with
        {
            FirthBiasReduction = a.Choice("--method", new Dictionary<string, bool> { ["mle"] = false, ["firth"] = true }, false),
        };
        bool statistics = a.Choice("--statistics", new Dictionary<string, bool> { ["no"] = false, ["yes"] = true }, false);
        var prepared = CsvInput.Load(a, dataPath, ColumnOptions.Read(a), output);
        if (prepared is null)
        {
            return 0;
        }
        var progress = CommandLine.ProgressWriter is null ? null : new ProgressPrinter(CommandLine.ProgressWriter);
        if (prepared.IsMulticlass)
        {
            return MulticlassTraining.Run(prepared, fit, normalize, modelPath, jsonPath, progress, output);
        }
        var options = LogRegOptions.FromTrainerOptions(fit with { Progress = progress });
        Bind(options, prepared);
        // Kept in the model file, so that 'predict --intervals yes' can give each probability its interval.
        options.ShowTrainingStatistics = statistics;

        var ml = new MLContext(fit.Seed);
        var data = prepared.ToDataView();
        var model = Featurisation(ml, prepared, normalize).Append(ml.BinaryClassification.Trainers.LogReg(options)).Fit(data);
        var parameters = model.LastTransformer.Model.LogRegDetails()!;
        progress?.Finish();
        CsvInput.Columns(prepared).SaveWith(ml, model, data.Schema, modelPath);

        var names = FeaturePipeline.SlotNames(prepared.Plan, model.GetOutputSchema(data.Schema));
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data), options.LabelColumnName);
        var result = parameters.Report.Optimization;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {prepared.Rows.Length} rows × {names.Length} features: {parameters.Report.Optimizer}, {result.Iterations} iterations, " +
            $"{FitArguments.Outcome(result)}; objective {result.Objective:G10}; " +
            $"training accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4}; model written to {modelPath}"));
        if (parameters.Report.Separation is { Separated: true } separation)
        {
            // The trainer saw the pipeline's slot names; the tool prints the columns' own (the same slots, in order).
            var slots = parameters.Model.FeatureNames ?? names;
            var printed = slots.Zip(names).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second);
            output.WriteLine($"warning: {separation.Describe(slot => printed.GetValueOrDefault(slot, slot))} Without a penalty the weights grow without bound and the probabilities near 0 and 1 are overconfident; " +
                $"remedies: {FitArguments.Describe(result.Remedies)}.");
        }
        else if (parameters.Report.Separation is { Checked: false } undecided)
        {
            // The fit looked separated (large margins or no convergence) and the check could not tell: say so, claim nothing.
            output.WriteLine($"note: {undecided.Describe()} Whether the maximum-likelihood estimate exists is not known.");
        }
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, names, parameters, normalize);
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
    }

    /// <summary>The trainer reads the prepared view's label, assembled features and weight.</summary>
    public static void Bind(LogRegOptionsBase options, PreparedTable prepared)
    {
        options.LabelColumnName = prepared.Schema.Options.Label;
        options.FeatureColumnName = prepared.Plan.FeaturesColumn;
        options.ExampleWeightColumnName = prepared.Schema.Weight?.Name;
    }

    /// <summary>The featurisation, then (with --normalize meanvar) mean-variance scaling of the assembled vector.</summary>
    public static IEstimator<ITransformer> Featurisation(MLContext ml, PreparedTable prepared, bool normalize)
    {
        var featurise = FeaturePipeline.Build(ml, prepared.Plan);
        return normalize ? featurise.Append(ml.Transforms.NormalizeMeanVariance(prepared.Plan.FeaturesColumn)) : featurise;
    }

    private static void WriteJson(string path, IReadOnlyList<string> names, LogRegModelParameters p, bool normalize)
    {
        JsonOutput.WriteWith(path, stream => WriteJson(stream, names, p, normalize));
    }

    private static void WriteJson(Stream stream, IReadOnlyList<string> names, LogRegModelParameters p, bool normalize)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("feature_names");
        foreach (var n in names)
        {
            json.WriteStringValue(n);
        }
        json.WriteEndArray();
        json.WriteStartArray("weights");
        foreach (var w in p.Weights)
        {
            json.WriteNumberValue(w);
        }
        json.WriteEndArray();
        json.WriteNumber("bias", p.Bias);
        json.WriteString("loss", FitArguments.NameOf(p.Model.Loss));
        JsonOutput.WriteFitReport(json, p.Report, normalize);
        json.WriteEndObject();
    }
}
