using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>
/// The objective F(w, b) = Σ over shards of Σ sᵢℓ(yᵢ, zᵢ) + (L2/2)‖w‖² with the sums computed where the
/// data live: every evaluation asks all shard grains at once and adds their partial sums in shard
/// order (so placement and silo count never change a bit), then adds the penalty once. The core's
/// optimizers run on it unchanged. A failed call (a silo died) is retried — the shard re-activates
/// elsewhere and reads its files again; a shard whose rows or checksum differ from the first pass, or
/// whose data cannot be read, fails the fit (<see cref="ShardDataException"/>).
/// </summary>
public sealed class DistributedObjective : IPreconditionedObjective
{
    private readonly IReadOnlyList<IShardGrain> _grains;
    private readonly IReadOnlyList<ShardSpec> _shards;
    private readonly IReadOnlyList<ShardSummary> _summaries;
    private readonly LossKind _loss;
    private readonly int _threads;
    private readonly double _negative;
    private readonly double _positive;
    private readonly RetryPolicy _retry;

    private DistributedObjective(IReadOnlyList<IShardGrain> grains, IReadOnlyList<ShardSpec> shards, IReadOnlyList<ShardSummary> summaries,
        LossKind loss, ElasticNetPenalty penalty, int threads, (double Negative, double Positive) classWeights, RetryPolicy retry)
    {
        _grains = grains;
        _shards = shards;
        _summaries = summaries;
        _loss = loss;
        _threads = threads;
        (_negative, _positive) = classWeights;
        _retry = retry;
        Penalty = penalty;
        RowCount = summaries.Sum(s => s.Rows);
        double total = summaries.Sum(s => _positive * s.PositiveWeight + _negative * s.NegativeWeight);
        ValueScale = total > 0 && RowCount > 0 ? total / RowCount : 1.0;
    }

    /// <summary>
    /// Opens every shard (each reads its files), checks that they agree on the features and that both
    /// classes have weight, and resolves the class weights on the whole data.
    /// </summary>
    public static async Task<DistributedObjective> OpenAsync(IGrainFactory grains, string jobId, IReadOnlyList<ShardSpec> shards, TrainerOptions options, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(options);
        if (shards.Count == 0)
        {
            throw new ArgumentException("At least one shard is needed.", nameof(shards));
        }
        retry ??= RetryPolicy.Default;
        var refs = shards.Select((_, k) => grains.GetGrain<IShardGrain>($"{jobId}/{k}")).ToList();
        var summaries = await Task.WhenAll(refs.Select((g, k) => retry.RunAsync(() => g.Open(shards[k]), shards[k]))).ConfigureAwait(false);
        int d = summaries[0].FeatureCount;
        for (int k = 1; k < summaries.Length; k++)
        {
            if (summaries[k].FeatureCount != d)
            {
                throw new ShardDataException($"Shard {k} ({shards[k]}) has {summaries[k].FeatureCount} features; shard 0 ({shards[0]}) has {d}.");
            }
        }
        long rows = summaries.Sum(s => s.Rows), positives = summaries.Sum(s => s.Positives);
        double positiveWeight = summaries.Sum(s => s.PositiveWeight), negativeWeight = summaries.Sum(s => s.NegativeWeight);
        if (positiveWeight <= 0 || negativeWeight <= 0)
        {
            throw new ArgumentException(rows == 0 ? "The shards hold no rows; at least one row of each class is needed."
                : $"The training labels hold a single class (every row with a positive weight is {(positiveWeight > 0 ? "true (1)" : "false (0)")}); binary classification needs rows of both classes.", nameof(shards));
        }
        var weights = options.ClassWeighting.Mode switch
        {
            ClassWeightingMode.Balanced => (rows / (2.0 * (rows - positives)), rows / (2.0 * positives)),
            ClassWeightingMode.Explicit => (options.ClassWeighting.Negative, options.ClassWeighting.Positive),
            _ => (1.0, 1.0),
        };
        var penalty = new ElasticNetPenalty(options.L2Regularization, options.L1Regularization, d, options.EnforceNonNegativity);
        return new DistributedObjective(refs, shards, summaries, options.Loss, penalty, options.ResolvedThreads, weights, retry);
    }

    /// <summary>Rows over all shards.</summary>
    public long RowCount { get; }

    /// <summary>d, the number of features.</summary>
    public int FeatureCount => _summaries[0].FeatureCount;

    /// <summary>Feature names (from the first shard), if any.</summary>
    public IReadOnlyList<string>? FeatureNames => _summaries[0].FeatureNames;

    /// <inheritdoc/>
    public int Dimension => FeatureCount + 1;

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <inheritdoc/>
    public double ValueScale { get; }

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> x)
    {
        var parts = Ask(ShardQuantity.Value, x, null, false);
        return SumValues(parts) + Penalty.SmoothValue(x);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var parts = Ask(ShardQuantity.ValueAndGradient, x, null, false);
        SumVectors(parts, gradient);
        Penalty.AddSmoothGradient(x, gradient);
        return SumValues(parts) + Penalty.SmoothValue(x);
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false) => new Curvature(this, x.Slice(0, Dimension).ToArray(), gaussNewton);

    /// <inheritdoc/>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> x)
    {
        var parts = Ask(ShardQuantity.CurvatureMoments, x, null, false);
        var sum = new double[FeatureCount];
        var squares = new double[FeatureCount];
        double total = 0;
        foreach (var p in parts)
        {
            VectorKernels.AddScaled(p.Vector!, 1.0, sum);
            VectorKernels.AddScaled(p.Squares!, 1.0, squares);
            total += p.Total;
        }
        return CurvaturePreconditioner.FromMoments(new CurvatureMoments(sum, squares, total), Penalty.L2, center: Penalty.IsSmooth);
    }

    private static double SumValues(ShardPartial[] parts)
    {
        double sum = 0;
        foreach (var p in parts)
        {
            sum += p.Value;
        }
        return sum;
    }

    private void SumVectors(ShardPartial[] parts, Span<double> target)
    {
        target.Slice(0, Dimension).Clear();
        foreach (var p in parts)
        {
            VectorKernels.AddScaled(p.Vector!, 1.0, target);
        }
    }

    // All shards at once; results in shard order, each checked against what the shard held on the first pass.
    private ShardPartial[] Ask(ShardQuantity quantity, ReadOnlySpan<double> x, double[]? vector, bool gaussNewton)
    {
        var request = new ShardRequest(quantity, x.Slice(0, Dimension).ToArray(), vector, _loss, _negative, _positive, gaussNewton, _threads);
        var parts = Task.Run(() => Task.WhenAll(_grains.Select((g, k) => _retry.RunAsync(() => g.Evaluate(_shards[k], request), _shards[k])))).GetAwaiter().GetResult();
        for (int k = 0; k < parts.Length; k++)
        {
            if (parts[k].Rows != _summaries[k].Rows || parts[k].Checksum != _summaries[k].Checksum)
            {
                throw new ShardDataException(
                    $"Shard {k} ({_shards[k]}) now holds {parts[k].Rows} rows (checksum {parts[k].Checksum:x16}); the first pass read {_summaries[k].Rows} " +
                    $"(checksum {_summaries[k].Checksum:x16}). Its files changed during the fit; the fit stops rather than train on different data.");
            }
        }
        return parts;
    }

    private sealed class Curvature(DistributedObjective owner, double[] theta, bool gaussNewton) : ICurvature
    {
        public int Dimension => theta.Length;

        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            var parts = owner.Ask(ShardQuantity.CurvatureTimesVector, theta, v.Slice(0, Dimension).ToArray(), gaussNewton);
            owner.SumVectors(parts, result);
            owner.Penalty.AddSmoothCurvature(v, result);
        }

        public double[] ToDense()
        {
            var parts = owner.Ask(ShardQuantity.DenseCurvature, theta, null, gaussNewton);
            var h = new double[Dimension * Dimension];
            foreach (var p in parts)
            {
                VectorKernels.AddScaled(p.Vector!, 1.0, h);
            }
            owner.Penalty.AddSmoothCurvatureToDense(h, Dimension);
            return h;
        }
    }
}
