namespace LogReg.Core.Paths;

/// <summary>
/// The family-free part of K-fold cross-validation over a path: the folds, the path on all rows (which sets the λ
/// sequence), each fold's path on the other rows in parallel (each sequential, so the result does not depend on the
/// thread count), its held-out scores at every λ, and cv.glmnet's summary of them (<c>cvstats</c>, <c>getOptcv</c>).
/// </summary>
/// <typeparam name="TPath">The family's path.</typeparam>
/// <param name="Classes">Each row's class (0 … K − 1), for stratified folds and the held-out scores.</param>
/// <param name="WeightOf">Each row's weight.</param>
/// <param name="FitPath">The path on the listed rows (null: all rows) with the given options.</param>
/// <param name="Probabilities">The class probabilities of the listed rows under a path at each of the given λ, in turn.</param>
internal sealed record CrossValidationRun<TPath>(
    int[] Classes,
    Func<int, double> WeightOf,
    Func<int[]?, ElasticNetPathOptions, TPath> FitPath,
    Func<TPath, IReadOnlyList<double>, int[], IEnumerable<double[][]>> Probabilities)
    where TPath : IRegularizationPath
{
    public CrossValidatedPath<TPath> Run(CrossValidationOptions options, IProgress<int>? progress)
    {
        int n = Classes.Length;
        var folds = options.FoldIds?.ToArray() ?? FoldAssignment.Stratified(Classes, options.FoldCount, options.Seed);
        int foldCount = folds.Max() + 1;
        var full = FitPath(null, options.Path);
        var foldOptions = options.Alignment == FoldAlignment.SameLambdas ? options.Path with { Lambdas = full.Lambdas.ToArray() } : options.Path;
        var scores = new double[foldCount][];
        var foldWeights = new double[foldCount];
        int finished = 0;
        try
        {
            Parallel.For(0, foldCount, new ParallelOptions { MaxDegreeOfParallelism = options.MaxThreads ?? Environment.ProcessorCount },
                f => FitFold(f));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first fold that failed, in one line: Parallel.For's wrapper names none.
            // (rethrown as InvalidOperationException: the fold's type is private to this file)
            var first = e.InnerExceptions.OfType<FoldFailedException>().OrderBy(x => x.Fold).FirstOrDefault();
            throw first is null ? e.InnerExceptions[0] : new InvalidOperationException(first.Message, first.InnerException);
        }
        return Summarize(full, options, folds, scores, foldWeights);

        void FitFold(int f)
        {
            var held = Enumerable.Range(0, n).Where(i => folds[i] == f).ToArray();
            TPath path;
            try
            {
                path = FitPath(Enumerable.Range(0, n).Where(i => folds[i] != f).ToArray(), foldOptions);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new FoldFailedException(f, foldCount, e);
            }
            var heldClasses = held.Select(i => Classes[i]).ToArray();
            var heldWeights = held.Select(WeightOf).ToArray();
            foldWeights[f] = heldWeights.Sum();
            scores[f] = new double[full.Lambdas.Count];
            int k = 0;
            foreach (var probabilities in Probabilities(path, full.Lambdas, held))
            {
                scores[f][k++] = HeldOutScore.Of(options.Metric, heldClasses, heldWeights, probabilities);
            }
            progress?.Report(Interlocked.Increment(ref finished));
        }
    }

    // A fold's path failed: its number, the rows it left out, and the path's own message.
    private sealed class FoldFailedException(int fold, int foldCount, Exception inner)
        : Exception($"Cross-validation fold {fold + 1} of {foldCount} (its path on the other folds' rows): {inner.Message}", inner)
    {
        public int Fold { get; } = fold;
    }

    private static CrossValidatedPath<TPath> Summarize(TPath full, CrossValidationOptions options, int[] folds, double[][] scores, double[] foldWeights)
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
        return new CrossValidatedPath<TPath>(full, options.Metric, mean, error, best, oneSe, options.Rule, folds);
    }
}
