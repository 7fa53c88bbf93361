namespace LogReg.Cli;

/// <summary>One CSV column as the schema sees it: its role, why, and what its cells hold.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Index">Zero-based position in the file.</param>
/// <param name="Role">What it is for.</param>
/// <param name="Why">How the role was decided (an option, or the inference rule); for <see cref="ColumnRole.Undecided"/>, the error.</param>
/// <param name="Numbers">True when every filled cell is a finite number.</param>
/// <param name="Distinct">Distinct filled cells.</param>
/// <param name="Missing">Blank cells.</param>
/// <param name="DistinctCapped">True when <paramref name="Distinct"/> is a lower bound: counting stopped there.</param>
internal sealed record SchemaColumn(string Name, int Index, ColumnRole Role, string Why, bool Numbers, int Distinct, int Missing, bool DistinctCapped = false)
{
    /// <summary>The distinct count as the schema prints it ("> 1000" when counting stopped).</summary>
    public string DistinctText => DistinctCapped ? $"> {TableSchema.DistinctCap}" : Distinct.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for the roles that become features.</summary>
    public bool IsFeature => Role is ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Text;
}
