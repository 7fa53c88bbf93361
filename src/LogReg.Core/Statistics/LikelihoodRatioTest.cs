using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// The likelihood-ratio test of a model against the nested model without some of its features
/// (R's <c>anova(reduced, full, test = "Chisq")</c>): LR = 2·(ℓ_full − ℓ_reduced), compared with
/// χ² on df = the number of parameters dropped (counting estimated ones, so aliased columns do not count).
/// </summary>
/// <param name="Dropped">The features left out of the reduced model.</param>
/// <param name="Full">Statistics of the full model.</param>
/// <param name="Reduced">Statistics of the reduced model.</param>
public sealed record LikelihoodRatioTest(IReadOnlyList<string> Dropped, ModelStatistics Full, ModelStatistics Reduced)
{
    /// <summary>2·(ℓ_full − ℓ_reduced).</summary>
    public double Statistic => 2 * (Full.LogLikelihood - Reduced.LogLikelihood);

    /// <summary>Parameters dropped.</summary>
    public int DegreesOfFreedom => Full.ParameterCount - Reduced.ParameterCount;

    /// <summary>P(χ²(df) ≥ LR).</summary>
    public double PValue => SpecialFunctions.ChiSquareSurvival(Statistic, DegreesOfFreedom);

    /// <summary>
    /// Fits the full model and the one without <paramref name="drop"/> (by feature name) with the same
    /// options (by default the maximum-likelihood ones) and tests the difference. Only for BCE (a likelihood).
    /// </summary>
    public static LikelihoodRatioTest Run(TrainingSet data, IReadOnlyCollection<string> drop, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(drop);
        options ??= StatisticsCalculator.MaximumLikelihoodOptions;
        if (options.Loss != LossKind.BinaryCrossEntropy)
        {
            throw new ArgumentException($"Loss is {options.Loss}; a likelihood-ratio test needs a likelihood (BinaryCrossEntropy).", nameof(options));
        }
        if (drop.Count == 0)
        {
            throw new ArgumentException("No feature to drop; name at least one.", nameof(drop));
        }
        var names = data.FeatureNames ?? Enumerable.Range(0, data.FeatureCount).Select(j => $"x{j}").ToArray();
        foreach (var name in drop)
        {
            if (!names.Contains(name))
            {
                throw new ArgumentException($"Feature '{name}' is not in the data; its features are {string.Join(", ", names)}.", nameof(drop));
            }
        }
        var kept = Enumerable.Range(0, data.FeatureCount).Where(j => !drop.Contains(names[j])).ToList();
        if (kept.Count == 0)
        {
            throw new ArgumentException("Dropping every feature leaves only the intercept; the full model's own LR test (LikelihoodRatio) is that test.", nameof(drop));
        }
        var full = StatisticsCalculator.Fit(data, options);
        var reduced = StatisticsCalculator.Fit(data.SelectFeatures(kept), options);
        return new LikelihoodRatioTest(drop.ToArray(), full, reduced);
    }

    /// <summary>One line: LR, df, p.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"Likelihood-ratio test, dropping {string.Join(", ", Dropped)}: LR = {Statistic:F4}, df = {DegreesOfFreedom}, p = {PValue:G4}");
}
