using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// Complete separation proved from the rows alone, for designs with at least as many columns as rows: when the n signed
/// rows of Ã are linearly independent, β = Ãᵀ(ÃÃᵀ)⁻¹·1 gives every row the margin 1 — a separating direction found by an
/// n×n solve (n²k multiply-adds) where the interior-point method would factor k×k normal matrices. An outside tester's 20
/// rows × 10,000 columns had been "not checked: too large", with coefficients and "converged: True" printed as if an
/// estimate existed. The direction is proved as the interior-point candidates are (<see cref="SeparationCertificate.Prove"/>);
/// a row repeated with its label is kept once; a row repeated with the other label, or rows otherwise dependent, give no
/// proof here.
/// </summary>
internal static class RowSpaceSeparation
{
    /// <summary>Whether the shape is this method's: no more rows than columns, and n²·k within <paramref name="maximumWork"/>.</summary>
    public static bool Applies(int rows, int columns, double maximumWork) => rows <= columns && (double)rows * rows * columns <= maximumWork;

    /// <summary>The complete-separation proof, or null when the rows are dependent or the margins do not verify.</summary>
    public static SeparationCertificate.Proof? TryProve(SignedDesign design)
    {
        int n = design.RowCount, k = design.Dimension;
        var rows = new double[n][];
        var unit = new double[n];
        for (int i = 0; i < n; i++)
        {
            unit[i] = 1;
            rows[i] = new double[k];
            design.MultiplyTransposed(unit, rows[i]);
            unit[i] = 0;
        }
        // A row repeated with its label adds nothing to separate: one copy is kept (an outside tester's 25 rows with 5
        // repeats had been "not checked"). Repeated with the other label, the rows cannot be completely separated.
        var distinct = new List<double[]>();
        var seen = new HashSet<double[]>(RowComparer.Instance);
        foreach (var row in rows)
        {
            if (seen.Contains(row.Select(v => -v).ToArray()))
            {
                return null;
            }
            if (seen.Add(row))
            {
                distinct.Add(row);
            }
        }
        int m = distinct.Count;
        var gram = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                gram[i * m + j] = gram[j * m + i] = VectorKernels.Dot(distinct[i], distinct[j]);
            }
        }
        var factor = new double[m * m];
        if (!DenseLinearAlgebra.TryCholesky(gram, m, factor))
        {
            return null;
        }
        var c = Enumerable.Repeat(1.0, m).ToArray();
        DenseLinearAlgebra.CholeskySolve(factor, m, c);
        var beta = new double[k];
        for (int i = 0; i < m; i++)
        {
            VectorKernels.AddScaled(distinct[i], c[i], beta);
        }
        // Verified here first, with room to spare, so that Prove settles it on its first test (its other tests read an
        // interior-point solution's multipliers, which this direction has none of).
        double largest = beta.Max(Math.Abs);
        var margins = new double[n];
        design.Multiply(beta, margins);
        if (!(largest > 0 && margins.Min() / largest > 4 * SeparationCertificate.StrictMargin))
        {
            return null;
        }
        var proof = SeparationCertificate.Prove(design, new MinimumMarginProgram.Solution(beta, 0, [], [], 0, 0, 0));
        return proof is { Separated: true, Complete: true } ? proof : null;
    }

    // Rows compared value by value (signed, scaled rows of Ã; −0 equals 0).
    private sealed class RowComparer : IEqualityComparer<double[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(double[]? x, double[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(double[] row)
        {
            var hash = new HashCode();
            foreach (double v in row)
            {
                hash.Add(v == 0 ? 0.0 : v);
            }
            return hash.ToHashCode();
        }
    }
}
