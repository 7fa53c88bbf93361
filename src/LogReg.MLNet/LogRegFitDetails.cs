using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// A fit as this library holds it beside ML.NET's model, for either family: the double-precision model, the report of the
/// fit that found it, the rows it saw and, when asked for, its statistics. Found with <c>LogRegDetails()</c> on the
/// ML.NET model, kept by <see cref="LogRegModelFile"/>.
/// </summary>
/// <typeparam name="TModel"><see cref="LogisticModel"/> or <see cref="SoftmaxModel"/>.</typeparam>
/// <typeparam name="TStatistics"><see cref="ModelStatistics"/> or <see cref="MultinomialStatistics"/>.</typeparam>
public abstract class LogRegFitDetails<TModel, TStatistics>
    where TModel : class
    where TStatistics : LikelihoodFit
{
    private protected LogRegFitDetails(TModel model, FitReport report, long rowCount, long skippedRows, TStatistics? statistics)
    {
        (Model, Report, RowCount, SkippedRows, Statistics) = (model, report, rowCount, skippedRows, statistics);
    }

    /// <summary>The core model (double precision; scoring, names).</summary>
    public TModel Model { get; }

    /// <summary>How the model was found: the optimizer that ran, the options, iterations, evaluations, convergence, trace.</summary>
    public FitReport Report { get; }

    /// <summary>
    /// The statistics on the training data when <see cref="LogRegOptionsBase.ShowTrainingStatistics"/> was set, else null
    /// (<c>Statistics.Summary()</c> prints the table).
    /// </summary>
    public TStatistics? Statistics { get; }

    /// <summary>Training rows the model was fitted on.</summary>
    public long RowCount { get; }

    /// <summary>Training rows skipped because a feature or the weight was NaN or the label missing.</summary>
    public long SkippedRows { get; }
}
