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
        // Sorted as arrays (an index sort through a key selector took a third of a second on 500,000 rows); each run of
        // equal scores adds its average rank once per positive row in it. NaN sorts first and equals nothing, as before.
        var sorted = new double[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            sorted[i] = scores[i];
            order[i] = i;
        }
        Array.Sort(sorted, order);
        double positives = 0, sum = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && sorted[end + 1] == sorted[start])
            {
                end++;
            }
            int inRun = 0;
            for (int k = start; k <= end; k++)
            {
                inRun += labels[order[k]] ? 1 : 0;
            }
            positives += inRun;
            sum += inRun * ((start + end) / 2.0 + 1);
            start = end + 1;
        }
        double negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        return (sum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
