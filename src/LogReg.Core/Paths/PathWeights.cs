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
            var (onPositive, onNegative) = ClassTotals(raw, data.Labels);
            // Both classes weighted, one so far below the other that its share rounds away (an outside tester's one row at
            // weight 3e38 among rows at 1) — said so, rather than that a class has none.
            throw new ArgumentException(onPositive > 0 && onNegative > 0
                ? FormattableString.Invariant($"A path needs weight on both classes: the {(positive >= 1 ? "negative" : "positive")} class's total weight ({Math.Min(onPositive, onNegative):G4}) is below double precision's resolution against the other's ({Math.Max(onPositive, onNegative):G4}); bring the weights to a common scale.")
                : $"A path needs weight on both classes: every row with weight is {(onPositive > 0 ? "positive (label 1)" : "negative (label 0)")}.", nameof(data));
        }
        return (raw, weights);
    }

    /// <summary>The total weight on the rows labelled 1 and on the others, each summed in row order.</summary>
    public static (double Positive, double Negative) ClassTotals(double[] weights, double[] labels)
    {
        double positive = 0, negative = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            (positive, negative) = labels[i] == 1 ? (positive + weights[i], negative) : (positive, negative + weights[i]);
        }
        return (positive, negative);
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
