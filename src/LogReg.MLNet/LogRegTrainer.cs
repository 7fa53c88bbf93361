using Microsoft.ML.Calibrators;
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
public sealed class LogRegTrainer : LogRegTrainerBase<LogRegOptions>, ITrainerEstimator<BinaryPredictionTransformer<CalibratedLinearModel>, CalibratedLinearModel>
{
    internal LogRegTrainer(IHostEnvironment env, LogRegOptions options)
        : base(env, options)
    {
    }

    /// <summary>
    /// Reads <paramref name="input"/> once, trains, and returns ML.NET's binary prediction transformer
    /// (as <c>LbfgsLogisticRegression</c> does); <c>Model.SubModel.Statistics</c> is set when
    /// <see cref="LogRegOptionsBase.ShowTrainingStatistics"/> is.
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

    private LogRegTransformer Train(IDataView input, double[]? initial) =>
        new EstimatorCore<LogisticModel, LogRegTransformer>(Host, Settings, new BinaryTrainerFamily()).Train(input, initial);

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        BinaryOutputSchema(inputSchema, Settings.LabelColumnName, Settings.FeatureColumnName, Settings.ExampleWeightColumnName);

    // Both binary trainers' (LogReg, LogRegCV) input checks and output columns.
    internal static SchemaShape BinaryOutputSchema(SchemaShape inputSchema, string label, string features, string? weight)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckShape(inputSchema, label, "label", c => c.Kind == SchemaShape.Column.VectorKind.Scalar && c.ItemType is BooleanDataViewType, "Boolean");
        CheckShape(inputSchema, features, "feature",
            c => c.Kind == SchemaShape.Column.VectorKind.Vector && c.ItemType == NumberDataViewType.Single, "a known-size vector of Single");
        if (weight is not null)
        {
            CheckShape(inputSchema, weight, "example weight",
                c => c.Kind == SchemaShape.Column.VectorKind.Scalar && c.ItemType == NumberDataViewType.Single, "Single");
        }
        // The output columns and their annotations are exactly those of ML.NET's calibrated binary trainers.
        return new MLContext().BinaryClassification.Trainers.LbfgsLogisticRegression(label, features, weight).GetOutputSchema(inputSchema);
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
}
