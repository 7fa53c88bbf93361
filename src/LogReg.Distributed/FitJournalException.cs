namespace LogReg.Distributed;

/// <summary>A fit checkpoint (<see cref="FitJournal"/>) cannot be used: missing, not a checkpoint, or recorded over other data.</summary>
public sealed class FitJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FitJournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FitJournalException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FitJournalException()
    {
    }
}
