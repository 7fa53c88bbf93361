using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>One line for the log, with its severity and, for a fit that did not converge, the remedies.</summary>
/// <param name="Severity">Info or warning.</param>
/// <param name="Message">The sentence, without the remedies (front ends word those with their own option names).</param>
/// <param name="Remedies">What would help.</param>
public readonly record struct LogEvent(LogSeverity Severity, string Message, Remedy Remedies = Remedy.None)
{
    /// <summary>The message and the remedies in plain words.</summary>
    public override string ToString() =>
        Remedies == Remedy.None ? Message : $"{Message} Remedies: {Optimization.Remedies.Describe(Remedies)}.";
}
