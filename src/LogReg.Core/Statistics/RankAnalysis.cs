using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Separation;

namespace LogReg.Core.Statistics;

/// <summary>
/// The rank of the design [1 X] and, as R's <c>glm</c> reports them, its aliased columns: taking the
/// columns in order (the intercept first), a column is aliased when it is a linear combination of
/// the columns kept before it. Computed by a Cholesky factorisation of the column-normalised Gram
/// matrix grown one column at a time; a column whose squared residual norm is below
/// <see cref="Tolerance"/> of its own is aliased, and its combination of the kept columns is
/// reported. Rows with zero weight are left out. A dense column far from 0 compared with its spread (a Unix time, a
/// year) is first shifted towards 0 (<see cref="ShiftedColumns"/>, exact in single precision): that changes no linear
/// dependence of [1 X], but without it the column is within the tolerance of the intercept and would be aliased.
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
        var shifted = ShiftedColumns.Of(data);
        var columns = shifted?.Data.Features ?? data.Features;
        var gram = new double[p * p];
        var scratch = new double[p];
        for (int i = 0; i < data.RowCount; i++)
        {
            if (data.WeightOf(i) > 0)
            {
                columns.AddWeightedOuterProduct(i, 1.0, gram, scratch); // upper triangle; index d is the intercept
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
        var steps = Enumerable.Range(0, p).Select(c => c == 0 || shifted is null ? 0 : Step(shifted.Centre(c - 1))).ToArray();
        var basis = GramBasis.Of(G, p, c => steps[c] > 0 ? CandidateTolerance : Tolerance,
            (c, kept, combination, residual) => residual <= Tolerance || WithinRounding(c, kept, combination, residual, steps, G(0, 0), G(c, c)));
        var aliased = new List<int>();
        var combinations = new Dictionary<int, IReadOnlyList<(int, double)>>();
        foreach (var (c, shiftedCoefficients) in basis.Coefficients.OrderBy(kv => kv.Key))
        {
            var coefficients = shifted is null ? shiftedCoefficients : Unshift(shiftedCoefficients, c, basis.Kept, shifted);
            aliased.Add(c);
            // A term is named when its part of the column (coefficient × the kept column's size) is not negligible:
            // an intercept term of 1e6 and a Unix-time term of 2 are of one size.
            var size = basis.Kept.Take(coefficients.Length).Select((b, a) => Math.Abs(coefficients[a]) * OriginalNorm(b, shifted, G)).ToArray();
            double largest = size.DefaultIfEmpty(0).Max();
            combinations[c] = basis.Kept.Take(coefficients.Length).Select((b, a) => (b, coefficients[a]))
                .Where((_, a) => size[a] > 1e-6 * largest).ToArray();
        }
        return new RankAnalysis(basis.Kept.Count, aliased, combinations);
    }

    // ‖x_c‖ of column c of [1 X] before any shift: ‖x′ + c·1‖² = ‖x′‖² + 2c·Σx′ + c²·n, from the shifted Gram matrix.
    private static double OriginalNorm(int c, ShiftedColumns? shifted, Func<int, int, double> gram)
    {
        double centre = c == 0 || shifted is null ? 0 : shifted.Centre(c - 1);
        return Math.Sqrt(Math.Max(0, gram(c, c) + 2 * centre * gram(0, c) + centre * centre * gram(0, 0)));
    }

    // A shifted column holds single precision's steps at its original size (a Unix time: 128), which are a visible part
    // of its shifted values; a combination of such columns is exact only up to their rounding (uniform, about 0.3 to
    // 0.4 of a step in root mean square for two columns), so the tolerance grows to half a step — no further: a column
    // spread over a few steps (1e6 + noise of 0.05, steps of 0.0625) still carries information.
    // A shifted column is a candidate for dependence when its residual is below half its size; it is dependent when
    // that residual is no more than single precision's rounding of it and of the terms of its combination (uniform
    // errors of a step each, root mean square step/√12 — a Unix time's 128 are a visible part of its shifted values),
    // with a factor 2 of margin: 2t + 5 written beside t is aliased, 1e6 plus noise over a few steps is not.
    private const double CandidateTolerance = 0.25;

    private static bool WithinRounding(int c, IReadOnlyList<int> kept, double[] combination, double residual, double[] steps, double rows, double squaredNorm)
    {
        double noise = steps[c] * steps[c];
        for (int a = 0; a < combination.Length; a++)
        {
            noise += combination[a] * combination[a] * steps[kept[a]] * steps[kept[a]];
        }
        return residual * squaredNorm / rows <= 4 * noise / 12;
    }

    // Single precision's step at a centre's size (0 for an unshifted column).
    private static double Step(double centre)
    {
        float magnitude = Math.Abs((float)centre);
        return centre == 0 ? 0 : (double)MathF.BitIncrement(magnitude) - magnitude;
    }

    // x′ⱼ = xⱼ − cⱼ = a₀ + Σ a_b·(x_b − c_b) over kept b, so xⱼ = (a₀ + cⱼ − Σ a_b·c_b) + Σ a_b·x_b. A column that is
    // constant (zero once shifted) is cⱼ·intercept.
    private static double[] Unshift(double[] coefficients, int c, IReadOnlyList<int> kept, ShiftedColumns shifted)
    {
        double centre = c == 0 ? 0 : shifted.Centre(c - 1);
        if (coefficients.Length == 0)
        {
            return centre == 0 || kept.Count == 0 || kept[0] != 0 ? coefficients : new[] { centre };
        }
        var result = (double[])coefficients.Clone();
        double intercept = centre;
        for (int a = 0; a < coefficients.Length; a++)
        {
            intercept -= kept[a] == 0 ? 0 : coefficients[a] * shifted.Centre(kept[a] - 1);
        }
        if (kept[0] == 0)
        {
            result[0] += intercept;
        }
        return result;
    }
}
