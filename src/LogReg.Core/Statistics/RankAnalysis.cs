using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Statistics;

/// <summary>
/// The rank of the design [1 X] and, as R's <c>glm</c> reports them, its aliased columns: taking the
/// columns in order (the intercept first), a column is aliased when it is a linear combination of
/// the columns kept before it. Computed by a Cholesky factorisation of the column-normalised Gram
/// matrix grown one column at a time; a column whose squared residual norm is below
/// <see cref="Tolerance"/> of its own is aliased, and its combination of the kept columns is
/// reported. Rows with zero weight are left out.
/// </summary>
public sealed class RankAnalysis
{
    /// <summary>Most parameters analysed (the Gram matrix is dense).</summary>
    public const int MaximumParameters = 2000;

    /// <summary>Squared relative residual below which a column counts as dependent (a relative norm of about 3e-5).</summary>
    public const double Tolerance = 1e-9;

    private RankAnalysis(int rank, IReadOnlyList<int> aliased, IReadOnlyDictionary<int, IReadOnlyList<(int Column, double Coefficient)>> combinations)
    {
        Rank = rank;
        Aliased = aliased;
        Combinations = combinations;
    }

    /// <summary>The rank of [1 X].</summary>
    public int Rank { get; }

    /// <summary>Aliased columns of [1 X]: 0 is the intercept, j + 1 is feature j.</summary>
    public IReadOnlyList<int> Aliased { get; }

    /// <summary>For each aliased column, the kept columns (same numbering) and coefficients that reproduce it.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<(int Column, double Coefficient)>> Combinations { get; }

    /// <summary>Analyses the design, or returns null when it has more than <see cref="MaximumParameters"/> columns.</summary>
    public static RankAnalysis? Inspect(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int p = data.FeatureCount + 1;
        if (p > MaximumParameters)
        {
            return null;
        }
        var gram = new double[p * p];
        var scratch = new double[p];
        for (int i = 0; i < data.RowCount; i++)
        {
            if (data.WeightOf(i) > 0)
            {
                data.Features.AddWeightedOuterProduct(i, 1.0, gram, scratch); // upper triangle; index d is the intercept
            }
        }
        // Reorder to [1, x₀, …] and symmetrise.
        int d = p - 1;
        int Source(int c) => c == 0 ? d : c - 1;
        double G(int a, int b)
        {
            int sa = Source(a), sb = Source(b);
            return sa <= sb ? gram[sa * p + sb] : gram[sb * p + sa];
        }
        var basis = GramBasis.Of(G, p, Tolerance);
        var aliased = new List<int>();
        var combinations = new Dictionary<int, IReadOnlyList<(int, double)>>();
        foreach (var (c, coefficients) in basis.Coefficients.OrderBy(kv => kv.Key))
        {
            aliased.Add(c);
            double largest = coefficients.Select(Math.Abs).DefaultIfEmpty(0).Max();
            combinations[c] = basis.Kept.Take(coefficients.Length).Select((b, a) => (b, coefficients[a]))
                .Where((_, a) => Math.Abs(coefficients[a]) > 1e-6 * largest).ToArray();
        }
        return new RankAnalysis(basis.Kept.Count, aliased, combinations);
    }
}
