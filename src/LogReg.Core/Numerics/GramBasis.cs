namespace LogReg.Core.Numerics;

/// <summary>
/// Which columns of a matrix are linearly independent of the ones before them, from its Gram matrix: columns taken in
/// order, each normalised to unit length, kept when its squared residual against the kept ones (a Cholesky factor grown
/// one column at a time) is above a tolerance; for every other column, the coefficients that reproduce it from the kept
/// ones. An all-zero column is dependent with no coefficients. One O(p³) pass over the p×p Gram.
/// </summary>
internal sealed class GramBasis
{
    private GramBasis(List<int> kept, Dictionary<int, double[]> coefficients)
    {
        Kept = kept;
        Coefficients = coefficients;
    }

    /// <summary>The independent columns, in order.</summary>
    public IReadOnlyList<int> Kept { get; }

    /// <summary>For each dependent column, its coefficients on <see cref="Kept"/> (same order; empty for a zero column).</summary>
    public IReadOnlyDictionary<int, double[]> Coefficients { get; }

    /// <param name="gram">Entry (a, b) of the symmetric p×p Gram matrix.</param>
    /// <param name="p">Columns.</param>
    /// <param name="tolerance">A column whose squared relative residual is at or below this is dependent.</param>
    public static GramBasis Of(Func<int, int, double> gram, int p, double tolerance) => Of(gram, p, _ => tolerance);

    /// <param name="gram">Entry (a, b) of the symmetric p×p Gram matrix.</param>
    /// <param name="p">Columns.</param>
    /// <param name="tolerance">Column c is a candidate when its squared relative residual is at or below tolerance(c).</param>
    /// <param name="confirm">
    /// Whether a candidate c is dependent, given its coefficients on the kept columns (in the kept order) and its squared
    /// relative residual; null: every candidate is. A candidate it refuses is kept.
    /// </param>
    public static GramBasis Of(Func<int, int, double> gram, int p, Func<int, double> tolerance, Func<int, IReadOnlyList<int>, double[], double, bool>? confirm = null)
    {
        var norm = Enumerable.Range(0, p).Select(c => Math.Sqrt(gram(c, c))).ToArray();
        var kept = new List<int>();
        var factor = new List<double[]>(); // rows of L over the kept columns, normalised scale
        var coefficients = new Dictionary<int, double[]>();
        for (int c = 0; c < p; c++)
        {
            if (norm[c] == 0)
            {
                coefficients[c] = Array.Empty<double>();
                continue;
            }
            // y = L⁻¹·g with g the normalised Gram column against the kept columns.
            var y = new double[kept.Count];
            for (int a = 0; a < kept.Count; a++)
            {
                double sum = gram(kept[a], c) / (norm[kept[a]] * norm[c]);
                for (int b = 0; b < a; b++)
                {
                    sum -= factor[a][b] * y[b];
                }
                y[a] = sum / factor[a][a];
            }
            double residual = 1 - y.Sum(v => v * v);
            double[]? combination = residual > tolerance(c) ? null : Combination(y, factor, kept, norm, c);
            if (combination is null || (residual > 0 && confirm is not null && !confirm(c, kept, combination, residual)))
            {
                var row = new double[kept.Count + 1];
                Array.Copy(y, row, y.Length);
                row[kept.Count] = Math.Sqrt(residual);
                factor.Add(row);
                kept.Add(c);
                continue;
            }
            coefficients[c] = combination;
        }
        // A column is reproduced by the columns kept before it; later kept columns get coefficient 0.
        foreach (var c in coefficients.Keys.ToArray())
        {
            if (coefficients[c].Length is > 0 and var length && length < kept.Count)
            {
                var padded = new double[kept.Count];
                Array.Copy(coefficients[c], padded, length);
                coefficients[c] = padded;
            }
        }
        return new GramBasis(kept, coefficients);
    }

    // x_c = Σ a_b·x_b over kept b: back-substitute Lᵀ·a = y, then undo the normalisation.
    private static double[] Combination(double[] y, List<double[]> factor, List<int> kept, double[] norm, int c)
    {
        var a2 = new double[kept.Count];
        for (int a = kept.Count - 1; a >= 0; a--)
        {
            double sum = y[a];
            for (int b = a + 1; b < kept.Count; b++)
            {
                sum -= factor[b][a] * a2[b];
            }
            a2[a] = sum / factor[a][a];
        }
        return kept.Select((b, a) => a2[a] * norm[c] / norm[b]).ToArray();
    }
}
