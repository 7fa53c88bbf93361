using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>
/// Holds one shard in the core's compact form and sums over it with the in-memory objective (its
/// fixed chunks: the sums do not depend on the silo's threads). Loaded lazily from the spec every
/// call carries, so a re-activation elsewhere reads the same files again — below the silo's
/// <see cref="ShardRoot"/> only.
/// </summary>
[ShardSpreadPlacement]
public sealed class ShardGrain(ShardRoot root) : Grain, IShardGrain
{
    private TrainingSet? _data;
    private ShardSummary? _summary;

    /// <inheritdoc/>
    public Task<ShardSummary> Open(ShardSpec spec) => Task.FromResult(Ensure(spec));

    /// <inheritdoc/>
    public Task<ShardPartial> Evaluate(ShardSpec spec, ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var summary = Ensure(spec);
        var data = _data!;
        if (request.NegativeWeight != 1 || request.PositiveWeight != 1)
        {
            data = ClassWeighting.Explicit(request.NegativeWeight, request.PositiveWeight).Apply(data);
        }
        var sums = PartialSums.Of(ObjectiveFactory.Create(data, request.Loss, 0, 0, request.Threads), request.Quantity, request.Theta, request.Vector, request.GaussNewton);
        return Task.FromResult(new ShardPartial(sums.Value, sums.Vector, sums.Squares, sums.Total, summary.Rows, summary.Checksum));
    }

    private ShardSummary Ensure(ShardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_summary is not null)
        {
            return _summary;
        }
        var data = ShardLoader.Load(spec, root);
        var (positive, negative) = data.ClassWeights();
        _summary = new ShardSummary(data.RowCount, data.Labels.Count(y => y == 1.0), positive, negative, data.FeatureCount,
            ShardLoader.Checksum(data), data.FeatureNames);
        _data = data;
        return _summary;
    }
}
