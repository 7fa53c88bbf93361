namespace LogReg.MLNet;

/// <summary>
/// Whether a training view fits the memory budget (<see cref="LogRegOptionsBase.MemoryBudgetMegabytes"/>) as
/// one in-memory copy, and how many rows a streamed block holds when it does not.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>The default budget: half of the memory the GC reports as available to this process.</summary>
    public static long DefaultBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>The budget in bytes (0: always stream).</summary>
    public static long Bytes(int? megabytes) => megabytes is int mb ? mb * 1024L * 1024L : DefaultBytes;

    /// <summary>
    /// The bytes the in-memory copy would take: per row, the stored features of the first row (4 bytes a
    /// dense value, 8 a sparse one with its index) plus the label and weight (16), times the row count
    /// (<paramref name="rows"/>: the view's own count, or the caller's count of a view that does not know it).
    /// </summary>
    public static long EstimateBytes(IDataView data, string featureName, long rows, long budgetBytes, CancellationToken cancellationToken)
    {
        var column = SchemaChecks.Features(data.Schema, featureName);
        int d = ((VectorDataViewType)column.Type).Size;
        // A dense size that fits settles it without opening a cursor (small data stay cheap).
        if (rows * (4L * d + 16) <= budgetBytes)
        {
            return rows * (4L * d + 16);
        }
        long perRow = 16;
        cancellationToken.ThrowIfCancellationRequested();
        using (var cursor = data.GetRowCursor(new[] { column }))
        {
            if (cursor.MoveNext())
            {
                var row = default(VBuffer<float>);
                cursor.GetGetter<VBuffer<float>>(column)(ref row);
                perRow += row.IsDense ? 4L * row.Length : 8L * row.GetValues().Length;
            }
        }
        return perRow * rows;
    }

    /// <summary>Rows per streamed block: an eighth of the budget (at least 1,024 rows, at most 1,048,576).</summary>
    public static int BlockRows(long budgetBytes, int featureCount) =>
        (int)Math.Clamp(budgetBytes / 8 / (4L * featureCount + 16), 1024, 1 << 20);
}
