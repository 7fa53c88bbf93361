namespace LogReg.Compare;

/// <summary>Metrics of one scored test set.</summary>
/// <param name="Auc">Area under the ROC curve of the scores (ties count ½).</param>
/// <param name="Accuracy">Share of rows whose predicted label (score &gt; 0) is right.</param>
/// <param name="F1">Harmonic mean of precision and recall of the positive class (0 when undefined).</param>
/// <param name="LogLoss">Mean of −ln p(true label), in nats, with p clipped to [1e-15, 1 − 1e-15].</param>
public sealed record BinaryMetrics(double Auc, double Accuracy, double F1, double LogLoss)
{
    /// <summary>Computes the metrics from labels, raw scores and probabilities.</summary>
    public static BinaryMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, IReadOnlyList<double> probabilities)
    {
        int n = labels.Count;
        if (n == 0 || scores.Count != n || probabilities.Count != n)
        {
            throw new ArgumentException($"Expected one score and one probability per label; got {n} labels, {scores.Count} scores, {probabilities.Count} probabilities.");
        }
        int tp = 0, fp = 0, fn = 0, correct = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++)
        {
            bool predicted = scores[i] > 0;
            if (predicted == labels[i])
            {
                correct++;
            }
            if (predicted && labels[i]) { tp++; }
            if (predicted && !labels[i]) { fp++; }
            if (!predicted && labels[i]) { fn++; }
            double p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            logLoss -= Math.Log(labels[i] ? p : 1 - p);
        }
        double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        return new BinaryMetrics(AreaUnderRoc(labels, scores), (double)correct / n, f1, logLoss / n);
    }

    /// <summary>AUC by the rank-sum (Mann–Whitney) formula with average ranks for ties; NaN with one class.</summary>
    public static double AreaUnderRoc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        int n = labels.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        var rank = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++)
            {
                rank[order[k]] = average;
            }
            start = end + 1;
        }
        double positives = labels.Count(l => l), negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (labels[i])
            {
                sum += rank[i];
            }
        }
        return (sum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
