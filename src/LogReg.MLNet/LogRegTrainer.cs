using System.Globalization;
using LogReg.Core.Optimization;
using LogReg.Core.Statistics;
using LogReg.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace LogReg.MLNet;

/// <summary>
/// The estimator: <c>mlContext.BinaryClassification.Trainers.LogReg(...)</c>. Fit reads the data
/// once, minimises F(w, b) = Σᵢ sᵢ·ℓ(yᵢ, σ(w·xᵢ + b)) + (L2/2)·‖w‖² + L1·‖w‖₁ with the chosen loss
/// and optimizer, and returns a <see cref="LogRegTransformer"/>. Progress and warnings go to
/// <c>MLContext.Log</c> (source "LogReg").
/// </summary>
public sealed class LogRegTrainer : IEstimator<LogRegTransformer>
{
    private readonly IHost _host;
    private readonly LogRegOptions _options;

    internal LogRegTrainer(IHostEnvironment env, LogRegOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        _host = env.Register("LogReg");
        _options = options.Clone();
        Validate(_options);
        MLNetInterop.EnsureAvailable();
    }

    /// <summary>A copy of the options this trainer uses.</summary>
    public LogRegOptions Options => _options.Clone();

    public LogRegTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        using var channel = _host.Start("Training");
        var read = TrainingSetReader.Read(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName);
        if (read.SkippedRows > 0)
        {
            channel.Warning(MessageSensitivity.None,
                $"Skipped {read.SkippedRows} row(s) with a missing (NaN) value in '{o.FeatureColumnName}'" +
                (o.ExampleWeightColumnName is null ? "" : $" or '{o.ExampleWeightColumnName}'") + ".");
        }
        if (read.Data.RowCount == 0)
        {
            throw new ArgumentException(
                $"The training data has no usable rows (read {read.SkippedRows} row(s) with a missing value, 0 without); " +
                $"label column '{o.LabelColumnName}' needs rows of both classes.", nameof(input));
        }
        var (positive, negative) = read.Data.ClassWeights();
        if (positive <= 0 || negative <= 0)
        {
            throw new ArgumentException(
                $"Label column '{o.LabelColumnName}' holds a single class (every usable row is {(positive > 0 ? "true" : "false")}); " +
                "binary classification needs rows of both classes.", nameof(input));
        }

        if (o.ShowTrainingStatistics && read.Data.FeatureCount + 1 > StatisticsCalculator.MaximumParameters)
        {
            throw new ArgumentException(
                $"ShowTrainingStatistics needs a dense covariance matrix; feature column '{o.FeatureColumnName}' has {read.Data.FeatureCount} slots, " +
                $"above the {StatisticsCalculator.MaximumParameters - 1} supported. Train without statistics.", nameof(input));
        }
        var progress = o.Progress;
        var trainerOptions = new TrainerOptions
        {
            Loss = o.Loss,
            Optimizer = o.Optimizer,
            L1Regularization = o.L1Regularization,
            L2Regularization = o.L2Regularization,
            OptimizationTolerance = o.OptimizationTolerance,
            MaximumNumberOfIterations = o.MaximumNumberOfIterations,
            NumberOfThreads = o.NumberOfThreads,
            LearningRate = o.LearningRate,
            BatchSize = o.BatchSize,
            HistorySize = o.HistorySize,
            Seed = o.Seed ?? _host.Rand.Next(),
            CancellationToken = o.CancellationToken,
            Progress = new ChannelProgress(channel, progress),
            Log = line =>
            {
                if (line.StartsWith("Warning", StringComparison.Ordinal))
                {
                    channel.Warning(MessageSensitivity.None, line);
                }
                else
                {
                    channel.Info(MessageSensitivity.None, line);
                }
            },
        };
        var model = LogisticRegressionTrainer.Train(read.Data, trainerOptions);
        ModelStatistics? statistics = null;
        if (o.ShowTrainingStatistics)
        {
            statistics = StatisticsCalculator.Compute(read.Data, model);
            foreach (var warning in statistics.Warnings)
            {
                channel.Warning(MessageSensitivity.None, "Training statistics: " + warning);
            }
        }
        return new LogRegTransformer(_host, new LogRegModelParameters(model, read.SkippedRows, statistics), input.Schema, o.FeatureColumnName);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var o = _options;
        CheckShape(inputSchema, o.LabelColumnName, "label", c => c.Kind == SchemaShape.Column.VectorKind.Scalar && c.ItemType is BooleanDataViewType, "Boolean");
        CheckShape(inputSchema, o.FeatureColumnName, "feature",
            c => c.Kind == SchemaShape.Column.VectorKind.Vector && c.ItemType == NumberDataViewType.Single, "a known-size vector of Single");
        if (o.ExampleWeightColumnName is not null)
        {
            CheckShape(inputSchema, o.ExampleWeightColumnName, "example weight",
                c => c.Kind == SchemaShape.Column.VectorKind.Scalar && c.ItemType == NumberDataViewType.Single, "Single");
        }
        // The output columns and their annotations are exactly those of ML.NET's calibrated binary trainers.
        return new MLContext().BinaryClassification.Trainers
            .LbfgsLogisticRegression(o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName)
            .GetOutputSchema(inputSchema);
    }

    private static void CheckShape(SchemaShape shape, string name, string role, Func<SchemaShape.Column, bool> ok, string expected)
    {
        var matches = shape.Where(c => c.Name == name).ToList();
        if (matches.Count == 0)
        {
            throw new ArgumentException($"The {role} column '{name}' was not found in the input schema.", "inputSchema");
        }
        var column = matches[^1];
        if (!ok(column))
        {
            throw new ArgumentException($"The {role} column '{name}' has type {column.ItemType} ({column.Kind}); expected {expected}.", "inputSchema");
        }
    }

    private static void Validate(LogRegOptions o)
    {
        static void Require(bool ok, string option, object? value, string expected)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(option, value, $"{option} is {Convert.ToString(value, CultureInfo.InvariantCulture)}; expected {expected}.");
            }
        }

        Require(!string.IsNullOrWhiteSpace(o.LabelColumnName), nameof(o.LabelColumnName), o.LabelColumnName, "a column name");
        Require(!string.IsNullOrWhiteSpace(o.FeatureColumnName), nameof(o.FeatureColumnName), o.FeatureColumnName, "a column name");
        Require(o.ExampleWeightColumnName is null || o.ExampleWeightColumnName.Trim().Length > 0, nameof(o.ExampleWeightColumnName), o.ExampleWeightColumnName, "a column name or null");
        Require(Enum.IsDefined(o.Loss), nameof(o.Loss), o.Loss, "BinaryCrossEntropy or MeanSquaredError");
        Require(Enum.IsDefined(o.Optimizer), nameof(o.Optimizer), o.Optimizer, "Auto, GradientDescent, MiniBatchSgd, Newton or Lbfgs");
        Require(float.IsFinite(o.L1Regularization) && o.L1Regularization >= 0, nameof(o.L1Regularization), o.L1Regularization, "a finite number ≥ 0");
        Require(float.IsFinite(o.L2Regularization) && o.L2Regularization >= 0, nameof(o.L2Regularization), o.L2Regularization, "a finite number ≥ 0");
        Require(float.IsFinite(o.OptimizationTolerance) && o.OptimizationTolerance > 0, nameof(o.OptimizationTolerance), o.OptimizationTolerance, "a finite number > 0");
        Require(o.MaximumNumberOfIterations is null || o.MaximumNumberOfIterations >= 1, nameof(o.MaximumNumberOfIterations), o.MaximumNumberOfIterations, "at least 1");
        Require(o.NumberOfThreads is null || o.NumberOfThreads >= 1, nameof(o.NumberOfThreads), o.NumberOfThreads, "at least 1");
        Require(o.LearningRate is null || (float.IsFinite(o.LearningRate.Value) && o.LearningRate > 0), nameof(o.LearningRate), o.LearningRate, "a finite number > 0");
        Require(o.BatchSize >= 1, nameof(o.BatchSize), o.BatchSize, "at least 1");
        Require(o.HistorySize >= 1, nameof(o.HistorySize), o.HistorySize, "at least 1");
        Require(!(o.ShowTrainingStatistics && o.L1Regularization > 0), nameof(o.ShowTrainingStatistics), o.ShowTrainingStatistics,
            "false when L1Regularization > 0 (statistics are defined for L2-regularised or unpenalised fits)");
        Require(!(o.Optimizer == OptimizerKind.Newton && o.L1Regularization > 0), nameof(o.L1Regularization), o.L1Regularization,
            "0 with the Newton optimizer (use Lbfgs, which runs OWL-QN, for L1)");
    }

    // Sends each iteration to MLContext.Log (Trace level) and to the user's IProgress, if any.
    private sealed class ChannelProgress : IProgress<IterationRecord>
    {
        private readonly IChannel _channel;
        private readonly IProgress<IterationRecord>? _user;

        public ChannelProgress(IChannel channel, IProgress<IterationRecord>? user)
        {
            _channel = channel;
            _user = user;
        }

        public void Report(IterationRecord value)
        {
            _channel.Trace(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
                $"iteration {value.Iteration}: objective {value.Objective:R}, |grad| {value.GradientNorm:G4}, step {value.StepSize:G4}, {value.Elapsed.TotalMilliseconds:F1} ms"));
            _user?.Report(value);
        }
    }
}
