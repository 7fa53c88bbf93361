using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// The binary model in the estimator core: a Boolean label, the cold-start rehearsal when asked for, coefficient statistics,
/// and the <see cref="LogRegTransformer"/> over ML.NET's calibrated linear scorer.
/// </summary>
internal sealed class BinaryTrainerFamily() : TrainerFamily<LogisticModel, LogRegTransformer>(labelCanBeMissing: false)
{
    public override TrainingRows<LogisticModel> Read(IDataView input, LogRegOptionsBase options, long? rows)
    {
        var o = (LogRegOptions)options;
        // The first large fit of its kind in the process compiles its optimizer on another thread while the data are
        // read; the reader says at the first row whether they are sparse.
        var core = o.ToTrainerOptions(0, null, null);
        Action<bool>? rehearse = rows is long count && o.RehearseColdStart
            ? sparse => ColdStartRehearsal.StartIfUseful(core, count, SchemaChecks.FeatureCount(input.Schema, o.FeatureColumnName), sparse,
                fit => _ = new LogRegTransformer(new MLContext(0), new LogRegModelParameters(fit, 1, 0), input.Schema, o.FeatureColumnName))
            : null;
        var read = TrainingSetReader.Read(input, o.LabelColumnName, o.FeatureColumnName, o.ExampleWeightColumnName, rows,
            core.ResolvedThreads, rehearse, o.BufferPool, o.CancellationToken);
        var data = read.Data;
        if (data.RowCount == 0)
        {
            throw new ArgumentException(
                $"The training data has no usable rows (read {read.SkippedRows} row(s) with a missing value, 0 without); " +
                $"label column '{o.LabelColumnName}' needs rows of both classes.", nameof(input));
        }
        var (positive, negative) = data.ClassWeights();
        if (positive <= 0 || negative <= 0)
        {
            throw new ArgumentException(
                $"Label column '{o.LabelColumnName}' holds a single class (every usable row is {(positive > 0 ? "true" : "false")}); " +
                "binary classification needs rows of both classes.", nameof(input));
        }
        return new TrainingRows<LogisticModel>(FitProblem.Binary(data), data.FeatureCount, 1, () => data.RowCount, () => read.SkippedRows)
        {
            Statistics = (fit, token) => StatisticsCalculator.Compute(data, fit, cancellationToken: token),
            ReturnArrays = read.ReturnArrays,
        };
    }

    public override TrainingRows<LogisticModel> Stream(IDataView input, LogRegOptionsBase options, int blockRows)
    {
        var source = new DataViewBlockSource(input, options.LabelColumnName, options.FeatureColumnName, options.ExampleWeightColumnName, blockRows);
        return new TrainingRows<LogisticModel>(FitProblem.Binary(source), source.FeatureCount, 1, () => source.RowCount, () => source.SkippedRows);
    }

    public override LogRegTransformer Wrap(IHostEnvironment host, FitResult<LogisticModel> fit, long rowCount, long skippedRows, LikelihoodFit? statistics,
        IDataView input, LogRegOptionsBase options) =>
        new(host, new LogRegModelParameters(fit, rowCount, skippedRows, (ModelStatistics?)statistics), input.Schema, options.FeatureColumnName);
}
