namespace LogReg.Cli;

/// <summary>What a CSV column is for.</summary>
internal enum ColumnRole
{
    /// <summary>The class to predict (--label).</summary>
    Label,
    /// <summary>A numeric feature: every filled cell is a number.</summary>
    Numeric,
    /// <summary>A feature with few distinct strings (or --categorical): one indicator per level but the reference.</summary>
    Categorical,
    /// <summary>Free text (--text): a bag of words.</summary>
    Text,
    /// <summary>An identifier (--id): not a feature, written first in predict's output.</summary>
    Id,
    /// <summary>The example weight (--weight).</summary>
    Weight,
    /// <summary>Left out (--ignore, or every value differs).</summary>
    Ignored,
    /// <summary>Cannot be inferred: the schema says why and what to say instead.</summary>
    Undecided,
}

/// <summary>One CSV column as the schema sees it: its role, why, and what its cells hold.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Index">Zero-based position in the file.</param>
/// <param name="Role">What it is for.</param>
/// <param name="Why">How the role was decided (an option, or the inference rule); for <see cref="ColumnRole.Undecided"/>, the error.</param>
/// <param name="Numbers">True when every filled cell is a finite number.</param>
/// <param name="Distinct">Distinct filled cells.</param>
/// <param name="Missing">Blank cells.</param>
internal sealed record SchemaColumn(string Name, int Index, ColumnRole Role, string Why, bool Numbers, int Distinct, int Missing)
{
    /// <summary>True for the roles that become features.</summary>
    public bool IsFeature => Role is ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Text;
}

/// <summary>What to do with blank numeric cells (--missing).</summary>
internal enum MissingPolicy
{
    /// <summary>Refuse the file, naming the first blank.</summary>
    Error,
    /// <summary>Leave out rows with a blank numeric feature or label (as R's na.omit).</summary>
    Skip,
    /// <summary>The training mean, plus an indicator column per feature that had blanks.</summary>
    Mean,
}
