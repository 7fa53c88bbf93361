using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// What the one estimator core (<see cref="EstimatorCore{TModel, TResult}"/>) needs to know of a model family: how its
/// label is read into rows in memory or as streamed blocks, and how a fit becomes the ML.NET transformer the trainer returns.
/// </summary>
/// <param name="labelCanBeMissing">Whether a row's label can be missing (a key's 0) and the row skipped for it.</param>
internal abstract class TrainerFamily<TModel, TResult>(bool labelCanBeMissing) where TModel : class
{
    /// <summary>Whether a row's label can be missing (a key's 0) and the row skipped for it.</summary>
    public bool LabelCanBeMissing => labelCanBeMissing;

    /// <summary>Reads the view once into memory; <paramref name="rows"/> is the view's count when the budget check made one.</summary>
    public abstract TrainingRows<TModel> Read(IDataView input, LogRegOptionsBase options, long? rows);

    /// <summary>The view as a source read again on every pass, in blocks of <paramref name="blockRows"/> rows.</summary>
    public abstract TrainingRows<TModel> Stream(IDataView input, LogRegOptionsBase options, int blockRows);

    /// <summary>The transformer of a fit, with its details attached to the ML.NET model.</summary>
    public abstract TResult Wrap(IHostEnvironment host, FitResult<TModel> fit, long rowCount, long skippedRows, LikelihoodFit? statistics,
        IDataView input, LogRegOptionsBase options);
}
