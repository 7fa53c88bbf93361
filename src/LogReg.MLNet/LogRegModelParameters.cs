using LogReg.Core.Statistics;
using LogReg.Core.Training;

namespace LogReg.MLNet;

/// <summary>
/// The learned model as seen from ML.NET: the model that scores (<see cref="Model"/>), the report of
/// the fit that found it (<see cref="Report"/>) and, when asked for, its statistics.
/// </summary>
public sealed class LogRegModelParameters
{
    internal LogRegModelParameters(FitResult<LogisticModel> fit, long rowCount, long skippedRows, ModelStatistics? statistics = null)
        : this(fit.Model, fit.Report, rowCount, skippedRows, statistics)
    {
    }

    [System.Text.Json.Serialization.JsonConstructor]
    internal LogRegModelParameters(LogisticModel model, FitReport report, long rowCount, long skippedRows, ModelStatistics? statistics)
    {
        Model = model;
        Report = report;
        RowCount = rowCount;
        SkippedRows = skippedRows;
        Statistics = statistics;
    }

    /// <summary>The core model: double-precision weights and bias, loss, feature names, scoring.</summary>
    public LogisticModel Model { get; }

    /// <summary>How the model was found: the optimizer that ran, the options, iterations, evaluations, convergence, trace.</summary>
    public FitReport Report { get; }

    /// <summary>
    /// Coefficient statistics on the training data when <see cref="LogRegOptions.ShowTrainingStatistics"/>
    /// was set, else null. <c>Statistics.Summary()</c> prints a statsmodels-style table.
    /// </summary>
    public ModelStatistics? Statistics { get; }

    /// <summary>The weights w, one per slot of the feature vector (as ML.NET's linear models name them).</summary>
    public IReadOnlyList<double> Weights => Model.Weights;

    /// <summary>The bias (intercept) b (as ML.NET's linear models name it).</summary>
    public double Bias => Model.Bias;

    /// <summary>Training rows the model was fitted on.</summary>
    public long RowCount { get; }

    /// <summary>Training rows skipped because a feature or the weight was NaN.</summary>
    public long SkippedRows { get; }
}
