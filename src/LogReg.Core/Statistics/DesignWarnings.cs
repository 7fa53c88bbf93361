using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Separation;

namespace LogReg.Core.Statistics;

/// <summary>The sentences that name what is wrong with a design: dependent columns and separation.</summary>
internal static class DesignWarnings
{
    public static string Name(TrainingSet data, int column) =>
        column == 0 ? "intercept" : data.FeatureNames?[column - 1] ?? $"x{column - 1}";

    /// <summary>"'psi_yes' = 1·intercept − 1·'psi_no'; 'c' is all zero", one clause per aliased column.</summary>
    public static string Dependencies(TrainingSet data, RankAnalysis rank)
    {
        // A wide design's warning had listed all 81 aliased columns of a 20 × 100 file with every term: 40 KB on one line.
        var clauses = rank.Aliased.Take(NamedCombinations).Select(c =>
        {
            var terms = rank.Combinations[c];
            if (terms.Count == 0)
            {
                return $"'{Name(data, c)}' is zero on every row";
            }
            var combination = string.Join(" ", terms.Take(NamedTerms).Select((t, i) =>
            {
                string sign = t.Coefficient < 0 ? "− " : i == 0 ? "" : "+ ";
                string term = t.Column == 0 ? "intercept" : $"'{Name(data, t.Column)}'";
                return sign + Math.Abs(t.Coefficient).ToString("G6", CultureInfo.InvariantCulture) + "·" + term;
            })) + (terms.Count > NamedTerms ? $" + … ({terms.Count - NamedTerms} more terms)" : "");
            return $"'{Name(data, c)}' = {combination}";
        });
        int more = rank.Aliased.Count - NamedCombinations;
        return string.Join("; ", clauses) + (more > 0 ? $"; and {more} more column(s), each a combination of the others" : "");
    }

    private const int NamedCombinations = 3, NamedTerms = 8, NamedAliased = 10;

    // The aliased columns by name, the first few and how many more.
    private static string AliasedNames(TrainingSet data, RankAnalysis rank) =>
        string.Join(", ", rank.Aliased.Take(NamedAliased).Select(c => $"'{Name(data, c)}'")) +
        (rank.Aliased.Count > NamedAliased ? $" and {rank.Aliased.Count - NamedAliased} more" : "");

    public static string RankDeficient(TrainingSet data, RankAnalysis rank, double l2, bool unpenalised)
    {
        string what = string.Create(CultureInfo.InvariantCulture,
            $"The design is rank deficient: [1 X] has rank {rank.Rank} of {data.FeatureCount + 1} columns, because {Dependencies(data, rank)}.");
        string aliased = AliasedNames(data, rank);
        return unpenalised
            ? $"{what} As R's glm does, {aliased} {(rank.Aliased.Count == 1 ? "is" : "are")} reported as aliased (no estimate) and left out of the fit; " +
              "degrees of freedom, AIC and BIC use the rank. Remedy: drop the aliased column(s), or add L2 regularization."
            : l2 > 0 ? $"{what} The L2 penalty makes the fit unique; drop {aliased} for interpretable coefficients."
            : $"{what} Without L2 the fit is unique only if L1 leaves all but one of each dependent group at 0; drop {aliased}, or add L2.";
    }

    public static string Separated(SeparationResult separation) =>
        $"{separation.Describe()} So the maximum-likelihood estimate does not exist: the coefficients run off to infinity and no standard error " +
        "is meaningful. Remedy: Firth's bias-reduced estimate (finite on separated data; --method firth), L2 regularization (e.g. L2 = 1), " +
        "or dropping the separating features.";
}
