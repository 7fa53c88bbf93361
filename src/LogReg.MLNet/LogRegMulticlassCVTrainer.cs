using System.Globalization;
using LogReg.Core.Paths;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The estimator <c>mlContext.MulticlassClassification.Trainers.LogRegCV</c>: the multinomial elastic-net path (glmnet's
/// <c>family = "multinomial"</c>, its scaling and defaults), K-fold cross-validation over it (folds stratified by class;
/// cv.glmnet's curve and rules), and the softmax model at the chosen λ, fitted on all rows. It returns the same types as
/// <c>MulticlassClassification.Trainers.LogReg</c> (ML.NET's transformer over <see cref="MaximumEntropyModelParameters"/>);
/// <c>LogRegDetails()</c> holds the path, the curve and the choice, which <see cref="LogRegModelFile"/> saves with the model.
/// </summary>
public sealed class LogRegMulticlassCVTrainer
    : ITrainerEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>, MaximumEntropyModelParameters>
{
    private readonly IHost _host;
    private readonly LogRegCVOptions _options;

    internal LogRegMulticlassCVTrainer(IHostEnvironment env, LogRegCVOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        _host = env.Register("LogReg");
        _options = options;
        options.Validate();
        if (options.Metric == CrossValidationMetric.Auc)
        {
            throw new ArgumentException("The AUC scores two classes; for a multiclass label use the deviance, the log-loss or the misclassification rate.",
                nameof(options));
        }
        MLNetInterop.EnsureAvailable();
    }

    /// <summary>What ML.NET's meta-trainers and tools read: no normalisation, calibration or caching needed.</summary>
    public TrainerInfo Info => MLNetInterop.TrainerInfo;

    /// <summary>Cross-validates, and returns ML.NET's multiclass prediction transformer of the chosen model.</summary>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView input) => FitWithReport(input).Scorer;

    /// <summary>Cross-validates, and returns ML.NET's transformer with this library's account (the path, curve and choice in its details).</summary>
    public LogRegMulticlassFit FitWithReport(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        using var channel = _host.Start("Training");
        var (data, skipped) = TrainingSetReader.ReadMulticlass(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName);
        var weights = data.ClassWeights();
        if (Array.FindIndex(weights, w => !(w > 0)) is int missing and >= 0)
        {
            throw new ArgumentException(data.RowCount == 0
                ? $"The training data has no usable rows (read {skipped} row(s) with a missing value or label); label column '{o.LabelColumnName}' needs rows of every class."
                : $"Class '{data.ClassNames[missing]}' of label column '{o.LabelColumnName}' has no rows with weight; the multinomial path needs every class of the key type present.",
                nameof(input));
        }
        o.ValidateFor(data.RowCount);
        int seed = o.Seed ?? _host.Rand.Next();
        var core = o.ToCore(seed, CrossValidationFolds.Read(input, o, skipped, seed));
        if (skipped > 0)
        {
            channel.Warning(MessageSensitivity.None,
                SkippedRowsNote.Of(skipped, o.FeatureColumnName, o.ExampleWeightColumnName, o.LabelColumnName, labelCanBeMissing: true));
        }
        channel.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
            $"Cross-validating the multinomial elastic-net path (α = {o.L1Ratio}) on {data.RowCount} rows × {data.FeatureCount} features, {data.ClassCount} classes."));
        var cv = ElasticNetCrossValidation.Fit(data, core, o.Progress);
        string how = string.Create(CultureInfo.InvariantCulture,
            $"λ = {cv.ChosenLambda:G6} ({cv.Rule}, {cv.Metric} {cv.Mean[cv.ChosenIndex]:G6} ± {cv.StandardError[cv.ChosenIndex]:G3}) " +
            $"by {cv.FoldIds.Max() + 1}-fold cross-validation over {cv.Path.Lambdas.Count} λ; {cv.Path.NonZero[cv.ChosenIndex]} feature(s) in use");
        channel.Info(MessageSensitivity.None, "Chose " + how + ".");
        foreach (var (_, note) in CrossValidationNote.All(cv))
        {
            channel.Warning(MessageSensitivity.None, note);
        }
        var fit = MultinomialPathPointFit.At(data, cv.Path, cv.ChosenIndex, core.Path, "coordinate descent path; " + how);
        var wrapOptions = new LogRegMulticlassOptions { FeatureColumnName = o.FeatureColumnName, LabelColumnName = o.LabelColumnName };
        var wrapped = new MulticlassTrainerFamily().Wrap(_host, fit, data.RowCount, skipped, null, input, wrapOptions);
        wrapped.Model.CrossValidation = o.KeepPathCoefficients
            ? cv
            : cv with { Path = cv.Path with { Coefficients = cv.Path.Coefficients.KeepingOnly(cv.ChosenIndex) } };
        return wrapped;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new MLContext().MulticlassClassification.Trainers
            .LbfgsMaximumEntropy(_options.LabelColumnName, _options.FeatureColumnName, _options.ExampleWeightColumnName)
            .GetOutputSchema(inputSchema);
    }
}
