using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>
/// K-fold cross-validation of the binary elastic-net path, as cv.glmnet does it: the path on all rows sets the λ
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
    /// <exception cref="ArgumentException">Options out of range, a fold without both classes in its training rows.</exception>
    public static CrossValidatedPath Fit(TrainingSet data, CrossValidationOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CrossValidationOptions();
        options.Validate(data.RowCount);
        var classes = data.Labels.Select(y => y == 1 ? 1 : 0).ToArray();
        var folds = options.FoldIds?.ToArray() ?? FoldAssignment.Stratified(classes, options.FoldCount, options.Seed);
        int foldCount = folds.Max() + 1;
        if (options.Metric == CrossValidationMetric.Auc)
        {
            RequireAucFolds(classes, folds, foldCount);
        }
        var full = ElasticNetPath.Fit(data, options.Path);
        var foldOptions = options.Alignment == FoldAlignment.SameLambdas ? options.Path with { Lambdas = full.Lambdas.ToArray() } : options.Path;
        var scores = new double[foldCount][];
        var foldWeights = new double[foldCount];
        int finished = 0;
        Parallel.For(0, foldCount, new ParallelOptions { MaxDegreeOfParallelism = options.MaxThreads ?? Environment.ProcessorCount }, f =>
        {
            var held = Enumerable.Range(0, data.RowCount).Where(i => folds[i] == f).ToArray();
            var path = ElasticNetPath.Fit(data.SelectRows(Enumerable.Range(0, data.RowCount).Where(i => folds[i] != f).ToArray()), foldOptions);
            var heldClasses = held.Select(i => classes[i]).ToArray();
            var heldWeights = held.Select(data.WeightOf).ToArray();
            foldWeights[f] = heldWeights.Sum();
            scores[f] = new double[full.Lambdas.Count];
            for (int k = 0; k < full.Lambdas.Count; k++)
            {
                var (intercept, coefficients) = PathInterpolation.At(path, full.Lambdas[k]);
                var probabilities = held.Select(i =>
                {
                    Numerics.StableMath.SigmoidPair(intercept + data.Features.Dot(i, coefficients), out double p, out double q);
                    return new[] { q, p };
                }).ToArray();
                scores[f][k] = HeldOutScore.Of(options.Metric, heldClasses, heldWeights, probabilities);
            }
            progress?.Report(Interlocked.Increment(ref finished));
        });
        return Summarize(full, options, folds, scores, foldWeights);
    }

    // A fold's AUC needs both classes among its held-out rows, and is noise with few of them: cv.glmnet switches to the
    // deviance below 10 rows per fold; here the caller is told instead of getting another metric than asked for.
    private static void RequireAucFolds(int[] classes, int[] folds, int foldCount)
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
                    $"Fold {f + 1} of {foldCount} holds rows of one class only, where its AUC is undefined: use stratified folds, fewer folds or the deviance.");
            }
        }
    }

    /// <summary>cv.glmnet's <c>cvstats</c> and <c>getOptcv</c>: the curve, its standard error and the two λ.</summary>
    internal static CrossValidatedPath Summarize(RegularizationPath full, CrossValidationOptions options, int[] folds, double[][] scores,
        double[] foldWeights)
    {
        int count = full.Lambdas.Count, foldCount = scores.Length;
        var mean = new double[count];
        var error = new double[count];
        for (int k = 0; k < count; k++)
        {
            double sum = 0, weight = 0;
            for (int f = 0; f < foldCount; f++)
            {
                if (!double.IsNaN(scores[f][k]))
                {
                    (sum, weight) = (sum + foldWeights[f] * scores[f][k], weight + foldWeights[f]);
                }
            }
            mean[k] = sum / weight;
            double spread = 0;
            for (int f = 0; f < foldCount; f++)
            {
                if (!double.IsNaN(scores[f][k]))
                {
                    spread += foldWeights[f] * (scores[f][k] - mean[k]) * (scores[f][k] - mean[k]);
                }
            }
            error[k] = Math.Sqrt(spread / weight / (foldCount - 1));
        }
        // Smaller is better, except for the AUC; among equals the largest λ (the first: the sequence decreases).
        double sign = options.Metric == CrossValidationMetric.Auc ? -1 : 1;
        int best = 0;
        for (int k = 1; k < count; k++)
        {
            if (sign * mean[k] < sign * mean[best] || double.IsNaN(mean[best]))
            {
                best = k;
            }
        }
        double bound = sign * mean[best] + error[best];
        int oneSe = Enumerable.Range(0, count).First(k => sign * mean[k] <= bound);
        return new CrossValidatedPath(full, options.Metric, mean, error, best, oneSe, options.Rule, folds);
    }
}
