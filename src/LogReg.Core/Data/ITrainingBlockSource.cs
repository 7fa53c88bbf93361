namespace LogReg.Core.Data;

/// <summary>
/// Training data that are read again on every pass instead of being held in memory (the streaming
/// mode, for data larger than the memory budget): each pass hands over the rows as consecutive blocks
/// of at most <see cref="BlockRows"/> rows, always the same blocks in the same order, so sums over
/// blocks added in block order give the same result on every pass and at any thread count.
/// </summary>
public interface ITrainingBlockSource
{
    /// <summary>d, the number of features of every block.</summary>
    int FeatureCount { get; }

    /// <summary>Optional names of the d features.</summary>
    IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Largest number of rows in one block (every block but the last has exactly this many).</summary>
    int BlockRows { get; }

    /// <summary>
    /// One pass: calls <paramref name="visit"/> with each block in order, on the calling thread. A block
    /// is valid only during its call (the source may reuse its memory afterwards).
    /// </summary>
    void ForEachBlock(Action<TrainingSet> visit, CancellationToken cancellationToken = default);
}
