using LogReg.Core.Statistics;
using LogReg.Core.Training;

namespace LogReg.MLNet;

/// <summary>The multiclass model as this library holds it: the double-precision softmax model and the report of its fit.</summary>
public sealed class LogRegMulticlassModelParameters
{
    internal LogRegMulticlassModelParameters(FitResult<SoftmaxModel> fit, long rowCount, long skippedRows, MultinomialStatistics? statistics)
        : this(fit.Model, fit.Report, rowCount, skippedRows, statistics)
    {
    }

    [System.Text.Json.Serialization.JsonConstructor]
    internal LogRegMulticlassModelParameters(SoftmaxModel model, FitReport report, long rowCount, long skippedRows, MultinomialStatistics? statistics)
    {
        Model = model;
        Report = report;
        RowCount = rowCount;
        SkippedRows = skippedRows;
        Statistics = statistics;
    }

    /// <summary>The multinomial-logit statistics when <see cref="LogRegMulticlassOptions.ShowTrainingStatistics"/> was set, else null.</summary>
    public MultinomialStatistics? Statistics { get; }

    /// <summary>The core model: K weight vectors and biases, class and feature names, scoring.</summary>
    public SoftmaxModel Model { get; }

    /// <summary>How the model was found: the optimizer that ran, the options, iterations, evaluations, convergence, trace.</summary>
    public FitReport Report { get; }

    /// <summary>Training rows the model was fitted on.</summary>
    public long RowCount { get; }

    /// <summary>Training rows skipped because a feature or the weight was NaN or the label missing.</summary>
    public long SkippedRows { get; }
}
