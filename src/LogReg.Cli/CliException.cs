namespace LogReg.Cli;

/// <summary>A user error: printed as one line, exit code 1 (2 for usage errors).</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 1)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}
