using System.Globalization;
using LogReg.Core.Objectives;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>
/// The softmax cross-entropy Σ over shards of Σ sᵢ·ℓ(yᵢ, Wxᵢ + b) + penalty, with the sums computed where the data live
/// (<see cref="ISoftmaxShardGrain"/>), added in shard order (<see cref="SummedObjective"/> with K biases). The classes
/// are every label any shard holds, numbered in one order for all (labels that all read as numbers by value, otherwise
/// ordinally); balanced class weights are resolved on the totals. A failed call is retried as for the binary objective; a
/// shard whose rows or checksum change fails the fit.
/// </summary>
public sealed class DistributedSoftmaxObjective : SummedObjective
{
    private readonly IReadOnlyList<ISoftmaxShardGrain> _grains;
    private readonly IReadOnlyList<ShardSpec> _shards;
    private readonly IReadOnlyList<SoftmaxShardSummary> _summaries;
    private readonly IReadOnlyList<OpenedShard> _opened;
    private readonly double[]? _factors;
    private readonly int _threads;
    private readonly RetryPolicy _retry;
    private readonly FitJournal? _journal;

    private DistributedSoftmaxObjective(IReadOnlyList<ISoftmaxShardGrain> grains, IReadOnlyList<ShardSpec> shards, IReadOnlyList<SoftmaxShardSummary> summaries,
        IReadOnlyList<OpenedShard> opened, IReadOnlyList<string> classes, double[]? factors, TrainerOptions options, RetryPolicy retry, FitJournal? journal)
        : base(FitProblemPenalty(options, classes.Count * summaries[0].FeatureCount), classes.Count)
    {
        (_grains, _shards, _summaries, _factors, _threads, _retry, _journal) = (grains, shards, summaries, factors, options.ResolvedThreads, retry, journal);
        Classes = classes;
        _opened = opened;
        RowCount = summaries.Sum(s => s.Rows);
        var counts = ClassRows(classes, summaries);
        ValueScale = counts.Select((c, k) => c * (factors?[k] ?? 1.0)).Sum() / RowCount;
    }

    /// <summary>The classes, in the order of the model's rows and biases.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Feature names (from the first shard), if any.</summary>
    public IReadOnlyList<string>? FeatureNames => _summaries[0].FeatureNames;

    /// <inheritdoc/>
    public override long RowCount { get; }

    /// <inheritdoc/>
    public override double ValueScale { get; }

    /// <summary>Opens every shard (each reads its files), numbers the classes over all of them, and resolves the class weights.</summary>
    /// <exception cref="ShardDataException">Shards disagree on the features, or fewer than two classes have rows.</exception>
    public static async Task<DistributedSoftmaxObjective> OpenAsync(IGrainFactory grains, string jobId, IReadOnlyList<LocatedShard> located, TrainerOptions options,
        RetryPolicy? retry = null, FitJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        retry ??= RetryPolicy.Default;
        var (shards, refs, summaries, opened) = await ShardRound.OpenAsync<ISoftmaxShardGrain, SoftmaxShardSummary>(grains, jobId, located, (g, spec) => g.Open(spec),
            s => new OpenedShard(s.Rows, s.Checksum, s.FeatureCount), retry).ConfigureAwait(false);
        var classes = Order(summaries.SelectMany(s => s.Labels).Distinct(StringComparer.Ordinal));
        if (classes.Count < 2)
        {
            throw new ShardDataException($"The shards' labels hold {classes.Count} class(es); the softmax model needs at least two.");
        }
        journal?.Begin("softmax", shards, opened);
        var counts = ClassRows(classes, summaries);
        double[]? factors = options.ClassWeighting.Mode == ClassWeightingMode.None ? null : options.ClassWeighting.FactorsFor(counts);
        return new DistributedSoftmaxObjective(refs, shards, summaries, opened, classes, factors, options, retry, journal);
    }

    /// <inheritdoc/>
    protected override void SumParts(PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton, Action<PartialSums> add)
    {
        var request = new ShardRequest(quantity, theta, vector, Core.Losses.LossKind.BinaryCrossEntropy, 1, 1, gaussNewton, _threads, _factors);
        ShardRound.Sum(request, _shards, _opened, k => _grains[k].Evaluate(_shards[k], Classes, request), _retry, _journal, add);
    }

    // Rows of each class over all shards.
    private static long[] ClassRows(IReadOnlyList<string> classes, IReadOnlyList<SoftmaxShardSummary> summaries) =>
        classes.Select(c => summaries.Sum(s => s.Labels.Select((l, i) => l == c ? s.LabelRows[i] : 0).Sum())).ToArray();

    // Labels that all read as numbers are ordered by value ("2" before "10"), others ordinally.
    private static List<string> Order(IEnumerable<string> labels)
    {
        var all = labels.ToList();
        bool numeric = all.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? all.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToList()
            : all.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

    private static Core.Penalties.ElasticNetPenalty FitProblemPenalty(TrainerOptions options, int penalized) =>
        new(options.L2Regularization, options.L1Regularization, penalized, options.EnforceNonNegativity);
}
