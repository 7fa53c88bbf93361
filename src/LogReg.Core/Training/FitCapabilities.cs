using LogReg.Core.Losses;

namespace LogReg.Core.Training;

/// <summary>
/// Which options a fit can honour, by model family and row source: the one table every front end asks (the trainers,
/// the streaming and distributed fits, the ML.NET adapter, the command line), so that a refusal is decided in one
/// place and only worded by the front end. Values checked on their own (ranges, Newton with L1) stay in
/// <see cref="TrainerOptions.Validate"/>.
/// </summary>
public static class FitCapabilities
{
    // Example: options that set the value the rule governs (for the table).
    private sealed record Rule(string Option, Func<TrainerOptions, string?> Value, Func<ModelFamily, RowSource, string?> Reason, IReadOnlyList<string> Instead,
        TrainerOptions Example);

    private static readonly string[] NotSgd = { nameof(OptimizerKind.Auto), nameof(OptimizerKind.Lbfgs), nameof(OptimizerKind.Newton), nameof(OptimizerKind.GradientDescent) };

    private static readonly Rule[] Rules =
    {
        new(nameof(TrainerOptions.Loss),
            o => o.Loss == LossKind.MeanSquaredError ? nameof(LossKind.MeanSquaredError) : null,
            (family, _) => family == ModelFamily.Softmax ? "the softmax model is fitted by cross-entropy only (BinaryCrossEntropy is its K = 2 case)" : null,
            new[] { nameof(LossKind.BinaryCrossEntropy) },
            TrainerOptions.Default with { Loss = LossKind.MeanSquaredError }),
        new(nameof(TrainerOptions.Optimizer),
            o => o.Optimizer == OptimizerKind.MiniBatchSgd ? nameof(OptimizerKind.MiniBatchSgd) : null,
            (family, source) => family == ModelFamily.Softmax ? "the softmax model does not offer mini-batch SGD yet"
                : source == RowSource.Streamed ? "random mini-batches need the rows in memory"
                : source == RowSource.Sharded ? "random mini-batches need the rows in one place"
                : null,
            NotSgd,
            TrainerOptions.Default with { Optimizer = OptimizerKind.MiniBatchSgd }),
        new(nameof(TrainerOptions.ClassWeighting),
            o => o.ClassWeighting.Mode == ClassWeightingMode.Explicit ? nameof(ClassWeightingMode.Explicit) : null,
            (family, _) => family == ModelFamily.Softmax ? "explicit weights name two classes (negative, positive); for K classes weight the examples instead" : null,
            new[] { nameof(ClassWeightingMode.None), nameof(ClassWeightingMode.Balanced) },
            TrainerOptions.Default with { ClassWeighting = ClassWeighting.Explicit(1, 2) }),
        new(nameof(TrainerOptions.FirthBiasReduction),
            o => o.FirthBiasReduction ? "true" : null,
            (family, source) => family == ModelFamily.Softmax ? "Firth's correction is offered for the binary model only"
                : source != RowSource.InMemory ? "Firth's correction needs every row's leverage, so the rows in memory"
                : null,
            new[] { "false" },
            TrainerOptions.Default with { FirthBiasReduction = true, L2Regularization = 0 }),
    };

    /// <summary>Why a fit of <paramref name="family"/> over <paramref name="source"/> cannot honour <paramref name="options"/>, or null when it can.</summary>
    public static FitRefusal? Check(ModelFamily family, RowSource source, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var rule in Rules)
        {
            if (rule.Value(options) is { } value && rule.Reason(family, source) is { } reason)
            {
                return new FitRefusal(rule.Option, value, reason, rule.Instead);
            }
        }
        return null;
    }

    /// <summary>Throws the refusal of <see cref="Check"/>, worded with the core's option names, as an <see cref="ArgumentException"/>.</summary>
    /// <exception cref="ArgumentException">The options cannot be honoured.</exception>
    public static void Require(ModelFamily family, RowSource source, TrainerOptions options)
    {
        if (Check(family, source, options) is { } refusal)
        {
            string fit = source switch
            {
                RowSource.Streamed => "A streamed fit (data read pass by pass) cannot honour ",
                RowSource.Sharded => "A distributed fit cannot honour ",
                _ => "",
            };
            throw new ArgumentException(fit + refusal.Message, nameof(options));
        }
    }

    /// <summary>The table as data: for every option value a rule governs, whether each family × source honours it (for documentation).</summary>
    public static IEnumerable<(string Option, string Value, ModelFamily Family, RowSource Source, string? Refusal)> Table()
    {
        var probes = Rules.Select(r => (r.Option, Value: r.Value(r.Example)!, Options: r.Example)).Append(("(defaults)", "", TrainerOptions.Default));
        foreach (var (option, value, options) in probes)
        {
            foreach (var family in Enum.GetValues<ModelFamily>())
            {
                foreach (var source in Enum.GetValues<RowSource>())
                {
                    yield return (option, value, family, source, Check(family, source, options)?.Reason);
                }
            }
        }
    }
}
