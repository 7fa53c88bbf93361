using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Core.Training;

/// <summary>
/// Per-class weights multiplied into the example weights: every row of class c counts w_c times
/// (so F = Σᵢ w_{yᵢ}·sᵢ·ℓᵢ + penalty). <see cref="Balanced"/> is scikit-learn's
/// <c>class_weight="balanced"</c>: w_c = n / (2·n_c) from the class counts (unweighted, as
/// scikit-learn computes it). Note that the weights scale the loss against the fixed L2 penalty
/// (scikit-learn #27455): with balanced weights on rare positives the total loss weight stays n,
/// but with explicit weights a larger sum means relatively less regularization. The intercept then
/// fits the reweighted prevalence; <see cref="LogisticModel.WithPriorCorrection"/> restores calibrated
/// probabilities (King &amp; Zeng 2001).
/// </summary>
/// <param name="Mode">None, balanced, or explicit.</param>
/// <param name="Negative">Explicit weight of class 0 (false).</param>
/// <param name="Positive">Explicit weight of class 1 (true).</param>
public sealed record ClassWeighting(ClassWeightingMode Mode, double Negative = 1, double Positive = 1)
{
    /// <summary>Every class weighs 1.</summary>
    public static ClassWeighting None { get; } = new(ClassWeightingMode.None);

    /// <summary>w_c = n / (2·n_c).</summary>
    public static ClassWeighting Balanced { get; } = new(ClassWeightingMode.Balanced);

    /// <summary>Explicit weights for class 0 and class 1.</summary>
    public static ClassWeighting Explicit(double negative, double positive) => new(ClassWeightingMode.Explicit, negative, positive);

    /// <summary>Throws unless the explicit weights are finite and &gt; 0.</summary>
    public void Validate()
    {
        if (Mode == ClassWeightingMode.Explicit && !(double.IsFinite(Negative) && Negative > 0 && double.IsFinite(Positive) && Positive > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ClassWeighting), this, string.Create(CultureInfo.InvariantCulture,
                $"ClassWeighting has weights {Negative} (negative) and {Positive} (positive); expected finite numbers > 0."));
        }
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(ClassWeighting), Mode, "Unknown class weighting.");
        }
    }

    /// <summary>The weights (negative, positive) this stands for on <paramref name="data"/>.</summary>
    public (double Negative, double Positive) For(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return For(data.RowCount, Mode == ClassWeightingMode.Balanced ? data.Labels.Count(y => y == 1.0) : 0);
    }

    /// <summary>The same from the counts alone (data read in parts): balanced weights n/(2·n_k) on the row counts.</summary>
    public (double Negative, double Positive) For(long rows, long positives) => Mode switch
    {
        ClassWeightingMode.Balanced => (rows / (2.0 * (rows - positives)), rows / (2.0 * positives)),
        ClassWeightingMode.Explicit => (Negative, Positive),
        _ => (1, 1),
    };

    /// <summary>The training set with the class weights multiplied into its example weights (features shared, not copied).</summary>
    public TrainingSet Apply(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Mode == ClassWeightingMode.None)
        {
            return data;
        }
        var (negative, positive) = For(data);
        var weights = new double[data.RowCount];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = data.WeightOf(i) * (data.Labels[i] == 1.0 ? positive : negative);
        }
        return new TrainingSet(data.Features, data.Labels, weights, data.FeatureNames);
    }

    /// <summary>
    /// The K-class training set with the class weights multiplied into its example weights: balanced is scikit-learn's
    /// n / (K · n_k) from row counts over the K classes that occur (as the binary n / (2·n_k)); explicit weights name two
    /// classes and are refused (<see cref="FitCapabilities"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Explicit weights.</exception>
    public MulticlassTrainingSet Apply(MulticlassTrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        switch (Mode)
        {
            case ClassWeightingMode.None:
                return data;
            case ClassWeightingMode.Explicit:
                throw new ArgumentException(FitCapabilities.Check(ModelFamily.Softmax, RowSource.InMemory, TrainerOptions.Default with { ClassWeighting = this })!.Message);
        }
        var counts = new long[data.ClassCount];
        foreach (int y in data.Labels)
        {
            counts[y]++;
        }
        return data.WithClassFactors(FactorsFor(counts));
    }

    /// <summary>
    /// The factor of each of K classes from the row counts of the whole data (read in parts, or in memory): balanced
    /// n / (K · n_k) over the classes that occur, 1 otherwise.
    /// </summary>
    public double[] FactorsFor(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (Mode != ClassWeightingMode.Balanced)
        {
            return counts.Select(_ => 1.0).ToArray();
        }
        long rows = counts.Sum();
        int present = counts.Count(c => c > 0);
        return counts.Select(c => c > 0 ? rows / (present * (double)c) : 0.0).ToArray();
    }
}
