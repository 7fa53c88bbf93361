using LogReg.Core.Data;
using LogReg.Core.Objectives;

namespace LogReg.Distributed;

/// <summary>
/// Holds one multiclass shard and sums over it with the in-memory softmax objective (its fixed chunks: the sums do not
/// depend on the silo's threads); placed as the binary shards are (<see cref="ShardSpreadPlacementAttribute"/>).
/// </summary>
[ShardSpreadPlacement]
public sealed class SoftmaxShardGrain(ShardRoot root) : Grain, ISoftmaxShardGrain
{
    private LabelledRows? _rows;
    private SoftmaxShardSummary? _summary;
    private (IReadOnlyList<string> Classes, MulticlassTrainingSet Data)? _numbered;

    /// <inheritdoc/>
    public Task<SoftmaxShardSummary> Open(ShardSpec spec) => Task.FromResult(Ensure(spec));

    /// <inheritdoc/>
    public Task<ShardPartial> Evaluate(ShardSpec spec, IReadOnlyList<string> classes, ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(request);
        var summary = Ensure(spec);
        if (_numbered is not { } numbered || !numbered.Classes.SequenceEqual(classes, StringComparer.Ordinal))
        {
            numbered = (classes.ToArray(), _rows!.WithClasses(classes));
            _numbered = numbered;
        }
        var data = request.ClassFactors is { } factors ? numbered.Data.WithClassFactors(factors) : numbered.Data;
        var sums = PartialSums.Of(new SoftmaxObjective(data, 0, 0, request.Threads), request.Quantity, request.Theta, request.Vector, request.GaussNewton);
        return Task.FromResult(new ShardPartial(sums.Value, sums.Vector, sums.Squares, sums.Total, summary.Rows, summary.Checksum));
    }

    private SoftmaxShardSummary Ensure(ShardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_summary is not null)
        {
            return _summary;
        }
        var rows = ShardLoader.LoadLabelled(spec, root);
        var counts = rows.ClassCounts();
        _summary = new SoftmaxShardSummary(rows.Labels.Count, counts.Select(c => c.Label).ToArray(), counts.Select(c => c.Rows).ToArray(),
            rows.Features.ColumnCount, rows.Checksum(), rows.FeatureNames);
        _rows = rows;
        return _summary;
    }
}
