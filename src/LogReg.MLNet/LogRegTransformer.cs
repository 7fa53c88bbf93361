using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The fitted model in a pipeline. Adds Score (w·x + b), Probability (σ(Score)) and
/// PredictedLabel (Score &gt; 0) with the annotations ML.NET's evaluators expect.
/// <para>
/// Rows are scored by an equivalent ML.NET scorer (<see cref="LinearBinaryModelParameters"/> with a
/// Platt calibrator of slope −1, offset 0; see <see cref="MLNetInterop"/>), and
/// <c>mlContext.Model.Save</c> writes that scorer: the saved file is a plain ML.NET model, which
/// <c>mlContext.Model.Load</c> reads back (as ML.NET's BinaryPredictionTransformer) without this
/// library.
/// </para>
/// </summary>
public sealed class LogRegTransformer : ISingleFeaturePredictionTransformer<LogRegModelParameters>
{
    private readonly BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> _scorer;
    private readonly int _featureCount;

    internal LogRegTransformer(IHostEnvironment env, LogRegModelParameters model, DataViewSchema trainingSchema, string featureColumnName)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        FeatureColumnType = trainingSchema[featureColumnName].Type;
        _featureCount = model.Model.FeatureCount;
        var weights = model.Model.Weights.Select(w => (float)w).ToArray();
        if (!weights.All(float.IsFinite) || !float.IsFinite((float)model.Bias))
        {
            var result = model.Report.Optimization;
            throw new InvalidOperationException(
                $"Training produced weights that a float cannot hold ({result.Termination}: {Core.Optimization.Remedies.Explain(result.Termination)}); " +
                $"no model is returned. Remedies: {RemedyWording.Describe(result.Remedies | Core.Optimization.Remedy.StandardizeFeatures)}.");
        }
        var statistics = model.Statistics is null ? null : MLNetStatistics.From(env, model.Statistics, model.RowCount, weights, (float)model.Bias);
        _scorer = MLNetInterop.CreateScorer(env, weights, (float)model.Bias, statistics, trainingSchema, featureColumnName);
        LogRegModelDetails.Attach(_scorer.Model.SubModel, model);
    }

    /// <summary>
    /// The transformer of a model fitted outside <see cref="LogRegTrainer"/> — e.g. by LogReg.Distributed
    /// over shards, or by <see cref="Core.Training.StreamingTraining"/> on a custom source — so it scores,
    /// saves (<see cref="LogRegModelFile"/>) and reloads like any other. <paramref name="trainingSchema"/>
    /// needs the feature column (its slot names are kept for scoring by name).
    /// </summary>
    public static LogRegTransformer FromFit(MLContext mlContext, Core.Training.FitResult<Core.Training.LogisticModel> fit, DataViewSchema trainingSchema, long rowCount,
        string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(trainingSchema);
        SchemaChecks.Features(trainingSchema, featureColumnName, fit.Model.FeatureCount);
        return new LogRegTransformer(mlContext, new LogRegModelParameters(fit, rowCount, 0), trainingSchema, featureColumnName);
    }

    /// <summary>The learned model and its fit report.</summary>
    public LogRegModelParameters Model { get; }

    /// <summary>The feature column the model reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The type of that column at training time.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>True: scoring maps row to row.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>
    /// The ML.NET transformer this one delegates to and saves — what <see cref="LogRegTrainer.Fit(IDataView)"/>
    /// returns. Its <c>Model.SubModel.Statistics</c> holds ML.NET's form of <see cref="LogRegFitDetails{TModel, TStatistics}.Statistics"/>.
    /// </summary>
    public BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> Scorer => _scorer;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        Check(inputSchema);
        return _scorer.GetOutputSchema(inputSchema);
    }

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Check(input.Schema);
        return _scorer.Transform(input);
    }

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        Check(inputSchema);
        return ((ITransformer)_scorer).GetRowToRowMapper(inputSchema);
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_scorer).Save(ctx);

    private void Check(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        SchemaChecks.Features(schema, FeatureColumnName, _featureCount);
    }
}
