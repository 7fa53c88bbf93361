namespace LogReg.MLNet;

/// <summary>The warning every trainer logs when rows were left out for a missing value, as ML.NET's own trainers warn.</summary>
internal static class SkippedRowsNote
{
    /// <summary>One line naming the count and the columns a missing value can come from.</summary>
    public static string Of(long skipped, string features, string? weights, string label, bool labelCanBeMissing) =>
        $"Skipped {skipped} row(s) with a missing value: a NaN in '{features}'" +
        (weights is null ? "" : $" or '{weights}'") +
        (labelCanBeMissing ? $", or a missing label in '{label}'." : ".");
}
