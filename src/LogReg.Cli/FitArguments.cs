using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;

namespace LogReg.Cli;

/// <summary>
/// The fitting options 'train' and 'stats' share (--loss, --optimizer, --l2, --l1, --max-iterations,
/// --tolerance, --threads, --seed), read onto the core's double-precision options so that both
/// commands fit exactly the number typed, from the same defaults.
/// </summary>
internal static class FitArguments
{
    /// <summary>The options given, on top of <paramref name="defaults"/>.</summary>
    public static TrainerOptions Read(Arguments a, TrainerOptions defaults) => defaults with
    {
        Loss = a.Get(CliOptions.Loss) ?? defaults.Loss,
        Optimizer = a.Get(CliOptions.Optimizer) ?? defaults.Optimizer,
        L2Regularization = a.Get(CliOptions.L2) ?? defaults.L2Regularization,
        L1Regularization = a.Get(CliOptions.L1) ?? defaults.L1Regularization,
        MaximumNumberOfIterations = a.Get(CliOptions.MaxIterations) ?? defaults.MaximumNumberOfIterations,
        OptimizationTolerance = a.Get(CliOptions.Tolerance) ?? defaults.OptimizationTolerance,
        NumberOfThreads = a.Get(CliOptions.Threads) ?? defaults.NumberOfThreads,
        Seed = a.Get(CliOptions.Seed) ?? defaults.Seed,
        ClassWeighting = a.Get(CliOptions.ClassWeight) ?? defaults.ClassWeighting,
    };

    /// <summary>--class-weight: none | balanced | NEGATIVE:POSITIVE (e.g. 1:9).</summary>
    public static ClassWeighting? ClassWeights(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "none":
                return ClassWeighting.None;
            case "balanced":
                return ClassWeighting.Balanced;
        }
        var parts = text.Split(':');
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length == 2 && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, inv, out double negative)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, inv, out double positive)
            && double.IsFinite(negative) && negative > 0 && double.IsFinite(positive) && positive > 0)
        {
            return ClassWeighting.Explicit(negative, positive);
        }
        throw new CliException($"option '--class-weight' is '{text}'; expected none, balanced, or NEGATIVE:POSITIVE weights > 0 (e.g. 1:9).", 2);
    }

    /// <summary>The short name of a loss on the command line.</summary>
    public static string NameOf(LossKind loss) => CliOptions.Losses.First(kv => kv.Value == loss).Key;

    /// <summary>The remedies worded with this tool's options.</summary>
    public static string Describe(Remedy remedies) => Remedies.Describe(remedies, remedy => remedy switch
    {
        Remedy.RaiseIterationCap => "raise --max-iterations",
        Remedy.StandardizeFeatures => "standardize the features (--normalize meanvar)",
        Remedy.UseSecondOrderOptimizer => "use --optimizer newton or lbfgs",
        Remedy.RaiseL2 => "raise --l2",
        Remedy.LoosenTolerance => "loosen --tolerance",
        Remedy.LowerLearningRate => "lower the learning rate",
        Remedy.UseFirth => "use --method firth",
        _ => remedy.ToString(),
    });

    /// <summary>A refusal of <see cref="FitCapabilities"/> in this tool's flags: "--optimizer sgd: …; use auto, lbfgs, newton or gd".</summary>
    public static string Describe(FitRefusal refusal)
    {
        string Value(string core) => refusal.Option switch
        {
            nameof(TrainerOptions.Loss) => NameOf(Enum.Parse<LossKind>(core)),
            nameof(TrainerOptions.Optimizer) => OptimizerCatalog.NameOf(Enum.Parse<OptimizerKind>(core)),
            nameof(TrainerOptions.ClassWeighting) => core == nameof(ClassWeightingMode.Explicit) ? "NEG:POS" : core.ToLowerInvariant(),
            nameof(TrainerOptions.FirthBiasReduction) => core == "true" ? "firth" : "mle",
            _ => core,
        };
        string flag = refusal.Option switch
        {
            nameof(TrainerOptions.Loss) => "--loss",
            nameof(TrainerOptions.Optimizer) => "--optimizer",
            nameof(TrainerOptions.ClassWeighting) => "--class-weight",
            nameof(TrainerOptions.FirthBiasReduction) => "--method",
            _ => refusal.Option,
        };
        var instead = refusal.Instead.Select(Value).ToList();
        string choices = instead.Count == 1 ? instead[0] : string.Join(", ", instead.Take(instead.Count - 1)) + " or " + instead[^1];
        return $"{flag} {Value(refusal.Value)}: {refusal.Reason}; use {flag} {choices}.";
    }

    /// <summary>Refuses, in the tool's own words, the fitting options the softmax model does not take (a label with K &gt; 2 classes).</summary>
    public static void RequireSoftmax(TrainerOptions fit, int classes, string command)
    {
        if (FitCapabilities.Check(ModelFamily.Softmax, RowSource.InMemory, fit) is { } refusal)
        {
            throw new CliException($"{command}: the label has {classes} classes, so the multiclass (softmax) model is fitted; {Describe(refusal)}", 2);
        }
    }

    /// <summary>"converged", or why not and what to try, in this tool's flags.</summary>
    public static string Outcome(OptimizationResult result) => result.Converged
        ? "converged"
        : $"NOT converged ({Remedies.Explain(result.Termination)}; remedies: {Describe(result.Remedies)})";
}
