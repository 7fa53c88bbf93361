using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Penalties;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>
/// The objective F(w, b) = Σ over shards of Σ sᵢℓ(yᵢ, zᵢ) + (L2/2)‖w‖² with the sums computed where the
/// data live: every evaluation asks all shard grains at once and adds their partial sums in shard
/// order (<see cref="SummedObjective"/>: placement and silo count never change a bit), penalty once. The
/// core's optimizers run on it unchanged. A failed call (a silo died) is retried — the shard re-activates
/// elsewhere and reads its files again; a shard whose rows or checksum differ from the first pass, or
/// whose data cannot be read, fails the fit (<see cref="ShardDataException"/>).
/// </summary>
public sealed class DistributedObjective : SummedObjective
{
    private readonly IReadOnlyList<IShardGrain> _grains;
    private readonly IReadOnlyList<ShardSpec> _shards;
    private readonly IReadOnlyList<ShardSummary> _summaries;
    private readonly IReadOnlyList<OpenedShard> _opened;
    private readonly LossKind _loss;
    private readonly int _threads;
    private readonly double _negative;
    private readonly double _positive;
    private readonly RetryPolicy _retry;
    private readonly FitJournal? _journal;

    private DistributedObjective(IReadOnlyList<IShardGrain> grains, IReadOnlyList<ShardSpec> shards, IReadOnlyList<ShardSummary> summaries,
        IReadOnlyList<OpenedShard> opened, LossKind loss, ElasticNetPenalty penalty, int threads, (double Negative, double Positive) classWeights, RetryPolicy retry, FitJournal? journal)
        : base(penalty)
    {
        _journal = journal;
        _grains = grains;
        _shards = shards;
        _summaries = summaries;
        _opened = opened;
        _loss = loss;
        _threads = threads;
        (_negative, _positive) = classWeights;
        _retry = retry;
        RowCount = summaries.Sum(s => s.Rows);
        ValueScale = summaries.Sum(s => _positive * s.PositiveWeight + _negative * s.NegativeWeight) / RowCount;
    }

    /// <summary>
    /// Opens every shard (each reads its files), checks that they agree on the features and that both
    /// classes have weight, and resolves the class weights on the whole data. With a <paramref name="journal"/>, every
    /// round of answers is recorded in it, and a resumed journal answers the rounds it holds (after checking that the
    /// shards hold the data it was recorded on).
    /// </summary>
    public static Task<DistributedObjective> OpenAsync(IGrainFactory grains, string jobId, IReadOnlyList<ShardSpec> shards, TrainerOptions options,
        RetryPolicy? retry = null, FitJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return OpenAsync(grains, jobId, shards.Select(s => new LocatedShard(s, [])).ToList(), options, retry, journal);
    }

    /// <summary>Opens shards placed where their files are (each on the first live worker of its holders).</summary>
    public static async Task<DistributedObjective> OpenAsync(IGrainFactory grains, string jobId, IReadOnlyList<LocatedShard> located, TrainerOptions options,
        RetryPolicy? retry = null, FitJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        retry ??= RetryPolicy.Default;
        var (shards, refs, summaries, opened) = await ShardRound.OpenAsync<IShardGrain, ShardSummary>(grains, jobId, located, (g, spec) => g.Open(spec),
            s => new OpenedShard(s.Rows, s.Checksum, s.FeatureCount), retry).ConfigureAwait(false);
        int d = opened[0].FeatureCount;
        journal?.Begin("binary", shards, opened);
        long rows = summaries.Sum(s => s.Rows);
        LogisticRegressionTrainer.RequireBothClasses(rows, summaries.Sum(s => s.PositiveWeight), summaries.Sum(s => s.NegativeWeight), nameof(shards));
        var weights = options.ClassWeighting.For(rows, summaries.Sum(s => s.Positives));
        var penalty = new ElasticNetPenalty(options.L2Regularization, options.L1Regularization, d, options.EnforceNonNegativity);
        return new DistributedObjective(refs, shards, summaries, opened, options.Loss, penalty, options.ResolvedThreads, weights, retry, journal);
    }

    /// <summary>Rows over all shards.</summary>
    public override long RowCount { get; }

    /// <summary>Σ sᵢ over the rows of each class, the class weights applied (what the intercept-only model needs).</summary>
    public (double Positive, double Negative) ClassWeightTotals =>
        (_positive * _summaries.Sum(s => s.PositiveWeight), _negative * _summaries.Sum(s => s.NegativeWeight));

    /// <summary>Feature names (from the first shard), if any.</summary>
    public IReadOnlyList<string>? FeatureNames => _summaries[0].FeatureNames;

    /// <inheritdoc/>
    public override double ValueScale { get; }

    // All shards at once; answers in shard order, each checked against what the shard held on the first pass.
    /// <inheritdoc/>
    protected override void SumParts(PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton, Action<PartialSums> add)
    {
        var request = new ShardRequest(quantity, theta, vector, _loss, _negative, _positive, gaussNewton, _threads);
        ShardRound.Sum(request, _shards, _opened, k => _grains[k].Evaluate(_shards[k], request), _retry, _journal, add);
    }
}
