using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>A path problem's row weights: as given, and normalised to sum 1 (glmnet's scaling of the loss).</summary>
internal static class PathWeights
{
    /// <summary>The rows' weights as given and normalised to sum 1; refuses data without weight on both classes.</summary>
    public static (double[] Raw, double[] Normalized) Of(TrainingSet data)
    {
        var raw = Enumerable.Range(0, data.RowCount).Select(data.WeightOf).ToArray();
        double total = raw.Sum();
        var weights = raw.Select(s => s / total).ToArray();
        double positive = PositiveShare(weights, data.Labels);
        if (!(positive > 0 && positive < 1))
        {
            throw new ArgumentException("A path needs weight on both classes.", nameof(data));
        }
        return (raw, weights);
    }

    /// <summary>The normalised weight on the rows labelled 1.</summary>
    public static double PositiveShare(double[] weights, double[] labels)
    {
        double positive = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            positive += weights[i] * labels[i];
        }
        return positive;
    }
}
