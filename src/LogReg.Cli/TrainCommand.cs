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
    public static readonly string[] Options = FitArguments.Options.Concat(new[] { "--data", "--label", "--normalize", "--model", "--json", "--statistics", "--positive", "--ignore", "--id" }).ToArray();

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var a = new Arguments("train", args, Options);
        string dataPath = a.Required("--data");
        string label = a.Required("--label");
        string modelPath = a.Required("--model");
        string? jsonPath = a.Optional("--json");
        bool normalize = a.Choice("--normalize", new Dictionary<string, bool> { ["none"] = false, ["meanvar"] = true }, false);
        CommandLine.RefuseSamePath("train", ("--model", modelPath), ("--json", jsonPath), ("--data", dataPath));
        var fit = FitArguments.Read(a, TrainerOptions.Default);
        var progress = CommandLine.ProgressWriter is null ? null : new ProgressPrinter(CommandLine.ProgressWriter);
        var options = LogRegOptions.FromTrainerOptions(fit with { Progress = progress });
        options.LabelColumnName = CsvTrainingData.LabelColumn;
        options.FeatureColumnName = CsvTrainingData.FeaturesColumn;
        // Kept in the model file, so that 'predict --intervals yes' can give each probability its interval.
        options.ShowTrainingStatistics = a.Choice("--statistics", new Dictionary<string, bool> { ["no"] = false, ["yes"] = true }, false);

        var table = CsvTable.Read(dataPath);
        string? positive = a.Optional("--positive");
        if (CsvTrainingData.IsMulticlass(table, label))
        {
            if (positive is not null)
            {
                throw new CliException($"train: label '{label}' has more than two values (the multiclass model); --positive is for a two-valued label.", 2);
            }
            return MulticlassTraining.Run(table, label, fit, normalize, modelPath, jsonPath, progress, output);
        }
        var ml = new MLContext(fit.Seed);
        var set = CsvTrainingData.ToTrainingSet(table, label, CsvTrainingData.NotFeatures(a), positive, out string? choice);
        if (choice is not null)
        {
            output.WriteLine($"label '{label}': {choice}");
        }
        var data = set.ToDataView(ml, CsvTrainingData.LabelColumn, CsvTrainingData.FeaturesColumn);
        var names = set.FeatureNames!;
        var trainer = ml.BinaryClassification.Trainers.LogReg(options);
        ITransformer model;
        LogRegModelParameters parameters;
        if (normalize)
        {
            var fitted = ml.Transforms.NormalizeMeanVariance(CsvTrainingData.FeaturesColumn).Append(trainer).Fit(data);
            model = fitted;
            parameters = fitted.LastTransformer.Model.LogRegDetails()!;
        }
        else
        {
            var fitted = trainer.FitWithReport(data);
            model = fitted.Scorer;
            parameters = fitted.Model;
        }
        progress?.Finish();
        JsonOutput.WriteWith(modelPath, stream => LogRegModelFile.Save(ml, model, data.Schema, stream));

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data), CsvTrainingData.LabelColumn);
        var result = parameters.Report.Optimization;
        string outcome = FitArguments.Outcome(result);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {table.Rows.Count} rows × {names.Count} features: {parameters.Report.Optimizer}, {result.Iterations} iterations, " +
            $"{outcome}; objective {result.Objective:G10}; " +
            $"training accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4}; model written to {modelPath}"));
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, names, parameters, normalize);
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
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
