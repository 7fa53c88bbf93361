namespace LogReg.Core.Training;

/// <summary>How much a log event matters.</summary>
public enum LogSeverity
{
    /// <summary>What happened (the optimizer chosen, the outcome).</summary>
    Info,

    /// <summary>Something the user should act on (no convergence, separation, …).</summary>
    Warning,
}
