namespace LogReg.Core.Training;

/// <summary>
/// An option value a fit cannot honour (<see cref="FitCapabilities.Check"/>), structured so that each front end words it
/// with its own names for the option and its values.
/// </summary>
/// <param name="Option">The option, by its <see cref="TrainerOptions"/> name (or "row source").</param>
/// <param name="Value">The value given, by its core name.</param>
/// <param name="Reason">Why it cannot be honoured here.</param>
/// <param name="Instead">The values that can, by their core names.</param>
public sealed record FitRefusal(string Option, string Value, string Reason, IReadOnlyList<string> Instead)
{
    /// <summary>The refusal in the core's names: "Optimizer = MiniBatchSgd: …; expected Auto, Lbfgs, …".</summary>
    public string Message => $"{Option} = {Value}: {Reason}; expected {string.Join(", ", Instead)}.";
}
