namespace LogReg.Distributed;

/// <summary>
/// A shard's data cannot be used: a file is missing or unreadable, or the data changed between passes.
/// The fit fails with it (it is never retried, and never replaced by a smaller data set).
/// </summary>
[GenerateSerializer]
public sealed class ShardDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShardDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ShardDataException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ShardDataException()
    {
    }
}
