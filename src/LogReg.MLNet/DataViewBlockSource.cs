using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>
/// An <see cref="IDataView"/> read again on every pass, in blocks of usable rows (the streaming mode), for either family:
/// one cursor per pass, the rows in the view's order, with the same checks, skips and errors as the in-memory reader.
/// Only the block being summed is in memory.
/// </summary>
internal abstract class DataViewBlockSource<TBlock>
{
    protected DataViewBlockSource(IDataView data, string labelName, string featureName, string? weightName, int blockRows)
    {
        (Data, Label, Features, Weight, BlockRows) = (data, labelName, featureName, weightName, blockRows);
        var column = SchemaChecks.Features(data.Schema, featureName);
        FeatureCount = ((VectorDataViewType)column.Type).Size;
        FeatureNames = SchemaChecks.SlotNames(column, FeatureCount);
    }

    public int FeatureCount { get; }

    public IReadOnlyList<string>? FeatureNames { get; }

    public int BlockRows { get; }

    /// <summary>Rows skipped on the last pass (a NaN feature, weight or label); every pass skips the same.</summary>
    public long SkippedRows { get; private set; }

    /// <summary>Usable rows read on the last pass.</summary>
    public long RowCount { get; private set; }

    protected IDataView Data { get; }

    protected string Label { get; }

    protected string Features { get; }

    protected string? Weight { get; }

    public void ForEachBlock(Action<TBlock> visit, CancellationToken cancellationToken = default)
    {
        long rows = 0;
        SkippedRows = Read(block =>
        {
            rows += RowsOf(block);
            visit(block);
        }, cancellationToken);
        RowCount = rows;
    }

    /// <summary>One pass; returns the rows skipped.</summary>
    protected abstract long Read(Action<TBlock> visit, CancellationToken cancellationToken);

    protected abstract int RowsOf(TBlock block);
}

/// <summary>A Boolean label's view as streamed binary blocks.</summary>
internal sealed class DataViewBlockSource(IDataView data, string labelName, string featureName, string? weightName, int blockRows)
    : DataViewBlockSource<TrainingSet>(data, labelName, featureName, weightName, blockRows), ITrainingBlockSource
{
    protected override long Read(Action<TrainingSet> visit, CancellationToken cancellationToken) =>
        TrainingSetReader.ReadBinaryBlocks(Data, Label, Features, Weight, BlockRows, visit, cancellationToken);

    protected override int RowsOf(TrainingSet block) => block.RowCount;
}

/// <summary>A key label's view as streamed K-class blocks (class names from the key's values, as in memory).</summary>
internal sealed class DataViewMulticlassBlockSource : DataViewBlockSource<MulticlassTrainingSet>, IMulticlassBlockSource
{
    public DataViewMulticlassBlockSource(IDataView data, string labelName, string featureName, string? weightName, int blockRows)
        : base(data, labelName, featureName, weightName, blockRows)
    {
        var label = SchemaChecks.KeyLabel(data.Schema, labelName, out int classes);
        ClassNames = SchemaChecks.KeyNames(label, classes)
            ?? Enumerable.Range(0, classes).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    public IReadOnlyList<string> ClassNames { get; }

    protected override long Read(Action<MulticlassTrainingSet> visit, CancellationToken cancellationToken) =>
        TrainingSetReader.ReadMulticlassBlocks(Data, Label, Features, Weight, BlockRows, visit, cancellationToken);

    protected override int RowsOf(MulticlassTrainingSet block) => block.RowCount;
}
