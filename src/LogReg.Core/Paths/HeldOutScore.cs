namespace LogReg.Core.Paths;

/// <summary>
/// The score of one fold's held-out rows at one λ, as cv.glmnet computes it: the weighted mean of a per-row loss
/// (deviance, log-loss, misclassification), or the fold's AUC.
/// </summary>
internal static class HeldOutScore
{
    private const double DevianceClip = 1e-5;
    private const double LogLossClip = 1e-15;

    /// <summary>
    /// The score of rows with classes <paramref name="classes"/> (0 … K − 1), weights <paramref name="weights"/> and
    /// predicted class probabilities <paramref name="probabilities"/>[row][class]; NaN when the fold cannot score it
    /// (an AUC of a fold holding one class).
    /// </summary>
    public static double Of(CrossValidationMetric metric, IReadOnlyList<int> classes, IReadOnlyList<double> weights, IReadOnlyList<double[]> probabilities)
    {
        if (metric == CrossValidationMetric.Auc)
        {
            return Auc(classes, weights, probabilities);
        }
        double sum = 0, total = 0;
        for (int r = 0; r < classes.Count; r++)
        {
            sum += weights[r] * RowLoss(metric, classes[r], probabilities[r]);
            total += weights[r];
        }
        return sum / total;
    }

    /// <summary>One row's loss under a per-row <paramref name="metric"/> (not the AUC): the row of class
    /// <paramref name="truth"/> predicted with class probabilities <paramref name="p"/>.</summary>
    public static double RowLoss(CrossValidationMetric metric, int truth, double[] p) => metric switch
    {
        CrossValidationMetric.Deviance => -2 * Math.Log(Math.Clamp(p[truth], DevianceClip, 1 - DevianceClip)),
        CrossValidationMetric.LogLoss => -Math.Log(Math.Clamp(p[truth], LogLossClip, 1 - LogLossClip)),
        CrossValidationMetric.Auc => throw new ArgumentException("The AUC is a fold's, not a row's.", nameof(metric)),
        _ => Wrong(p, truth) ? 1 : 0,
    };

    // The predicted class is the most probable one, ties going to the lower class — for two classes at ½ each, class 0,
    // as cv.glmnet's binomial rule (a positive is wrong at p ≤ ½, a negative at p > ½).
    private static bool Wrong(double[] p, int truth)
    {
        int predicted = 0;
        for (int c = 1; c < p.Length; c++)
        {
            if (p[c] > p[predicted])
            {
                predicted = c;
            }
        }
        return predicted != truth;
    }

    // Weighted Mann–Whitney: the weight of (positive, negative) pairs the positive ranks above, ties counting one half.
    private static double Auc(IReadOnlyList<int> classes, IReadOnlyList<double> weights, IReadOnlyList<double[]> probabilities)
    {
        var order = Enumerable.Range(0, classes.Count).OrderBy(r => probabilities[r][1]).ToArray();
        double negativesBelow = 0, pairs = 0, positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            double tiedPositive = 0, tiedNegative = 0;
            while (end < order.Length && probabilities[order[end]][1] == probabilities[order[start]][1])
            {
                int r = order[end++];
                if (classes[r] == 1)
                {
                    tiedPositive += weights[r];
                }
                else
                {
                    tiedNegative += weights[r];
                }
            }
            pairs += tiedPositive * (negativesBelow + tiedNegative / 2);
            negativesBelow += tiedNegative;
            positives += tiedPositive;
            start = end;
        }
        return positives > 0 && negativesBelow > 0 ? pairs / (positives * negativesBelow) : double.NaN;
    }
}
