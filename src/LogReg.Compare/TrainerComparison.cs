using System.Diagnostics;
using LogReg.Core.Losses;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Compare;

/// <summary>
/// Stratified k-fold cross-validation with identical folds for: this trainer with BCE and with MSE,
/// ML.NET's LbfgsLogisticRegression and SdcaLogisticRegression, and FastTree as a non-linear
/// reference. The linear trainers get mean-variance normalisation fitted on each training fold;
/// FastTree gets the raw features. All linear trainers use L2 = 1, L1 = 0 in this library's
/// objective (SDCA's own L2 is per example, so it gets 1/n_train for the same objective).
/// Metrics are computed by <see cref="BinaryMetrics"/> (log-loss in nats).
/// </summary>
public static class TrainerComparison
{
    /// <summary>This trainer with binary cross-entropy.</summary>
    public const string LogRegBce = "LogReg BCE";
    /// <summary>This trainer with squared error on the sigmoid.</summary>
    public const string LogRegMse = "LogReg MSE";
    /// <summary>ML.NET's LbfgsLogisticRegression.</summary>
    public const string MLNetLbfgs = "ML.NET LbfgsLogisticRegression";
    /// <summary>ML.NET's SdcaLogisticRegression.</summary>
    public const string MLNetSdca = "ML.NET SdcaLogisticRegression";
    /// <summary>ML.NET's FastTree (non-linear reference).</summary>
    public const string FastTree = "ML.NET FastTree";

    /// <summary>Every trainer the comparison knows, in table order.</summary>
    public static readonly IReadOnlyList<string> TrainerNames = new[] { LogRegBce, LogRegMse, MLNetLbfgs, MLNetSdca, FastTree };

    /// <summary>Runs the comparison on <paramref name="data"/> (a Boolean label and a known-size Single vector).</summary>
    public static ComparisonResult Run(IDataView data, ComparisonOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ComparisonOptions();
        var trainers = options.Trainers ?? TrainerNames;
        foreach (var t in trainers)
        {
            if (!TrainerNames.Contains(t))
            {
                throw new ArgumentException($"Unknown trainer '{t}'; expected one of: {string.Join(", ", TrainerNames)}.", nameof(options));
            }
        }
        var set = TrainingSetReader.Read(data, options.LabelColumnName, options.FeatureColumnName, null).Data;
        var labels = set.Labels.Select(y => y == 1.0).ToArray();
        int[] fold;
        if (options.FoldOfRow is { } given)
        {
            if (given.Count != labels.Length || given.Any(f => f < 0 || f >= options.Folds))
            {
                throw new ArgumentException($"FoldOfRow needs one fold index in [0, {options.Folds}) per row ({labels.Length} rows).", nameof(options));
            }
            fold = given.ToArray();
        }
        else
        {
            fold = StratifiedFolds.Assign(labels, options.Folds, options.Seed);
        }

        // Each fold's data once, shared by every trainer.
        var splits = Enumerable.Range(0, options.Folds).Select(k =>
        {
            var trainRows = Enumerable.Range(0, labels.Length).Where(i => fold[i] != k).ToArray();
            var testRows = Enumerable.Range(0, labels.Length).Where(i => fold[i] == k).ToArray();
            var (trainSet, testSet) = options.FoldFeatures?.Invoke(trainRows, testRows) ?? (set.SelectRows(trainRows), set.SelectRows(testRows));
            return (TrainRows: trainRows, TestRows: testRows, Train: trainSet, Test: testSet);
        }).ToArray();

        var results = new List<TrainerResult>();
        var pool = new TrainingBufferPool(); // the folds' fits reuse one copy's memory
        foreach (var trainer in trainers)
        {
            var metrics = new List<BinaryMetrics>();
            var seconds = new List<double>();
            for (int k = 0; k < options.Folds; k++)
            {
                progress?.Report($"{trainer}: fold {k + 1}/{options.Folds}");
                var ml = new MLContext(seed: options.Seed);
                var (trainRows, testRows, trainSet, testSet) = splits[k];
                var train = ml.Data.Cache(trainSet.ToDataView(ml));
                var test = testSet.ToDataView(ml);
                var estimator = Pipeline(ml, trainer, trainRows.Length, pool);
                var clock = Stopwatch.StartNew();
                var model = estimator.Fit(train);
                clock.Stop();
                var scored = model.Transform(test);
                var score = scored.GetColumn<float>("Score").Select(v => (double)v).ToArray();
                var probability = scored.GetColumn<float>("Probability").Select(v => (double)v).ToArray();
                metrics.Add(BinaryMetrics.Compute(testRows.Select(i => labels[i]).ToArray(), score, probability));
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            results.Add(new TrainerResult(trainer, metrics, seconds));
        }
        return new ComparisonResult(options.Folds, options.Seed, fold, results);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, string trainer, int trainRows, TrainingBufferPool pool)
    {
        // Centre and scale (fixZero: false), as StandardScaler does; ML.NET's default divides by the root mean square instead.
        var normalize = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false);
        return trainer switch
        {
            LogRegBce => normalize.Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Loss = LossKind.BinaryCrossEntropy, BufferPool = pool })),
            LogRegMse => normalize.Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Loss = LossKind.MeanSquaredError, BufferPool = pool })),
            MLNetLbfgs => normalize.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1 })),
            MLNetSdca => normalize.Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(
                new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 1f / trainRows, L1Regularization = 0 })),
            FastTree => ml.BinaryClassification.Trainers.FastTree(),
            _ => throw new ArgumentException($"Unknown trainer '{trainer}'."),
        };
    }
}
