using System.Globalization;
using System.Text.Json;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>'train' on a label with more than two values: the softmax model, saved as ML.NET's multiclass model.</summary>
internal static class MulticlassTraining
{
    /// <summary>Refuses the fitting options that name two classes, in the tool's own words.</summary>
    public static void CheckOptions(TrainerOptions fit, int classes, string command)
    {
        if (FitCapabilities.Check(ModelFamily.Softmax, RowSource.InMemory, fit) is { } refusal)
        {
            throw new CliException($"{command}: the label has {classes} classes, so the multiclass (softmax) model is fitted; {FitArguments.Describe(refusal)}", 2);
        }
    }

    public static int Run(PreparedTable prepared, TrainerOptions fit, bool normalize, string modelPath, string? jsonPath, ProgressPrinter? progress, TextWriter output)
    {
        int classes = prepared.Classes.Length;
        CheckOptions(fit, classes, "train");
        var ml = new MLContext(fit.Seed);
        var data = prepared.ToDataView();
        var options = LogRegMulticlassOptions.FromTrainerOptions(fit with { Progress = progress });
        TrainCommand.Bind(options, prepared);
        var model = TrainCommand.Featurisation(ml, prepared, normalize).Append(ml.MulticlassClassification.Trainers.LogReg(options)).Fit(data);
        var details = model.LastTransformer.Model.LogRegDetails()!;
        progress?.Finish();
        CsvInput.Columns(prepared).SaveWith(ml, model, data.Schema, modelPath);

        var names = FeaturePipeline.SlotNames(prepared.Plan, model.GetOutputSchema(data.Schema));
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data), options.LabelColumnName);
        var result = details.Report.Optimization;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {prepared.Rows.Length} rows × {names.Length} features × {classes} classes ({string.Join(", ", prepared.Classes)}): " +
            $"softmax, {details.Report.Optimizer}, {result.Iterations} iterations, {FitArguments.Outcome(result)}; objective {result.Objective:G10}; " +
            $"training accuracy {metrics.MicroAccuracy:F4}, log-loss {metrics.LogLoss:F4}; model written to {modelPath}"));
        if (jsonPath is not null)
        {
            JsonOutput.WriteWith(jsonPath, stream => WriteJson(stream, details, names, normalize));
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
    }

    private static void WriteJson(Stream stream, LogRegMulticlassModelParameters p, IReadOnlyList<string> names, bool normalize)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var m = p.Model;
        json.WriteStartObject();
        json.WriteString("model", "softmax");
        Strings(json, "classes", m.ClassNames);
        Strings(json, "feature_names", names);
        json.WriteStartArray("weights");
        for (int k = 0; k < m.ClassCount; k++)
        {
            json.WriteStartArray();
            foreach (var w in m.WeightsOf(k))
            {
                json.WriteNumberValue(w);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartArray("biases");
        foreach (var b in m.Biases)
        {
            json.WriteNumberValue(b);
        }
        json.WriteEndArray();
        JsonOutput.WriteFitReport(json, p.Report, normalize);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }
        json.WriteEndArray();
    }
}
