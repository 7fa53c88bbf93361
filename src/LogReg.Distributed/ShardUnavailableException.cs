namespace LogReg.Distributed;

/// <summary>
/// No live worker holds a shard's files any more (its holders were declared dead): raised by the placement, never
/// retried, and reported by the coordinator as a <see cref="ShardDataException"/> naming the shard's files.
/// </summary>
[GenerateSerializer]
public sealed class ShardUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShardUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ShardUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ShardUnavailableException()
    {
    }
}
