namespace LogReg.Core.Separation;

/// <summary>The verdict of the separation check (see <see cref="SeparationCheck"/>), proved by certificates.</summary>
/// <param name="Checked">False when the check did not decide (then nothing else is claimed; <paramref name="Reason"/> says why).</param>
/// <param name="Separated">True: complete or quasi-complete separation, so no finite maximum-likelihood estimate exists.</param>
/// <param name="Complete">
/// True: one direction puts every row strictly on its own side (complete separation); false: the dual certificate proves
/// some rows stay on the boundary (quasi-complete); null when the data are separated but whether they are completely
/// separated lies on the numerical threshold (some rows within 1e-9 of the hyperplane, neither side provable).
/// </param>
/// <param name="SeparatedRows">
/// Rows that the separating direction puts strictly on their own side (margin &gt; 1e-9); the others lie on its boundary,
/// and the dual certificate proves that no separating direction moves them off it by more than the thresholds (all rows
/// when complete, 0 without separation).
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
/// <param name="BoundaryRows">Rows (with a positive weight) that every separating direction leaves on the boundary.</param>
public sealed record SeparationResult(
    bool Checked, bool Separated, bool? Complete, int SeparatedRows, IReadOnlyDictionary<string, double> Direction,
    double MinimumMargin, double OptimumBound, string? Reason = null, int BoundaryRows = 0)
{
    /// <summary>
    /// Feature columns the verdict was decided without: each differs from a combination of the other columns only at the
    /// precision features are stored in (single precision), and with them the stored data sat on the threshold. Empty
    /// when every column took part (columns that are exact combinations of others never change the verdict and are not listed).
    /// </summary>
    public IReadOnlyList<string> SetAside { get; init; } = Array.Empty<string>();

    /// <summary>
    /// What a verdict on several classes is about, e.g. "Class 'setosa' is separated from the other classes"
    /// (<see cref="Describe"/> starts with it); null for the binary check's own verdict.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>A result that decides nothing, with the reason.</summary>
    public static SeparationResult NotChecked(string reason) => new(false, false, false, 0, new Dictionary<string, double>(), 0, 0, reason);

    /// <summary>Most features <see cref="Describe"/> names (the largest coefficients of the direction).</summary>
    public const int NamedFeatures = 8;

    /// <summary>
    /// The verdict as a sentence naming the separating features, e.g. "The data are quasi-completely separated by 'NV'
    /// (proved by the separation check: 13 of 79 rows lie strictly on their side of a hyperplane, the rest on it)."
    /// </summary>
    /// <param name="rename">Maps a column name of the direction to the name to print (e.g. a front end's own), or null.</param>
    public string Describe(Func<string, string>? rename = null) => Subject is null ? Sentence(rename) : $"{Subject}: {Sentence(rename)}";

    private string Sentence(Func<string, string>? rename)
    {
        if (!Checked)
        {
            return $"Separation was not checked: {Reason}";
        }
        if (!Separated)
        {
            return $"The data are not separated (proved by the separation check), so the maximum-likelihood estimate exists.{SetAsideNote()}";
        }
        var features = Direction.Where(kv => kv.Key != "intercept").OrderByDescending(kv => Math.Abs(kv.Value)).Select(kv => $"'{(rename is null ? kv.Key : rename(kv.Key))}'").ToList();
        string by = features.Count == 0 ? "the intercept alone"
            : string.Join(", ", features.Take(NamedFeatures)) + (features.Count > NamedFeatures ? $" and {features.Count - NamedFeatures} more" : "");
        string how = Complete switch
        {
            true => "every row lies strictly on its side of a hyperplane",
            false => $"{SeparatedRows} of {SeparatedRows + BoundaryRows} rows lie strictly on their side of a hyperplane, the rest on it",
            null => $"{SeparatedRows} of {SeparatedRows + BoundaryRows} rows lie strictly on their side of a hyperplane, the rest within 1e-9 of it; " +
                "whether the separation is complete lies on the numerical threshold",
        };
        string kind = Complete switch { true => "completely ", false => "quasi-completely ", null => "" };
        return $"The data are {kind}separated by {by} (proved by the separation check: {how}).{SetAsideNote()}";
    }

    private string SetAsideNote() => SetAside.Count == 0 ? ""
        : $" Decided without {string.Join(", ", SetAside.Select(c => $"'{c}'"))}, {(SetAside.Count == 1 ? "which differs from a combination" : "which differ from combinations")} of the other columns only at single precision.";
}
