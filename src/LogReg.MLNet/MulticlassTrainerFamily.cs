using LogReg.Core.Statistics;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The softmax model in the estimator core: a key label (key 0, missing, skips the row), the multinomial-logit statistics
/// with ML.NET's own record, and the <see cref="LogRegMulticlassFit"/> over ML.NET's multiclass scorer.
/// </summary>
internal sealed class MulticlassTrainerFamily() : TrainerFamily<SoftmaxModel, LogRegMulticlassFit>(labelCanBeMissing: true)
{
    public override TrainingRows<SoftmaxModel> Read(IDataView input, LogRegOptionsBase options, long? rows)
    {
        int threads = options.ToTrainerOptions(0, null, null).ResolvedThreads;
        var (data, skipped, returnArrays) = TrainingSetReader.ReadMulticlass(input, options.LabelColumnName, options.FeatureColumnName,
            options.ExampleWeightColumnName, rows, threads, options.BufferPool, options.CancellationToken);
        if (data.RowCount == 0)
        {
            throw new ArgumentException(
                $"The training data has no usable rows (read {skipped} row(s) with a missing value or label, 0 without); " +
                $"label column '{options.LabelColumnName}' needs rows of at least two classes.", nameof(input));
        }
        return new TrainingRows<SoftmaxModel>(FitProblem.Softmax(data), data.ClassCount * data.FeatureCount, data.ClassCount, () => data.RowCount, () => skipped)
        {
            Statistics = (fit, token) => MultinomialStatisticsCalculator.Compute(data, fit, threads, token),
            ReturnArrays = returnArrays,
        };
    }

    public override TrainingRows<SoftmaxModel> Stream(IDataView input, LogRegOptionsBase options, int blockRows)
    {
        var source = new DataViewMulticlassBlockSource(input, options.LabelColumnName, options.FeatureColumnName, options.ExampleWeightColumnName, blockRows);
        int classes = source.ClassNames.Count;
        return new TrainingRows<SoftmaxModel>(FitProblem.Softmax(source), classes * source.FeatureCount, classes, () => source.RowCount, () => source.SkippedRows);
    }

    public override LogRegMulticlassFit Wrap(IHostEnvironment host, FitResult<SoftmaxModel> fit, long rowCount, long skippedRows, LikelihoodFit? statistics,
        IDataView input, LogRegOptionsBase options)
    {
        var model = fit.Model;
        var weights = Enumerable.Range(0, model.ClassCount)
            .Select(k => new VBuffer<float>(model.FeatureCount, model.WeightsOf(k).ToArray().Select(w => (float)w).ToArray())).ToArray();
        var biases = model.Biases.Select(b => (float)b).ToArray();
        if (!weights.All(w => w.DenseValues().All(float.IsFinite)) || !biases.All(float.IsFinite))
        {
            throw new InvalidOperationException(
                $"Training produced weights that a float cannot hold ({fit.Report.Optimization.Termination}); no model is returned. " +
                $"Remedies: {RemedyWording.Describe(fit.Report.Optimization.Remedies | Core.Optimization.Remedy.StandardizeFeatures)}.");
        }
        var classNames = model.ClassNames.SequenceEqual(Enumerable.Range(0, model.ClassCount).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ? null : model.ClassNames.ToArray();
        var multinomial = (MultinomialStatistics?)statistics;
        // ML.NET's own record, as LbfgsMaximumEntropy makes it: its parameter count is the K biases and the non-zero weights.
        var record = multinomial is null ? null : MLNetInterop.CreateStatistics(host, rowCount, biases.Length + weights.Sum(w => w.DenseValues().Count(v => v != 0)),
            (float)multinomial.Deviance, (float)multinomial.NullDeviance, null, [], 0f);
        var scorer = MLNetInterop.CreateMulticlassScorer(host, weights, biases, model.FeatureCount, classNames, input.Schema, options.FeatureColumnName,
            options.LabelColumnName, record);
        var details = new LogRegMulticlassModelParameters(fit, rowCount, skippedRows, multinomial);
        LogRegModelDetails.Attach(scorer.Model, details);
        return new LogRegMulticlassFit(scorer, details);
    }
}
