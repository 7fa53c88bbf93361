namespace LogReg.Core.Diagnostics;

/// <summary>The result of a gradient check.</summary>
public sealed record GradientCheckResult(IReadOnlyList<GradientCheckEntry> Entries)
{
    /// <summary>The largest relative error over the coordinates.</summary>
    public double MaxRelativeError => Entries.Count == 0 ? 0 : Entries.Max(e => e.RelativeError);
}
