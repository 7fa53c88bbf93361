using System.Globalization;
using LogReg.Core.Paths;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using CalibratedLinearModel = Microsoft.ML.Calibrators.CalibratedModelParametersBase<
    Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>;

namespace LogReg.MLNet;

/// <summary>
/// The estimator <c>mlContext.BinaryClassification.Trainers.LogRegCV</c>: the elastic-net path of the logistic model
/// (glmnet's scaling and defaults), K-fold cross-validation over it (cv.glmnet's curve and rules), and the model at the
/// chosen λ — fitted on all rows, as the path's point there. It returns the same types as <c>LogReg</c>, so it goes
/// into pipelines, OVA, Save/Load and ONNX; <c>LogRegDetails().CrossValidation</c> holds the path, the curve and the choice,
/// and <see cref="LogRegModelFile"/> saves them with the model.
/// </summary>
public sealed class LogRegCVTrainer : ITrainerEstimator<BinaryPredictionTransformer<CalibratedLinearModel>, CalibratedLinearModel>
{
    private readonly IHost _host;
    private readonly LogRegCVOptions _options;

    internal LogRegCVTrainer(IHostEnvironment env, LogRegCVOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        _host = env.Register("LogReg");
        _options = options;
        options.Validate();
        MLNetInterop.EnsureAvailable();
    }

    /// <summary>What ML.NET's meta-trainers and tools read: no normalisation, calibration or caching needed.</summary>
    public TrainerInfo Info => MLNetInterop.TrainerInfo;

    /// <summary>Cross-validates, and returns ML.NET's binary prediction transformer of the chosen model.</summary>
    public BinaryPredictionTransformer<CalibratedLinearModel> Fit(IDataView input) => FitWithReport(input).Scorer;

    /// <summary>Cross-validates, and returns this library's transformer (with the path, curve and choice in its details).</summary>
    public LogRegTransformer FitWithReport(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        using var channel = _host.Start("Training");
        var read = TrainingSetReader.Read(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName);
        var data = read.Data;
        var (positive, negative) = data.RowCount == 0 ? (0, 0) : data.ClassWeights();
        if (positive <= 0 || negative <= 0)
        {
            bool bothPresent = data.Labels.Distinct().Count() == 2;
            throw new ArgumentException(bothPresent
                ? $"The example weights in '{o.ExampleWeightColumnName}' give the {(positive <= 0 ? "true" : "false")} class of '{o.LabelColumnName}' a total weight of 0; both classes need weight."
                : $"Label column '{o.LabelColumnName}' needs rows of both classes ({data.RowCount} usable row(s)).", nameof(input));
        }
        o.ValidateFor(data.RowCount);
        int seed = o.Seed ?? _host.Rand.Next();
        var core = o.ToCore(seed, CrossValidationFolds.Read(input, o, read.SkippedRows, seed));
        if (read.SkippedRows > 0)
        {
            channel.Warning(MessageSensitivity.None,
                SkippedRowsNote.Of(read.SkippedRows, o.FeatureColumnName, o.ExampleWeightColumnName, o.LabelColumnName, labelCanBeMissing: false));
        }
        channel.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
            $"Cross-validating the elastic-net path (α = {o.L1Ratio}) on {data.RowCount} rows × {data.FeatureCount} features."));
        var cv = ElasticNetCrossValidation.Fit(data, core, o.Progress);
        string how = string.Create(CultureInfo.InvariantCulture,
            $"λ = {cv.ChosenLambda:G6} ({cv.Rule}, {cv.Metric} {cv.Mean[cv.ChosenIndex]:G6} ± {cv.StandardError[cv.ChosenIndex]:G3}) " +
            $"by {cv.FoldIds.Max() + 1}-fold cross-validation over {cv.Path.Lambdas.Count} λ; {cv.Path.NonZero[cv.ChosenIndex]} non-zero coefficient(s)");
        channel.Info(MessageSensitivity.None, "Chose " + how + ".");
        foreach (var (_, note) in CrossValidationNote.All(cv))
        {
            channel.Warning(MessageSensitivity.None, note);
        }
        var fit = PathPointFit.At(data, cv.Path, cv.ChosenIndex, core.Path, "coordinate descent path; " + how);
        read.ReturnArrays?.Invoke();
        if (!o.KeepPathCoefficients)
        {
            cv = cv with { Path = cv.Path with { Coefficients = cv.Path.Coefficients.KeepingOnly(cv.ChosenIndex, 1) } };
        }
        var details = new LogRegModelParameters(fit, data.RowCount, read.SkippedRows) { CrossValidation = cv };
        return new LogRegTransformer(_host, details, input.Schema, o.FeatureColumnName);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        LogRegTrainer.BinaryOutputSchema(inputSchema, _options.LabelColumnName, _options.FeatureColumnName, _options.ExampleWeightColumnName);
}
