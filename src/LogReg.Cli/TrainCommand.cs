using System.Globalization;
using System.Text.Json;
using LogReg.Core.Losses;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// train --data FILE.csv --label COLUMN [--loss bce|mse] [--optimizer auto|gd|sgd|newton|lbfgs]
/// [--l2 X] [--l1 X] [--max-iterations N] [--tolerance X] [--normalize none|meanvar] [--threads N]
/// [--seed N] --model OUT.zip [--json OUT.json]
/// </summary>
public static class TrainCommand
{
    public static readonly string[] Options =
    {
        "--data", "--label", "--loss", "--optimizer", "--l2", "--l1", "--max-iterations", "--tolerance",
        "--normalize", "--threads", "--seed", "--model", "--json",
    };

    public static readonly IReadOnlyDictionary<string, LossKind> Losses = new Dictionary<string, LossKind>
    {
        ["bce"] = LossKind.BinaryCrossEntropy,
        ["mse"] = LossKind.MeanSquaredError,
    };

    public static readonly IReadOnlyDictionary<string, OptimizerKind> Optimizers = new Dictionary<string, OptimizerKind>
    {
        ["auto"] = OptimizerKind.Auto,
        ["gd"] = OptimizerKind.GradientDescent,
        ["sgd"] = OptimizerKind.MiniBatchSgd,
        ["newton"] = OptimizerKind.Newton,
        ["lbfgs"] = OptimizerKind.Lbfgs,
    };

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var a = new Arguments("train", args, Options);
        string dataPath = a.Required("--data");
        string label = a.Required("--label");
        string modelPath = a.Required("--model");
        string? jsonPath = a.Optional("--json");
        bool normalize = a.Choice("--normalize", new Dictionary<string, bool> { ["none"] = false, ["meanvar"] = true }, false);
        int? seed = a.Int("--seed");
        var options = new LogRegOptions
        {
            LabelColumnName = CsvDataView.LabelColumn,
            FeatureColumnName = CsvDataView.FeaturesColumn,
            Loss = a.Choice("--loss", Losses, LossKind.BinaryCrossEntropy),
            Optimizer = a.Choice("--optimizer", Optimizers, OptimizerKind.Auto),
            L2Regularization = (float)(a.Double("--l2", 0) ?? 1.0),
            L1Regularization = (float)(a.Double("--l1", 0) ?? 0.0),
            MaximumNumberOfIterations = a.Int("--max-iterations", 1),
            OptimizationTolerance = (float)(a.Double("--tolerance", double.Epsilon) ?? 1e-7),
            NumberOfThreads = a.Int("--threads", 1),
            Seed = seed,
        };
        var progress = CommandLine.ProgressWriter is null ? null : new ProgressPrinter(CommandLine.ProgressWriter);
        options.Progress = progress;

        var table = CsvTable.Read(dataPath);
        var ml = new MLContext(seed ?? 0);
        var (data, names) = CsvDataView.ForTraining(ml, table, label);
        var trainer = ml.BinaryClassification.Trainers.LogReg(options);
        ITransformer model;
        LogRegModelParameters parameters;
        if (normalize)
        {
            var fitted = ml.Transforms.NormalizeMeanVariance(CsvDataView.FeaturesColumn).Append(trainer).Fit(data);
            model = fitted;
            parameters = fitted.LastTransformer.Model;
        }
        else
        {
            var fitted = trainer.Fit(data);
            model = fitted;
            parameters = fitted.Model;
        }
        progress?.Finish();
        ml.Model.Save(model, data.Schema, modelPath);

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data), CsvDataView.LabelColumn);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {table.Rows.Count} rows × {names.Length} features: {parameters.Optimizer}, {parameters.Iterations} iterations, " +
            $"{(parameters.Converged ? "converged" : "NOT converged (" + parameters.Model.Fit.Message + ")")}; objective {parameters.Objective:G10}; " +
            $"training accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4}; model written to {modelPath}"));
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, names, parameters, options, normalize);
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
    }

    private static void WriteJson(string path, string[] names, LogRegModelParameters p, LogRegOptions o, bool normalize)
    {
        using var stream = File.Create(path);
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
        json.WriteNumber("objective", p.Objective);
        json.WriteNumber("gradient_norm", p.GradientNorm);
        json.WriteNumber("iterations", p.Iterations);
        json.WriteBoolean("converged", p.Converged);
        json.WriteString("loss", p.Loss == LossKind.BinaryCrossEntropy ? "bce" : "mse");
        json.WriteString("optimizer", Optimizers.First(kv => kv.Value == p.Optimizer).Key);
        json.WriteNumber("l1", (double)o.L1Regularization);
        json.WriteNumber("l2", (double)o.L2Regularization);
        json.WriteString("normalize", normalize ? "meanvar" : "none");
        json.WriteString("termination", p.Termination.ToString());
        json.WriteEndObject();
    }
}
