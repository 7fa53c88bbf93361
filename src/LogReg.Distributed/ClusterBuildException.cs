namespace LogReg.Distributed;

/// <summary>A worker runs another build than the coordinator (both named), or does not answer the build handshake.</summary>
public sealed class ClusterBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterBuildException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ClusterBuildException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClusterBuildException()
    {
    }
}
