using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// Complete separation proved from the rows alone, for designs with at least as many columns as rows: when the n signed
/// rows of Ã are linearly independent, β = Ãᵀ(ÃÃᵀ)⁻¹·1 gives every row the margin 1 — a separating direction found by an
/// n×n solve (n²k multiply-adds) where the interior-point method would factor k×k normal matrices. An outside tester's 20
/// rows × 10,000 columns had been "not checked: too large", with coefficients and "converged: True" printed as if an
/// estimate existed. The direction is proved as the interior-point candidates are (<see cref="SeparationCertificate.Prove"/>);
/// dependent rows (a repeated row, rank below n) give no proof here.
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
        var gram = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                gram[i * n + j] = gram[j * n + i] = VectorKernels.Dot(rows[i], rows[j]);
            }
        }
        var factor = new double[n * n];
        if (!DenseLinearAlgebra.TryCholesky(gram, n, factor))
        {
            return null;
        }
        var c = Enumerable.Repeat(1.0, n).ToArray();
        DenseLinearAlgebra.CholeskySolve(factor, n, c);
        var beta = new double[k];
        design.MultiplyTransposed(c, beta);
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
}
