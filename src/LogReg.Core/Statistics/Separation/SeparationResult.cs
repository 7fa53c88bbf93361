namespace LogReg.Core.Statistics;

/// <summary>The verdict of the separation check (see <see cref="SeparationCheck"/>), proved by certificates.</summary>
/// <param name="Checked">False when the check did not decide (then nothing else is claimed; <paramref name="Reason"/> says why).</param>
/// <param name="Separated">True: complete or quasi-complete separation, so no finite maximum-likelihood estimate exists.</param>
/// <param name="Complete">True: one direction puts every row strictly on its own side (complete separation).</param>
/// <param name="SeparatedRows">
/// Rows that a separating direction can put strictly on their own side; every other row lies on the boundary
/// of every separating direction (all rows when complete, 0 without separation).
/// </param>
/// <param name="Direction">
/// The non-zero coefficients of a separating direction β with max |βⱼ| = 1, by column name ("intercept" first), on
/// columns scaled to max |x| = 1; empty without separation. Its margins are positive on the separated rows and zero
/// (to 1e-12) on the others. Other directions may exist.
/// </param>
/// <param name="MinimumMargin">Complete separation: the smallest margin of that direction over all rows (a lower bound of the largest possible); else 0.</param>
/// <param name="OptimumBound">
/// Bounds the optimum of Konis's program (maximise Σᵢ sᵢx̃ᵢβ subject to sᵢx̃ᵢβ ≥ 0, |βⱼ| ≤ 1): separated, a lower
/// bound (the sum of the direction's margins, &gt; 1e-7); not separated, an upper bound from the dual certificate (≤ 1e-7).
/// </param>
/// <param name="Reason">Why the check did not decide (null when it did).</param>
public sealed record SeparationResult(
    bool Checked, bool Separated, bool Complete, int SeparatedRows, IReadOnlyDictionary<string, double> Direction,
    double MinimumMargin, double OptimumBound, string? Reason = null)
{
    /// <summary>A result that decides nothing, with the reason.</summary>
    public static SeparationResult NotChecked(string reason) => new(false, false, false, 0, new Dictionary<string, double>(), 0, 0, reason);
}
