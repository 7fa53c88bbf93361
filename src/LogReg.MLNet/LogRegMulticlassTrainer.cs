using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The multiclass estimator: <c>mlContext.MulticlassClassification.Trainers.LogReg(...)</c>. Fit reads
/// the data once (a key-typed label with K values; over <see cref="LogRegOptionsBase.MemoryBudgetMegabytes"/> it streams them, one
/// read per pass), minimises the softmax cross-entropy
/// F(W, b) = Σᵢ sᵢ·[logsumexp(W·xᵢ + b) − (W·xᵢ + b)_{yᵢ}] + (L2/2)·‖W‖² + L1·‖W‖₁ with this library's
/// optimizers, and returns ML.NET's own multiclass transformer over <see cref="MaximumEntropyModelParameters"/>
/// — the types <c>LbfgsMaximumEntropy</c> returns — so Evaluate, CrossValidate, PFI, PredictionEngine,
/// Save/Load and ONNX export work as for ML.NET's trainer, and a saved model loads in plain ML.NET.
/// The double-precision model and the fit report: <c>transformer.Model.LogRegDetails()</c>.
/// </summary>
public sealed class LogRegMulticlassTrainer : LogRegTrainerBase<LogRegMulticlassOptions>,
    ITrainerEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>, MaximumEntropyModelParameters>
{
    internal LogRegMulticlassTrainer(IHostEnvironment env, LogRegMulticlassOptions options)
        : base(env, options)
    {
    }

    /// <summary>Reads <paramref name="input"/> once, trains, and returns ML.NET's multiclass prediction transformer.</summary>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView input) => Train(input, null).Scorer;

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
        return Train(trainData, start).Scorer;
    }

    /// <summary>Warm start from an earlier softmax model of this library (<c>LogRegDetails().Model</c>).</summary>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView trainData, SoftmaxModel initialModel)
    {
        ArgumentNullException.ThrowIfNull(initialModel);
        return Train(trainData, initialModel.ToParameters()).Scorer;
    }

    /// <summary>
    /// Trains and returns ML.NET's transformer (<see cref="LogRegMulticlassFit.Scorer"/>) with this library's account of the
    /// fit: the double-precision model, the fit report and, when asked for, the statistics. With <paramref name="initialModel"/>
    /// the optimizer starts at its weights and biases.
    /// </summary>
    public LogRegMulticlassFit FitWithReport(IDataView trainData, SoftmaxModel? initialModel = null) => Train(trainData, initialModel?.ToParameters());

    private LogRegMulticlassFit Train(IDataView input, double[]? initial) =>
        new EstimatorCore<SoftmaxModel, LogRegMulticlassFit>(Host, Settings, new MulticlassTrainerFamily()).Train(input, initial);

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        // The output columns, their types and annotations are exactly those of ML.NET's multiclass linear trainers.
        return new MLContext().MulticlassClassification.Trainers
            .LbfgsMaximumEntropy(Settings.LabelColumnName, Settings.FeatureColumnName, Settings.ExampleWeightColumnName)
            .GetOutputSchema(inputSchema);
    }
}
