namespace LogReg.Core.Statistics;

/// <summary>The verdict of the separation linear program (see <see cref="SeparationCheck"/>).</summary>
/// <param name="Checked">False when the problem was too large to check (then nothing else is claimed).</param>
/// <param name="Separated">True: complete or quasi-complete separation, so no finite maximum-likelihood estimate exists.</param>
/// <param name="Complete">True: every row lies strictly on its own side (complete separation).</param>
/// <param name="Optimum">The LP's optimal value Σᵢ sᵢ·x̃ᵢβ on columns scaled to max |x| = 1 (0 without separation).</param>
/// <param name="SeparatedRows">Rows the separating direction puts strictly on their own side.</param>
/// <param name="Direction">The non-zero coefficients of the separating direction β, by column name ("intercept" first), on the scaled columns.</param>
public sealed record SeparationResult(
    bool Checked, bool Separated, bool Complete, double Optimum, int SeparatedRows, IReadOnlyDictionary<string, double> Direction)
{
    /// <summary>The result for a problem that was not checked.</summary>
    public static SeparationResult NotChecked { get; } = new(false, false, false, 0, 0, new Dictionary<string, double>());
}
