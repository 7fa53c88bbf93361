using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// Feature columns that are combinations of the intercept and the columns before them. <see cref="Exact"/> ones add no
/// margin direction, so leaving them out cannot change the verdict, while left in they make the solver's and the
/// certificates' linear systems singular. <see cref="Numerical"/> ones differ from a combination only at the precision the
/// features are stored in (single precision, a relative 1e-7: a derived column such as x₀ − x₃ written with 16 digits and
/// read as floats): their tiny independent part can put the stored data on the separation threshold, so the check decides
/// without them when it cannot decide with them.
/// </summary>
internal sealed record DependentColumns(IReadOnlySet<int> Exact, IReadOnlySet<int> Numerical)
{
    /// <summary>Squared relative residual (row by row) at or below which a column is an exact combination.</summary>
    public const double ExactTolerance = 1e-24;

    /// <summary>Squared relative residual (from the Gram matrix) at or below which a column is a combination at single precision.</summary>
    public const double NumericalTolerance = 1e-14;

    /// <summary>The dependent feature columns of <paramref name="data"/> (indices of features).</summary>
    public static DependentColumns Of(TrainingSet data)
    {
        int d = data.FeatureCount, p = d + 1;
        var upper = new double[p * p];
        data.Features.AddWeightedGram(0, data.RowCount, Enumerable.Repeat(1.0, data.RowCount).ToArray(), upper);
        // Intercept first (index d of the design), then the features in order.
        int Source(int c) => c == 0 ? d : c - 1;
        double Gram(int a, int b)
        {
            int sa = Source(a), sb = Source(b);
            return sa <= sb ? upper[sa * p + sb] : upper[sb * p + sa];
        }
        // Candidates from the Gram matrix (its own rounding allows no finer test), each then tried on the rows.
        var basis = GramBasis.Of(Gram, p, NumericalTolerance);
        var exact = new HashSet<int>();
        var numerical = new HashSet<int>();
        foreach (var (c, coefficients) in basis.Coefficients.Where(kv => kv.Key > 0))
        {
            (ExactCombination(data, c, basis.Kept, coefficients) ? exact : numerical).Add(c - 1);
        }
        return new DependentColumns(exact, numerical);
    }

    // Whether column c of [1 X] equals Σ coefficient·(kept column), row by row, to ExactTolerance.
    private static bool ExactCombination(TrainingSet data, int c, IReadOnlyList<int> kept, double[] coefficients)
    {
        var row = new double[data.FeatureCount];
        double residual = 0, size = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, row);
            double x = row[c - 1], fit = 0;
            for (int a = 0; a < coefficients.Length; a++)
            {
                fit += coefficients[a] * (kept[a] == 0 ? 1.0 : row[kept[a] - 1]);
            }
            residual += (x - fit) * (x - fit);
            size += x * x;
        }
        return residual <= ExactTolerance * size;
    }
}
