using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// The binary model as seen from ML.NET: the model that scores (<see cref="LogRegFitDetails{TModel, TStatistics}.Model"/>),
/// the report of the fit that found it and, when asked for, its coefficient statistics.
/// </summary>
public sealed class LogRegModelParameters : LogRegFitDetails<LogisticModel, ModelStatistics>
{
    internal LogRegModelParameters(FitResult<LogisticModel> fit, long rowCount, long skippedRows, ModelStatistics? statistics = null)
        : this(fit.Model, fit.Report, rowCount, skippedRows, statistics)
    {
    }

    [System.Text.Json.Serialization.JsonConstructor]
    internal LogRegModelParameters(LogisticModel model, FitReport report, long rowCount, long skippedRows, ModelStatistics? statistics)
        : base(model, report, rowCount, skippedRows, statistics)
    {
    }

    /// <summary>The weights w, one per slot of the feature vector (as ML.NET's linear models name them).</summary>
    public IReadOnlyList<double> Weights => Model.Weights;

    /// <summary>The bias (intercept) b (as ML.NET's linear models name it).</summary>
    public double Bias => Model.Bias;

    /// <summary>
    /// For a model chosen by <c>LogRegCV</c>: the path on all rows, the cross-validation curve with its standard errors, and
    /// the chosen λ (the model is the path's point there); null for a single fit.
    /// </summary>
    public Core.Paths.CrossValidatedPath<Core.Paths.RegularizationPath>? CrossValidation { get; init; }
}
