namespace LogReg.Cli;

/// <summary>
/// The part of an error about a column that is not in a file: the names as the file has them — the first few of a wide
/// file, with how many more — and the one the user probably meant when a name matches but for case or surrounding
/// spaces (names are matched exactly).
/// </summary>
internal static class ColumnListing
{
    /// <summary>Columns named in full before the rest are counted.</summary>
    public const int Shown = 20;

    /// <summary>"did you mean 'y'? " when some column matches <paramref name="wanted"/> but for case or spaces, else "".</summary>
    public static string Suggestion(string wanted, IReadOnlyList<string> header)
    {
        var near = header.FirstOrDefault(h => string.Equals(h.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        return near is null ? "" : $"did you mean '{near}' (names are matched exactly)? ";
    }

    /// <summary>"its columns are: a, b, c" — over <see cref="Shown"/> columns, the first of them and "… and N more (M in all)".</summary>
    public static string Of(IReadOnlyList<string> header) =>
        header.Count <= Shown
            ? $"its columns are: {string.Join(", ", header)}"
            : $"its columns are: {string.Join(", ", header.Take(Shown))} … and {header.Count - Shown:N0} more ({header.Count:N0} in all)";

    /// <summary>The names in <paramref name="names"/>, quoted — over <see cref="Shown"/>, the first of them and how many more.</summary>
    public static string Quoted(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(Shown).Select(n => $"'{n}'")) + (names.Count > Shown ? $" … and {names.Count - Shown:N0} more" : "");
}
