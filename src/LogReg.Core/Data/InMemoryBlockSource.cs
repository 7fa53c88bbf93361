namespace LogReg.Core.Data;

/// <summary>
/// A training set already in memory, served as blocks of consecutive rows: the streaming code path on
/// data that fit (tests compare the two modes with it; nothing here saves memory).
/// </summary>
public sealed class InMemoryBlockSource : ITrainingBlockSource
{
    private readonly TrainingSet _data;
    private readonly TrainingSet[] _blocks;

    /// <summary>Splits <paramref name="data"/> into blocks of <paramref name="blockRows"/> rows.</summary>
    public InMemoryBlockSource(TrainingSet data, int blockRows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockRows, 1);
        _data = data;
        BlockRows = blockRows;
        _blocks = Enumerable.Range(0, (data.RowCount + blockRows - 1) / blockRows)
            .Select(b => data.SelectRows(Enumerable.Range(b * blockRows, Math.Min(blockRows, data.RowCount - b * blockRows)).ToArray()))
            .ToArray();
    }

    /// <inheritdoc/>
    public int FeatureCount => _data.FeatureCount;

    /// <inheritdoc/>
    public IReadOnlyList<string>? FeatureNames => _data.FeatureNames;

    /// <inheritdoc/>
    public int BlockRows { get; }

    /// <inheritdoc/>
    public void ForEachBlock(Action<TrainingSet> visit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var block in _blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            visit(block);
        }
    }
}
