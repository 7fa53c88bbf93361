namespace LogReg.Core.Optimization;

/// <summary>The remedies for each way of stopping without convergence, and their neutral wording.</summary>
public static class Remedies
{
    /// <summary>What helps after stopping for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why the optimizer stopped.</param>
    /// <param name="secondOrder">True for Newton and L-BFGS (switching to them is then no remedy).</param>
    public static Remedy For(TerminationReason reason, bool secondOrder) => reason switch
    {
        TerminationReason.MaximumIterations =>
            Remedy.RaiseIterationCap | Remedy.StandardizeFeatures | (secondOrder ? Remedy.None : Remedy.UseSecondOrderOptimizer),
        TerminationReason.NoFurtherProgress => Remedy.StandardizeFeatures | Remedy.RaiseL2 | Remedy.LoosenTolerance,
        TerminationReason.Diverged => Remedy.LowerLearningRate | Remedy.StandardizeFeatures,
        TerminationReason.ObjectiveStalled => Remedy.StandardizeFeatures | Remedy.UseSecondOrderOptimizer | Remedy.RaiseIterationCap,
        TerminationReason.NoFiniteMinimum => Remedy.RaiseL2 | Remedy.UseFirth,
        _ => Remedy.None,
    };

    /// <summary>Why the optimizer stopped, as a sentence (no option names).</summary>
    public static string Explain(TerminationReason reason) => reason switch
    {
        TerminationReason.MaximumIterations => "the iteration cap was reached before the gradient test was met",
        TerminationReason.NoFurtherProgress =>
            "no step decreased the objective any more in double precision; the features are probably badly scaled",
        TerminationReason.Diverged => "the objective grew without bound or became NaN",
        TerminationReason.ObjectiveStalled => "the objective stopped improving over an epoch before the gradient test was met",
        TerminationReason.NoFiniteMinimum => "the data are separated and nothing is penalised, so the objective has no minimum: the weights grow without bound",
        _ => "the stopping test was met",
    };

    /// <summary>The remedies in plain words, joined with "; " (front ends word them with their option names instead).</summary>
    public static string Describe(Remedy remedies, Func<Remedy, string>? wording = null)
    {
        wording ??= Plain;
        return string.Join("; ", Enum.GetValues<Remedy>().Where(r => r != Remedy.None && remedies.HasFlag(r)).Select(wording));
    }

    private static string Plain(Remedy remedy) => remedy switch
    {
        Remedy.RaiseIterationCap => "raise the iteration cap",
        Remedy.StandardizeFeatures => "standardize the features",
        Remedy.UseSecondOrderOptimizer => "use the Newton or L-BFGS optimizer",
        Remedy.RaiseL2 => "raise the L2 weight",
        Remedy.LoosenTolerance => "loosen the tolerance",
        Remedy.LowerLearningRate => "lower the learning rate",
        Remedy.UseFirth => "fit Firth's bias-reduced likelihood",
        _ => remedy.ToString(),
    };
}
