using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The support's Newton system (H_AA + λ(1 − α)I, with the intercept's row and column) solved directly: the weighted Gram
/// of the support's stored values (<see cref="PathProblem.AddRawGram"/>), centred and scaled (<see cref="RawGramCentring"/>),
/// then Cholesky. <see cref="SparseActiveSetStep"/> turns to it when its conjugate gradients have already cost what
/// forming and factoring the matrix would: on collinear one-hot columns (nested categories, shares that sum to 100 %)
/// the gradients need hundreds of products where a few hundred columns' Gram costs a handful.
/// The returned solution is checked by the caller through the same products as the gradients, and only replaces theirs
/// when closer.
/// </summary>
internal static class SupportCholeskySolve
{
    /// <summary>Supports above this many columns stay with the conjugate gradients: the matrix alone would be 32 MB.</summary>
    public const int MaxColumns = 2000;

    /// <summary>
    /// The work of forming and factoring the system over the columns <paramref name="support"/>, in units of one stored
    /// value visited (a scattered multiply-add): the Gram's pairs within each row (counted into
    /// <paramref name="rowCounts"/>, one per row), and the factorisation's (k + 1)³/6 multiply-adds at about a quarter of
    /// that each (contiguous, vectorised).
    /// </summary>
    public static double Cost(SparseStandardizedProblem problem, int[] support, int[] rowCounts)
    {
        Array.Clear(rowCounts);
        foreach (int j in support)
        {
            for (int s = problem.ColumnStart[j]; s < problem.ColumnStart[j + 1]; s++)
            {
                rowCounts[problem.ColumnRows[s]]++;
            }
        }
        double pairs = 0;
        foreach (int c in rowCounts)
        {
            pairs += 0.5 * c * (c + 1.0);
        }
        double size = support.Length + 1.0;
        return pairs + size * size * size / 24;
    }

    /// <summary>
    /// d solving (H + l2·I_coefficients)d = q on <paramref name="active"/> (positions in <paramref name="columns"/>; q's last
    /// entry the intercept's), or null when the matrix has a non-finite entry; a column in the span of those before it gets
    /// no move, so on an inconsistent singular system d is only the best on the others.
    /// </summary>
    public static double[]? Solve(SparseStandardizedProblem problem, int[] columns, int[] active, double[] v, double l2, double[] q)
    {
        int k = active.Length, size = k + 1;
        var support = new int[k];
        var mean = new double[k];
        var scale = new double[k];
        for (int r = 0; r < k; r++)
        {
            int j = columns[active[r]];
            (support[r], mean[r], scale[r]) = (j, problem.Mean(j), problem.Scale(j));
        }
        var gram = new double[size * size];
        problem.AddRawGram(support, v, gram);
        var h = new double[size * size];
        var h0 = new double[k];
        h[k * size + k] = RawGramCentring.Centre(gram, mean, scale, h, h0, stride: size);
        for (int a = 0; a < k; a++)
        {
            h[a * size + k] = h[k * size + a] = h0[a];
            h[a * size + a] += l2;
        }
        // Collinear columns (a category's dummies summing to another's) make H singular yet the system consistent: a
        // column within 1e-10 of its diagonal of the span of those before it keeps a 0 move, which leaves a solution.
        if (SemidefiniteCholesky.Factor(h, size, ActiveSetStep.DependentPivot) is not { } factor)
        {
            return null;
        }
        var d = (double[])q.Clone();
        factor.Solve(d);
        return d;
    }
}
