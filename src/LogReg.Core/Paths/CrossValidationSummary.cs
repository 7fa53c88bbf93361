namespace LogReg.Core.Paths;

/// <summary>
/// cv.glmnet's summary of the held-out scores (<c>cvstats</c>, <c>getOptcv.glmnet</c>): at each λ the weighted mean
/// score and its standard error — over the folds, or over the rows where there are fewer than 3 rows a fold (its
/// <c>grouped = FALSE</c>) — then <c>lambda.min</c> and <c>lambda.1se</c>.
/// </summary>
internal static class CrossValidationSummary
{
    // Means this close (relative) are ties, which go to the larger λ as cv.glmnet's do: R sums the folds' scores in
    // extended precision, so its exact ties arrive here a few ulps apart (an outside tester's AUC curve on mlbench's Pima
    // had cv.glmnet's tie at three λ come out 2.2e-16 apart and the next λ chosen).
    internal const double TiedRelative = 1e-12;

    /// <summary>The fold-weighted mean of each λ's fold scores (NaN: not scored) and its standard error over the folds.</summary>
    public static CrossValidatedPath<TPath> OverFolds<TPath>(TPath full, CrossValidationOptions options, int[] folds, double[][] scores,
        double[] foldWeights)
        where TPath : IRegularizationPath
    {
        int count = full.Lambdas.Count, foldCount = scores.Length;
        var mean = new double[count];
        var error = new double[count];
        for (int k = 0; k < count; k++)
        {
            var scored = Enumerable.Range(0, foldCount).Where(f => !double.IsNaN(scores[f][k])).ToArray();
            (mean[k], double spread) = Spread(scored.Select(f => (scores[f][k], foldWeights[f])));
            error[k] = Math.Sqrt(spread / (foldCount - 1));
        }
        return Choose(full, options, folds, mean, error);
    }

    /// <summary>
    /// The weighted mean of the held-out rows' scores at each λ (<paramref name="rowScores"/>[fold][λ][row], with
    /// <paramref name="rowWeights"/>[fold][row]) and its standard error over the N rows scored: √(Σw(s − mean)² / Σw / (N − 1)).
    /// </summary>
    public static CrossValidatedPath<TPath> OverRows<TPath>(TPath full, CrossValidationOptions options, int[] folds, double[][][] rowScores,
        double[][] rowWeights)
        where TPath : IRegularizationPath
    {
        int count = full.Lambdas.Count, foldCount = rowScores.Length;
        var mean = new double[count];
        var error = new double[count];
        for (int k = 0; k < count; k++)
        {
            // Every row scored counts in N, with or without weight, as in cv.glmnet (a fold whose rows all have weight 0 has a
            // NaN score of its own, but its rows were predicted).
            var rows = Enumerable.Range(0, foldCount).SelectMany(f => rowScores[f][k].Select((s, r) => (s, rowWeights[f][r])))
                .Where(p => !double.IsNaN(p.s)).ToArray();
            (mean[k], double spread) = Spread(rows);
            error[k] = Math.Sqrt(spread / (rows.Length - 1));
        }
        return Choose(full, options, folds, mean, error) with { ErrorsOverRows = true };
    }

    // The weighted mean of the values and their weighted mean squared deviation from it.
    private static (double Mean, double Spread) Spread(IEnumerable<(double Value, double Weight)> values)
    {
        var list = values as IReadOnlyList<(double Value, double Weight)> ?? values.ToList();
        double sum = 0, weight = 0;
        foreach (var (value, w) in list)
        {
            (sum, weight) = (sum + w * value, weight + w);
        }
        double mean = sum / weight, spread = 0;
        foreach (var (value, w) in list)
        {
            spread += w * (value - mean) * (value - mean);
        }
        return (mean, spread / weight);
    }

    // lambda.min: the best mean (the AUC's largest, else the smallest), ties to the larger λ (the first: the sequence
    // decreases); lambda.1se: the largest λ whose mean is within one standard error of it (TiedRelative either way).
    private static CrossValidatedPath<TPath> Choose<TPath>(TPath full, CrossValidationOptions options, int[] folds, double[] mean, double[] error)
        where TPath : IRegularizationPath
    {
        int count = mean.Length;
        double sign = options.Metric == CrossValidationMetric.Auc ? -1 : 1;
        int best = 0;
        for (int k = 1; k < count; k++)
        {
            if (sign * mean[k] < sign * mean[best] - TiedRelative * Math.Abs(mean[best]) || double.IsNaN(mean[best]))
            {
                best = k;
            }
        }
        // The bound is tested with the same tolerance: an outside tester's AUC curve on 40 Ionosphere rows had a λ exactly on
        // it in R (94/96 = 95/96 − 1/96) and 1.1e-16 outside here.
        double bound = sign * mean[best] + error[best];
        int oneSe = Enumerable.Range(0, count).First(k => sign * mean[k] <= bound + TiedRelative * Math.Abs(bound));
        return new CrossValidatedPath<TPath>(full, options.Metric, mean, error, best, oneSe, options.Rule, folds);
    }
}
