namespace LogReg.Cli;

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
