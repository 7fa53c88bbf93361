using System.Globalization;
using LogReg.Core.Optimization;
using LogReg.Core.Statistics;
using LogReg.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using CalibratedLinearModel = Microsoft.ML.Calibrators.CalibratedModelParametersBase<
    Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>;

namespace LogReg.MLNet;

/// <summary>
/// The estimator: <c>mlContext.BinaryClassification.Trainers.LogReg(...)</c>. Fit reads the data
/// once, minimises F(w, b) = Σᵢ sᵢ·ℓ(yᵢ, σ(w·xᵢ + b)) + (L2/2)·‖w‖² + L1·‖w‖₁ with the chosen loss
/// and optimizer. Progress and warnings go to <c>MLContext.Log</c> (source "LogReg").
/// <para>
/// It is an ML.NET binary trainer in the full sense (<see cref="ITrainerEstimator{TTransformer, TModel}"/>
/// with the same transformer and model types as <c>LbfgsLogisticRegression</c>), so it goes wherever
/// ML.NET takes one: pipelines, <c>OneVersusAll</c>, <c>PairwiseCoupling</c>, <c>CrossValidate</c>.
/// <see cref="FitWithReport"/> returns the richer <see cref="LogRegTransformer"/>; from any fitted
/// model, <see cref="LogRegModelDetails.LogRegDetails(CalibratedModelParametersBase)"/> finds the same report.
/// </para>
/// </summary>
public sealed class LogRegTrainer : ITrainerEstimator<BinaryPredictionTransformer<CalibratedLinearModel>, CalibratedLinearModel>
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

    /// <summary>What ML.NET's meta-trainers and tools read: no normalisation, calibration or caching needed; warm start supported.</summary>
    public TrainerInfo Info => MLNetInterop.TrainerInfo;

    /// <summary>
    /// Reads <paramref name="input"/> once, trains, and returns ML.NET's binary prediction transformer
    /// (as <c>LbfgsLogisticRegression</c> does); <c>Model.SubModel.Statistics</c> is set when
    /// <see cref="LogRegOptions.ShowTrainingStatistics"/> is.
    /// </summary>
    public BinaryPredictionTransformer<CalibratedLinearModel> Fit(IDataView input) => FitWithReport(input).Scorer;

    /// <summary>
    /// Warm start from ML.NET linear model parameters (e.g. <c>LbfgsLogisticRegression</c>'s, ours,
    /// or a calibrated model's <c>SubModel</c> loaded from disk), as ML.NET's linear trainers take them.
    /// </summary>
    public BinaryPredictionTransformer<CalibratedLinearModel> Fit(IDataView trainData, LinearModelParameters modelParameters)
    {
        ArgumentNullException.ThrowIfNull(modelParameters);
        return Train(trainData, modelParameters.Weights.Select(w => (double)w).Append(modelParameters.Bias).ToArray()).Scorer;
    }

    /// <summary>
    /// Trains and returns this library's transformer: the ML.NET scorer (<see cref="LogRegTransformer.Scorer"/>)
    /// with the double-precision model, fit report and full statistics. With <paramref name="initialModel"/>
    /// (e.g. an earlier <c>transformer.Model.Model</c>) the optimizer starts at its weights and bias.
    /// </summary>
    public LogRegTransformer FitWithReport(IDataView trainData, LogisticModel? initialModel = null) =>
        Train(trainData, initialModel?.ToParameters());

    private LogRegTransformer Train(IDataView input, double[]? initial)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        using var channel = _host.Start("Training");
        long budget = MemoryBudget.Bytes(o.MemoryBudgetMegabytes);
        // Counted once here when the view does not know its length; the in-memory read reuses the count.
        long? rows = budget == 0 ? null : input.GetRowCount() ?? TrainingSetReader.CountRows(input, o.CancellationToken);
        long estimate = rows is long n ? MemoryBudget.EstimateBytes(input, o.FeatureColumnName, n, budget, o.CancellationToken) : 1;
        if (estimate > budget)
        {
            return TrainStreamed(input, initial, channel, budget, estimate);
        }
        // The first large fit of its kind in the process compiles its optimizer on another thread while the data are
        // read; the reader says at the first row whether they are sparse.
        var core = o.ToTrainerOptions(0, null, null);
        Action<bool>? rehearse = rows is long count && o.RehearseColdStart
            ? sparse => ColdStartRehearsal.StartIfUseful(core, count, SchemaChecks.FeatureCount(input.Schema, o.FeatureColumnName), sparse,
                fit => _ = new LogRegTransformer(new MLContext(0), new LogRegModelParameters(fit, 1, 0), input.Schema, o.FeatureColumnName))
            : null;
        var read = TrainingSetReader.Read(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName, rows,
            core.ResolvedThreads, rehearse, o.BufferPool, o.CancellationToken);
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

        int seed = o.Seed ?? _host.Rand.Next();
        var trainerOptions = o.ToTrainerOptions(seed, new TrainingChannel.Progress(channel, o.Progress), logEvent => TrainingChannel.Log(channel, logEvent)) with
        {
            InitialParameters = initial ?? o.RandomStart(read.Data.FeatureCount, 1, seed),
        };
        var fit = LogisticRegressionTrainer.Train(read.Data, trainerOptions);
        ModelStatistics? statistics = null;
        if (o.ShowTrainingStatistics)
        {
            statistics = StatisticsCalculator.Compute(read.Data, fit, cancellationToken: trainerOptions.CancellationToken);
            foreach (var warning in statistics.Warnings)
            {
                channel.Warning(MessageSensitivity.None, "Training statistics: " + warning);
            }
        }
        // Nothing reads the copy after this point (the fit, report and statistics hold no rows).
        read.ReturnArrays?.Invoke();
        return new LogRegTransformer(_host, new LogRegModelParameters(fit, read.Data.RowCount, read.SkippedRows, statistics), input.Schema, o.FeatureColumnName);
    }

    // Data over the memory budget: every pass reads the view again (see LogRegOptions.MemoryBudgetMegabytes).
    private LogRegTransformer TrainStreamed(IDataView input, double[]? initial, IChannel channel, long budget, long estimate)
    {
        var o = _options;
        if (o.ShowTrainingStatistics)
        {
            throw new ArgumentOutOfRangeException(nameof(o.ShowTrainingStatistics), true,
                $"ShowTrainingStatistics is true, but the training data (about {estimate >> 20} MB in memory) exceed MemoryBudgetMegabytes " +
                $"({budget >> 20} MB) and are streamed; statistics need the rows in memory. Raise MemoryBudgetMegabytes or set ShowTrainingStatistics = false.");
        }
        var d = SchemaChecks.FeatureCount(input.Schema, o.FeatureColumnName);
        var source = new DataViewBlockSource(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName, MemoryBudget.BlockRows(budget, d));
        channel.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
            $"The training data (about {estimate / 1048576.0:F0} MB in memory) exceed MemoryBudgetMegabytes ({budget / 1048576.0:F0} MB): " +
            $"streaming them in blocks of {source.BlockRows} rows, one read of the view per pass."));
        int seed = o.Seed ?? _host.Rand.Next();
        var trainerOptions = o.ToTrainerOptions(seed, new TrainingChannel.Progress(channel, o.Progress), logEvent => TrainingChannel.Log(channel, logEvent)) with
        {
            InitialParameters = initial ?? o.RandomStart(d, 1, seed),
        };
        var fit = StreamingTraining.Train(source, trainerOptions);
        if (source.SkippedRows > 0)
        {
            channel.Warning(MessageSensitivity.None,
                $"Skipped {source.SkippedRows} row(s) with a missing (NaN) value in '{o.FeatureColumnName}'" +
                (o.ExampleWeightColumnName is null ? "" : $" or '{o.ExampleWeightColumnName}'") + ".");
        }
        return new LogRegTransformer(_host, new LogRegModelParameters(fit, source.RowCount, source.SkippedRows), input.Schema, o.FeatureColumnName);
    }

    /// <inheritdoc/>
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

    // Options valid on their own (LogRegOptionsBase.ValidateColumnNames) may still not go together.
    private static void Validate(LogRegOptions o)
    {
        o.ValidateColumnNames();
    }
}
