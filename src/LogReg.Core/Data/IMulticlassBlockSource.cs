namespace LogReg.Core.Data;

/// <summary>
/// K-class training data read again on every pass (the streaming mode of the softmax model): each pass hands over the rows
/// as consecutive <see cref="MulticlassTrainingSet"/> blocks of at most <see cref="BlockRows"/> rows, always the same blocks
/// in the same order, each with all <see cref="ClassNames"/> as its classes (a block need not hold every class).
/// </summary>
public interface IMulticlassBlockSource
{
    /// <summary>d, the number of features of every block.</summary>
    int FeatureCount { get; }

    /// <summary>Optional names of the d features.</summary>
    IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>The K class names, in class-index order.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Largest number of rows in one block (every block but the last has exactly this many).</summary>
    int BlockRows { get; }

    /// <summary>
    /// One pass: calls <paramref name="visit"/> with each block in order, on the calling thread. A block is valid only during
    /// its call (the source may reuse its memory afterwards).
    /// </summary>
    void ForEachBlock(Action<MulticlassTrainingSet> visit, CancellationToken cancellationToken = default);
}
