namespace LogReg.Core.Data;

/// <summary>
/// A K-class training set already in memory, served as blocks of consecutive rows: the streamed softmax fit on data that
/// fit (tests compare the two modes with it; nothing here saves memory).
/// </summary>
public sealed class InMemoryMulticlassBlockSource : IMulticlassBlockSource
{
    private readonly MulticlassTrainingSet _data;
    private readonly MulticlassTrainingSet[] _blocks;

    /// <summary>Splits <paramref name="data"/> into blocks of <paramref name="blockRows"/> rows.</summary>
    public InMemoryMulticlassBlockSource(MulticlassTrainingSet data, int blockRows)
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
    public IReadOnlyList<string> ClassNames => _data.ClassNames;

    /// <inheritdoc/>
    public int BlockRows { get; }

    /// <inheritdoc/>
    public void ForEachBlock(Action<MulticlassTrainingSet> visit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var block in _blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            visit(block);
        }
    }
}
