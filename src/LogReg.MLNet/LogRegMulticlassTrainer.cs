using LogReg.Core.Statistics;
using LogReg.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The multiclass estimator: <c>mlContext.MulticlassClassification.Trainers.LogReg(...)</c>. Fit reads
/// the data once (a key-typed label with K values), minimises the softmax cross-entropy
/// F(W, b) = Σᵢ sᵢ·[logsumexp(W·xᵢ + b) − (W·xᵢ + b)_{yᵢ}] + (L2/2)·‖W‖² + L1·‖W‖₁ with this library's
/// optimizers, and returns ML.NET's own multiclass transformer over <see cref="MaximumEntropyModelParameters"/>
/// — the types <c>LbfgsMaximumEntropy</c> returns — so Evaluate, CrossValidate, PFI, PredictionEngine,
/// Save/Load and ONNX export work as for ML.NET's trainer, and a saved model loads in plain ML.NET.
/// The double-precision model and the fit report: <c>transformer.Model.LogRegDetails()</c>.
/// </summary>
public sealed class LogRegMulticlassTrainer : ITrainerEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>, MaximumEntropyModelParameters>
{
    private readonly IHost _host;
    private readonly LogRegMulticlassOptions _options;

    internal LogRegMulticlassTrainer(IHostEnvironment env, LogRegMulticlassOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        _host = env.Register("LogReg");
        _options = options.Clone();
        _options.ValidateColumnNames();
        MLNetInterop.EnsureAvailable();
    }

    /// <summary>A copy of the options this trainer uses.</summary>
    public LogRegMulticlassOptions Options => _options.Clone();

    /// <summary>What ML.NET's tools read: no normalisation, calibration or caching needed; warm start supported.</summary>
    public TrainerInfo Info => MLNetInterop.TrainerInfo;

    /// <summary>Reads <paramref name="input"/> once, trains, and returns ML.NET's multiclass prediction transformer.</summary>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView input) => Train(input, null);

    /// <summary>
    /// Warm start from a multiclass linear model of ML.NET's (<c>LbfgsMaximumEntropy</c>'s, ours, or
    /// one loaded from disk) with the same classes and features.
    /// </summary>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView trainData, MaximumEntropyModelParameters modelParameters)
    {
        ArgumentNullException.ThrowIfNull(modelParameters);
        VBuffer<float>[] weights = [];
        modelParameters.GetWeights(ref weights, out int classes);
        var start = weights.Take(classes).SelectMany(w => w.DenseValues().Select(v => (double)v))
            .Concat(modelParameters.GetBiases().Select(b => (double)b)).ToArray();
        return Train(trainData, start);
    }

    /// <summary>Warm start from an earlier softmax model of this library (<c>LogRegDetails().Model</c>).</summary>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView trainData, SoftmaxModel initialModel)
    {
        ArgumentNullException.ThrowIfNull(initialModel);
        return Train(trainData, initialModel.ToParameters());
    }

    private MulticlassPredictionTransformer<MaximumEntropyModelParameters> Train(IDataView input, double[]? initial)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        using var channel = _host.Start("Training");
        var (data, skipped, returnArrays) = TrainingSetReader.ReadMulticlass(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName,
            o.ToTrainerOptions(0, null, null).ResolvedThreads, o.BufferPool, o.CancellationToken);
        if (skipped > 0)
        {
            channel.Warning(MessageSensitivity.None,
                $"Skipped {skipped} row(s) with a missing label in '{o.LabelColumnName}' or a NaN in '{o.FeatureColumnName}'" +
                (o.ExampleWeightColumnName is null ? "" : $" or '{o.ExampleWeightColumnName}'") + ".");
        }
        int seed = o.Seed ?? _host.Rand.Next();
        var trainerOptions = o.ToTrainerOptions(seed, new TrainingChannel.Progress(channel, o.Progress), e => TrainingChannel.Log(channel, e)) with
        {
            InitialParameters = initial ?? o.RandomStart(data.ClassCount * data.FeatureCount, data.ClassCount, seed),
        };
        var fit = SoftmaxRegressionTrainer.Train(data, trainerOptions);
        var statistics = o.ShowTrainingStatistics ? MultinomialStatisticsCalculator.Compute(data, fit, trainerOptions.ResolvedThreads, trainerOptions.CancellationToken) : null;
        // Nothing reads the copy after this point (the fit, its report and the statistics hold no rows).
        returnArrays();
        var model = fit.Model;
        var weights = Enumerable.Range(0, model.ClassCount)
            .Select(k => new VBuffer<float>(model.FeatureCount, model.WeightsOf(k).ToArray().Select(w => (float)w).ToArray())).ToArray();
        var biases = model.Biases.Select(b => (float)b).ToArray();
        if (!weights.All(w => w.DenseValues().All(float.IsFinite)) || !biases.All(float.IsFinite))
        {
            throw new InvalidOperationException(
                $"Training produced weights that a float cannot hold ({fit.Report.Optimization.Termination}); no model is returned. " +
                $"Remedies: {RemedyWording.Describe(fit.Report.Optimization.Remedies | Core.Optimization.Remedy.StandardizeFeatures)}.");
        }
        var classNames = model.ClassNames.SequenceEqual(Enumerable.Range(0, model.ClassCount).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ? null : model.ClassNames.ToArray();
        // ML.NET's own record, as LbfgsMaximumEntropy makes it: its parameter count is the K biases and the non-zero weights.
        var record = statistics is null ? null : MLNetInterop.CreateStatistics(_host, data.RowCount, biases.Length + weights.Sum(w => w.DenseValues().Count(v => v != 0)),
            (float)statistics.Deviance, (float)statistics.NullDeviance, null, [], 0f);
        var scorer = MLNetInterop.CreateMulticlassScorer(_host, weights, biases, model.FeatureCount, classNames, input.Schema, o.FeatureColumnName, o.LabelColumnName, record);
        LogRegModelDetails.Attach(scorer.Model, new LogRegMulticlassModelParameters(fit, data.RowCount, skipped, statistics));
        return scorer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        // The output columns, their types and annotations are exactly those of ML.NET's multiclass linear trainers.
        return new MLContext().MulticlassClassification.Trainers
            .LbfgsMaximumEntropy(_options.LabelColumnName, _options.FeatureColumnName, _options.ExampleWeightColumnName)
            .GetOutputSchema(inputSchema);
    }
}
