namespace LogReg.Distributed;

/// <summary>A cluster member's TLS settings cannot be used: a certificate or trust file is missing, unreadable or not trusted.</summary>
public sealed class ClusterTlsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterTlsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ClusterTlsException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClusterTlsException()
    {
    }
}
