using LogReg.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.MLNet;

/// <summary>
/// An <see cref="IDataView"/> read again on every pass, in blocks of usable rows (the streaming mode):
/// one cursor per pass, the rows in the view's order, with the same checks, skips and errors as the
/// in-memory reader. Only the block being summed is in memory.
/// </summary>
internal sealed class DataViewBlockSource : ITrainingBlockSource
{
    private readonly IDataView _data;
    private readonly string _label;
    private readonly string _features;
    private readonly string? _weight;

    public DataViewBlockSource(IDataView data, string labelName, string featureName, string? weightName, int blockRows)
    {
        _data = data;
        _label = labelName;
        _features = featureName;
        _weight = weightName;
        BlockRows = blockRows;
        var column = SchemaChecks.Features(data.Schema, featureName);
        FeatureCount = ((VectorDataViewType)column.Type).Size;
        FeatureNames = TrainingSetReader.SlotNames(column, FeatureCount);
    }

    public int FeatureCount { get; }

    public IReadOnlyList<string>? FeatureNames { get; }

    public int BlockRows { get; }

    /// <summary>Rows skipped on the last pass (a NaN feature, weight or label); every pass skips the same.</summary>
    public long SkippedRows { get; private set; }

    /// <summary>Usable rows read on the last pass.</summary>
    public long RowCount { get; private set; }

    public void ForEachBlock(Action<TrainingSet> visit, CancellationToken cancellationToken = default)
    {
        long rows = 0;
        SkippedRows = TrainingSetReader.ReadBinaryBlocks(_data, _label, _features, _weight, BlockRows, block =>
        {
            rows += block.RowCount;
            visit(block);
        }, cancellationToken);
        RowCount = rows;
    }
}
