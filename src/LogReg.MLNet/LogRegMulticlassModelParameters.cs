using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// The softmax model as this library holds it: the double-precision model (K weight vectors and biases, class and feature
/// names), the report of its fit and, when asked for, the multinomial-logit statistics.
/// </summary>
public sealed class LogRegMulticlassModelParameters : LogRegFitDetails<SoftmaxModel, MultinomialStatistics>
{
    internal LogRegMulticlassModelParameters(FitResult<SoftmaxModel> fit, long rowCount, long skippedRows, MultinomialStatistics? statistics)
        : this(fit.Model, fit.Report, rowCount, skippedRows, statistics)
    {
    }

    [System.Text.Json.Serialization.JsonConstructor]
    internal LogRegMulticlassModelParameters(SoftmaxModel model, FitReport report, long rowCount, long skippedRows, MultinomialStatistics? statistics)
        : base(model, report, rowCount, skippedRows, statistics)
    {
    }

    /// <summary>
    /// For a model chosen by <c>MulticlassClassification.Trainers.LogRegCV</c>: the multinomial path on all rows, the
    /// cross-validation curve with its standard errors, and the chosen λ (the model is the path's point there); null for a single fit.
    /// </summary>
    [System.Text.Json.Serialization.JsonInclude]
    public Core.Paths.CrossValidatedPath<Core.Paths.MultinomialRegularizationPath>? CrossValidation { get; internal set; }
}
