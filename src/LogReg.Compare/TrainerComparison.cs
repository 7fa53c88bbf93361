using System.Diagnostics;
using LogReg.Core.Losses;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Compare;

/// <summary>Mean and standard deviation (n − 1 in the denominator) over folds.</summary>
public readonly record struct MeanSd(double Mean, double Sd)
{
    public static MeanSd Of(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MeanSd(mean, sd);
    }
}

/// <summary>One trainer's results over the folds.</summary>
public sealed record TrainerResult(string Trainer, IReadOnlyList<BinaryMetrics> Folds, IReadOnlyList<double> FitSeconds)
{
    public MeanSd Auc => MeanSd.Of(Folds.Select(f => f.Auc).ToList());

    public MeanSd Accuracy => MeanSd.Of(Folds.Select(f => f.Accuracy).ToList());

    public MeanSd F1 => MeanSd.Of(Folds.Select(f => f.F1).ToList());

    public MeanSd LogLoss => MeanSd.Of(Folds.Select(f => f.LogLoss).ToList());

    public MeanSd Fit => MeanSd.Of(FitSeconds);
}

/// <summary>The comparison table as data.</summary>
public sealed record ComparisonResult(int Folds, int Seed, IReadOnlyList<int> FoldOfRow, IReadOnlyList<TrainerResult> Results);

/// <summary>Which trainers, how many folds, which seed.</summary>
public sealed record ComparisonOptions
{
    public string LabelColumnName { get; init; } = "Label";

    public string FeatureColumnName { get; init; } = "Features";

    /// <summary>Number of stratified folds. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment (and of every MLContext). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A fold index (0 … Folds−1) for every row, to reuse folds made elsewhere; null: stratified folds from <see cref="Seed"/>.</summary>
    public IReadOnlyList<int>? FoldOfRow { get; init; }

    /// <summary>Trainer names to run (default: all of <see cref="TrainerComparison.TrainerNames"/>).</summary>
    public IReadOnlyList<string>? Trainers { get; init; }
}

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
    public const string LogRegBce = "LogReg BCE";
    public const string LogRegMse = "LogReg MSE";
    public const string MLNetLbfgs = "ML.NET LbfgsLogisticRegression";
    public const string MLNetSdca = "ML.NET SdcaLogisticRegression";
    public const string FastTree = "ML.NET FastTree";

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
        var (labels, features, size) = ReadAll(data, options.LabelColumnName, options.FeatureColumnName);
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

        var results = new List<TrainerResult>();
        foreach (var trainer in trainers)
        {
            var metrics = new List<BinaryMetrics>();
            var seconds = new List<double>();
            for (int k = 0; k < options.Folds; k++)
            {
                progress?.Report($"{trainer}: fold {k + 1}/{options.Folds}");
                var ml = new MLContext(seed: options.Seed);
                var trainRows = Enumerable.Range(0, labels.Length).Where(i => fold[i] != k).ToArray();
                var testRows = Enumerable.Range(0, labels.Length).Where(i => fold[i] == k).ToArray();
                var train = ml.Data.Cache(View(ml, trainRows, labels, features, size));
                var test = View(ml, testRows, labels, features, size);
                var estimator = Pipeline(ml, trainer, trainRows.Length);
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

    private static IEstimator<ITransformer> Pipeline(MLContext ml, string trainer, int trainRows)
    {
        // Centre and scale (fixZero: false), as StandardScaler does; ML.NET's default divides by the root mean square instead.
        var normalize = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false);
        return trainer switch
        {
            LogRegBce => normalize.Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Loss = LossKind.BinaryCrossEntropy })),
            LogRegMse => normalize.Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Loss = LossKind.MeanSquaredError })),
            MLNetLbfgs => normalize.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1 })),
            MLNetSdca => normalize.Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(
                new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 1f / trainRows, L1Regularization = 0 })),
            FastTree => ml.BinaryClassification.Trainers.FastTree(),
            _ => throw new ArgumentException($"Unknown trainer '{trainer}'."),
        };
    }

    private static IDataView View(MLContext ml, int[] rows, bool[] labels, float[][] features, int size)
    {
        var data = rows.Select(i => new Row { Label = labels[i], Features = features[i] }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    private static (bool[] Labels, float[][] Features, int Size) ReadAll(IDataView data, string labelName, string featureName)
    {
        var label = data.Schema.GetColumnOrNull(labelName)
            ?? throw new ArgumentException($"The label column '{labelName}' was not found.", nameof(data));
        var feature = data.Schema.GetColumnOrNull(featureName)
            ?? throw new ArgumentException($"The feature column '{featureName}' was not found.", nameof(data));
        if (label.Type is not BooleanDataViewType)
        {
            throw new ArgumentException($"Label column '{labelName}' has type {label.Type}; expected Boolean.", nameof(data));
        }
        if (feature.Type is not VectorDataViewType { ItemType: NumberDataViewType, IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentException($"Feature column '{featureName}' has type {feature.Type}; expected a known-size vector of Single.", nameof(data));
        }
        var labels = new List<bool>();
        var rows = new List<float[]>();
        using var cursor = data.GetRowCursor(new[] { label, feature });
        var getLabel = cursor.GetGetter<bool>(label);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(feature);
        bool y = false;
        var x = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getLabel(ref y);
            getFeatures(ref x);
            labels.Add(y);
            rows.Add(x.DenseValues().ToArray());
        }
        return (labels.ToArray(), rows.ToArray(), vector.Size);
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = Array.Empty<float>();
    }
}
