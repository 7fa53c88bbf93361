namespace LogReg.Compare;

/// <summary>Test-fold metrics of a multiclass model, computed here from its class probabilities.</summary>
/// <param name="MicroAccuracy">Fraction of rows whose most probable class is the true one.</param>
/// <param name="MacroAccuracy">Mean over the classes present of the per-class recall.</param>
/// <param name="LogLoss">Mean of −ln p(true class) in nats (probabilities floored at 1e-15).</param>
public sealed record MulticlassMetrics(double MicroAccuracy, double MacroAccuracy, double LogLoss)
{
    /// <summary>From true classes and per-row probability vectors.</summary>
    public static MulticlassMetrics Compute(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        int classes = probabilities.Count == 0 ? 0 : probabilities[0].Length;
        var hits = new int[classes];
        var totals = new int[classes];
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            var p = probabilities[i];
            int best = 0;
            for (int k = 1; k < p.Length; k++)
            {
                if (p[k] > p[best])
                {
                    best = k;
                }
            }
            totals[labels[i]]++;
            if (best == labels[i])
            {
                hits[labels[i]]++;
                correct++;
            }
            logLoss -= Math.Log(Math.Max(p[labels[i]], 1e-15));
        }
        double macro = Enumerable.Range(0, classes).Where(k => totals[k] > 0).Average(k => (double)hits[k] / totals[k]);
        return new MulticlassMetrics((double)correct / labels.Count, macro, logLoss / labels.Count);
    }
}
