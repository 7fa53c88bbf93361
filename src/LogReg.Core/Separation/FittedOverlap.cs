using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// "Not separated", proved from a maximum-likelihood fit instead of the interior-point solve. At the optimum the
/// gradient Σ wᵢ(pᵢ − yᵢ)·x̃ᵢ is 0, and wᵢ(pᵢ − yᵢ) = −sᵢ·wᵢσ(−sᵢzᵢ) (zᵢ the fitted margin, sᵢ = 2yᵢ − 1), so the
/// multipliers νᵢ = wᵢσ(−sᵢzᵢ) are positive on every row and Ãᵀν ≈ 0: Stiemke's certificate that no direction separates —
/// the one <see cref="MinimumMarginProgram"/> looks for on the rows it leaves on the boundary. It is refined and checked
/// exactly as the solver's is (<see cref="StiemkeBound"/>, the residual in double-double), so a fit short of its optimum,
/// or data that are separated (no positive ν then exists), prove nothing and the caller runs the full check. Each attempt
/// costs a few passes over the rows and one k×k Gram matrix, and keeps a few vectors of the row count where the solver
/// keeps ~16.
/// </summary>
internal static class FittedOverlap
{
    // Where a row is fitted with a probability within ~1e-9 of 0 or 1 its multiplier is that small, and the bound
    // ‖r‖₁/min ν (r at rounding level) is too large to prove anything. Raised to a floor — a fraction of the largest
    // multiplier — and projected back onto Ãᵀν = 0 by the refinement, ν moves into the cone's interior: on the reference
    // corpus 1e-6 proves every overlapping set (bounds 2e-10 to 3e-8, against 6e-3 to 1e13 unlifted), 1e-4 most.
    // Tried in turn; each candidate is proved or rejected on its own. (Unlifted, 0, proved no set these did not.)
    private static readonly double[] Floors = [1e-6, 1e-4];

    /// <summary>
    /// Most columns (intercept included) it takes on: an attempt costs one k×k Gram matrix over the rows, about one
    /// Newton iteration of the fit it certifies, so unlike the interior-point check it is not bounded by
    /// <see cref="SeparationCheck.MaximumWork"/> — a fit that could be run can be certified.
    /// </summary>
    public const int MaximumColumns = 2001;

    /// <summary>
    /// The verdict from the fitted margins <paramref name="margins"/> (one per row of <paramref name="data"/>, the
    /// features' order), or null when they prove nothing; rows with zero weight take no part, as in the full check.
    /// </summary>
    public static SeparationResult? Prove(TrainingSet data, ReadOnlySpan<double> margins, int? threads)
    {
        int n = data.RowCount, k = data.FeatureCount + 1;
        if (margins.Length != n || k > MaximumColumns || data.Labels.Any(y => y is not (0.0 or 1.0)))
        {
            return null;
        }
        var rows = Enumerable.Range(0, n).Where(i => data.WeightOf(i) > 0).ToArray();
        if (rows.Length == 0)
        {
            return null;
        }
        var multipliers = new double[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            int i = rows[r];
            multipliers[r] = data.WeightOf(i) * StableMath.Sigmoid(data.Labels[i] == 1.0 ? -margins[i] : margins[i]);
        }
        var used = rows.Length == n ? data : data.SelectRows(rows);
        var design = new SignedDesign(used.Features, used.Labels, threads ?? Environment.ProcessorCount);
        double top = multipliers.Max();
        foreach (double floor in Floors)
        {
            var lifted = multipliers.Select(v => Math.Max(v, floor * top)).ToArray();
            if (SeparationCertificate.ProveOverlap(design, lifted) is { } proof)
            {
                return new SeparationResult(true, false, false, 0, new Dictionary<string, double>(), 0, proof.Bound, BoundaryRows: rows.Length);
            }
        }
        return null;
    }
}
