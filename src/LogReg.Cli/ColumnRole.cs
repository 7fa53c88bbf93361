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
