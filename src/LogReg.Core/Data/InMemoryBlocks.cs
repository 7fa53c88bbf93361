namespace LogReg.Core.Data;

/// <summary>
/// A set already in memory, served as blocks of consecutive rows, for either family: the streamed code path on data that
/// fit (tests compare the two modes with it; nothing here saves memory).
/// </summary>
/// <typeparam name="TBlock"><see cref="TrainingSet"/> or <see cref="MulticlassTrainingSet"/>.</typeparam>
public abstract class InMemoryBlocks<TBlock>
{
    private readonly TBlock[] _blocks;

    private protected InMemoryBlocks(int rowCount, int featureCount, IReadOnlyList<string>? featureNames, int blockRows, Func<int[], TBlock> select)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockRows, 1);
        (FeatureCount, FeatureNames, BlockRows) = (featureCount, featureNames, blockRows);
        _blocks = Enumerable.Range(0, (rowCount + blockRows - 1) / blockRows)
            .Select(b => select(Enumerable.Range(b * blockRows, Math.Min(blockRows, rowCount - b * blockRows)).ToArray()))
            .ToArray();
    }

    /// <summary>d, the number of features of every block.</summary>
    public int FeatureCount { get; }

    /// <summary>Optional names of the d features.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Largest number of rows in one block.</summary>
    public int BlockRows { get; }

    /// <summary>One pass over the blocks, in order.</summary>
    public void ForEachBlock(Action<TBlock> visit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var block in _blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            visit(block);
        }
    }
}

/// <summary>A binary training set in memory as an <see cref="ITrainingBlockSource"/>, in blocks of <c>blockRows</c> rows.</summary>
public sealed class InMemoryBlockSource(TrainingSet data, int blockRows)
    : InMemoryBlocks<TrainingSet>(data.RowCount, data.FeatureCount, data.FeatureNames, blockRows, data.SelectRows), ITrainingBlockSource;

/// <summary>A K-class training set in memory as an <see cref="IMulticlassBlockSource"/>, in blocks of <c>blockRows</c> rows.</summary>
public sealed class InMemoryMulticlassBlockSource(MulticlassTrainingSet data, int blockRows)
    : InMemoryBlocks<MulticlassTrainingSet>(data.RowCount, data.FeatureCount, data.FeatureNames, blockRows, data.SelectRows), IMulticlassBlockSource
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => data.ClassNames;
}
