using System.Globalization;
using System.Text.Json;
using LogReg.Compare;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>What a fitted model reached, measured the same way for every trainer.</summary>
public sealed record QualityRecord(string Benchmark, string Method, string Dataset, double Objective, double TestAuc, double TestLogLoss, double TestAccuracy = double.NaN);

/// <summary>
/// One shared evaluator, in double: the objective F(w, b) = Σ BCE + ½‖w‖² (L2 = 1, the objective
/// every trainer is configured for) on the training rows, and AUC / log-loss (nats) on the test
/// rows. Benchmarks write one record per case (in their GlobalCleanup, outside any timing) to a
/// folder the host reads when it prints the summary.
/// </summary>
public static class Quality
{
    public static string Folder => Path.Combine(Path.GetTempPath(), "logreg-benchmark-quality");

    /// <summary>Records may hold NaN (no AUC for multiclass).</summary>
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The weights and bias of any linear model this suite fits.</summary>
    public static (double[] Weights, double Bias) Parameters(ITransformer model) => model switch
    {
        BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> { Model: var m } when m.LogRegDetails() is { } ours =>
            (ours.Weights.ToArray(), ours.Bias),
        BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> builtIn =>
            (builtIn.Model.SubModel.Weights.Select(w => (double)w).ToArray(), builtIn.Model.SubModel.Bias),
        _ => throw new ArgumentException($"No linear parameters in {model.GetType().Name}."),
    };

    public static void Record(string benchmark, string method, BenchData data, ITransformer model)
    {
        var (w, b) = Parameters(model);
        var theta = w.Append(b).ToArray();
        double objective = ObjectiveFactory.Create(data.Train, LossKind.BinaryCrossEntropy, l2: 1, threads: 1).SmoothValue(theta);
        var (auc, logLoss) = TestMetrics(data.Test, w, b);
        Directory.CreateDirectory(Folder);
        var record = new QualityRecord(benchmark, method, data.Name, objective, auc, logLoss);
        File.WriteAllText(Path.Combine(Folder, $"{benchmark}-{method}-{data.Name}.json"), JsonSerializer.Serialize(record, Json));
    }

    public static (double Auc, double LogLoss) TestMetrics(TrainingSet test, double[] w, double b)
    {
        var labels = new bool[test.RowCount];
        var scores = new double[test.RowCount];
        var probabilities = new double[test.RowCount];
        for (int i = 0; i < test.RowCount; i++)
        {
            scores[i] = test.Features.Dot(i, w) + b;
            probabilities[i] = StableMath.Sigmoid(scores[i]);
            labels[i] = test.Labels[i] == 1;
        }
        var m = BinaryMetrics.Compute(labels, scores, probabilities);
        return (m.Auc, m.LogLoss);
    }

    public static IReadOnlyList<QualityRecord> ReadAll()
    {
        if (!Directory.Exists(Folder))
        {
            return Array.Empty<QualityRecord>();
        }
        return Directory.GetFiles(Folder, "*.json")
            .Select(f => JsonSerializer.Deserialize<QualityRecord>(File.ReadAllText(f), Json)!)
            .ToList();
    }

    public static void Clear()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public static string Format(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
}
