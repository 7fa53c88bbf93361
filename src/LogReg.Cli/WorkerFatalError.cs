using Orleans.Runtime;

namespace LogReg.Cli;

/// <summary>
/// What a worker does when Orleans declares it dead (the other silos voted it out, or it found itself declared dead): one
/// line naming the likely causes and exit 1 — Orleans' own handler fails fast, with a hundred lines of stack and a core
/// dump signal (exit 134).
/// </summary>
internal sealed class WorkerFatalError(TextWriter error) : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        // Orleans' message carries the whole membership table after "Membership:"; the reason before it is the news.
        string cause = (exception?.GetBaseException().Message ?? context ?? "").Split('\n')[0].Split(" Membership:")[0].Trim().TrimEnd('.');
        bool declared = cause.Contains("told I am dead", StringComparison.Ordinal) || cause.Contains("classifies this silo as Dead", StringComparison.Ordinal);
        error.WriteLine($"error: worker: {(declared ? "the cluster's membership declared this worker dead" : $"a fatal error in the cluster runtime ({cause})")}: the other workers could not reach it or took its place — " +
            "a certificate they do not trust (or no TLS where they use it), an address or port they cannot reach, or another worker started at its address. It stops.");
        error.Flush();
        Environment.Exit(1);
    }
}
