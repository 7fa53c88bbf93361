using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// K-fold cross-validation of the binary and multinomial elastic-net paths, as cv.glmnet does it: the path on all rows sets the λ
/// sequence; each fold's path is fitted on the other rows — at exactly those λ, or on its own sequence interpolated at
/// them (<see cref="FoldAlignment"/>) — and scores its held-out rows; the curve is the fold-weighted mean with its standard error over folds; <c>lambda.min</c> is the largest λ
/// with the best mean, <c>lambda.1se</c> the largest λ whose mean is within one standard error of it. Folds run in
/// parallel, each one sequential, so the result does not depend on the thread count.
/// </summary>
public static class ElasticNetCrossValidation
{
    /// <summary>Cross-validates the path over <paramref name="data"/> (labels 0/1).</summary>
    /// <param name="data">The rows.</param>
    /// <param name="options">Folds, metric, rule and the path's options.</param>
    /// <param name="progress">Told the number of folds finished, as they finish.</param>
    /// <exception cref="ArgumentException">Options out of range; a fold holding all of a class's rows (its training rows without that class).</exception>
    public static CrossValidatedPath<RegularizationPath> Fit(TrainingSet data, CrossValidationOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CrossValidationOptions();
        options.Validate(data.RowCount);
        var classes = data.Labels.Select(y => y == 1 ? 1 : 0).ToArray();
        var folds = FoldAssignment.Of(options, classes, data.WeightOf);
        int foldCount = folds.Max() + 1;
        if (options.Metric == CrossValidationMetric.Auc)
        {
            RequireAucFolds(classes, folds, foldCount, options);
        }
        return new CrossValidationRun<RegularizationPath>(classes, data.WeightOf,
            (rows, o, lead, follow) => rows is null ? ElasticNetPath.Fit(data, o, lead, follow) : FitFold(data, rows, o, follow),
            (path, lambdas, held) => PathInterpolation.Probabilities(data.Features, path, lambdas, held),
            k => k == 1 ? "the positive class (label 1)" : "the negative class (label 0)",
            (training, held, o, follow, scored) => FitFold(data, training, o, follow, new HeldOutPointScorer(data.Features, held, 1, scored)))
            .Run(options with { FoldIds = folds }, progress);
    }

    // A fold's dense rows are copied into a pooled buffer (PooledArray), taken back once its path is fitted: nothing the path
    // returns refers to them.
    private static RegularizationPath FitFold(TrainingSet data, int[] rows, ElasticNetPathOptions options, LambdaFeed? follow,
        HeldOutPointScorer? scorer = null)
    {
        var values = data.Features is DenseMatrix ? PooledArray.Rent<float>((long)rows.Length * data.FeatureCount) : null;
        try
        {
            return ElasticNetPath.Fit(data.SelectRows(rows, values), options, lead: null, follow, scorer);
        }
        finally
        {
            if (values is not null)
            {
                PooledArray.Return(values);
            }
        }
    }

    /// <summary>Cross-validates the multinomial path over <paramref name="data"/> (folds stratified by class).</summary>
    /// <param name="data">The rows.</param>
    /// <param name="options">Folds, metric (not the AUC, which is binary), rule and the path's options.</param>
    /// <param name="progress">Told the number of folds finished, as they finish.</param>
    /// <exception cref="ArgumentException">Options out of range; the AUC asked for; a fold holding all of a class's rows.</exception>
    public static CrossValidatedPath<MultinomialRegularizationPath> Fit(MulticlassTrainingSet data, CrossValidationOptions? options = null,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CrossValidationOptions();
        options.Validate(data.RowCount);
        if (options.Metric == CrossValidationMetric.Auc)
        {
            throw new ArgumentException("The AUC scores two classes; for more, use the deviance, the log-loss or the misclassification rate.", nameof(options));
        }
        return new CrossValidationRun<MultinomialRegularizationPath>(data.Labels, i => data.ExampleWeights?[i] ?? 1,
            (rows, o, lead, follow) => MultinomialElasticNetPath.Fit(rows is null ? data : data.SelectRows(rows), o, jointNewton: null, lead, follow),
            (path, lambdas, held) => PathInterpolation.Probabilities(data.Features, path, lambdas, held),
            k => $"class '{data.ClassNames[k]}'",
            (training, held, o, follow, scored) => MultinomialElasticNetPath.Fit(data.SelectRows(training), o, jointNewton: null, lead: null, follow,
                new HeldOutPointScorer(data.Features, held, data.ClassCount, scored))).Run(options, progress);
    }

    // A fold's AUC needs both classes among its held-out rows, and is noise with few of them: cv.glmnet switches to the
    // deviance below 10 rows per fold; here the caller is told instead of getting another metric than asked for.
    private static void RequireAucFolds(int[] classes, int[] folds, int foldCount, CrossValidationOptions options)
    {
        if (classes.Length < 10 * foldCount)
        {
            throw new ArgumentException(
                $"The AUC needs at least 10 held-out rows per fold (as cv.glmnet requires); {classes.Length} rows in {foldCount} folds " +
                "give fewer: use fewer folds or the deviance.");
        }
        for (int f = 0; f < foldCount; f++)
        {
            var held = Enumerable.Range(0, classes.Length).Where(i => folds[i] == f).Select(i => classes[i]).Distinct().Count();
            if (held < 2)
            {
                throw new ArgumentException(
                    $"Fold {options.Fold(f, foldCount)} holds rows of one class only, where its AUC is undefined: use stratified folds, fewer folds or the deviance.");
            }
        }
    }
}
