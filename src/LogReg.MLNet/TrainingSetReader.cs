using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>
/// Reads an <see cref="IDataView"/> once into a core <see cref="TrainingSet"/>: one float copy of
/// the features, dense when the first row is dense and CSR when it is sparse (so sparse text
/// features are never densified). Rows with a NaN feature or a NaN weight are skipped and counted,
/// as ML.NET's trainers do; an infinite or negative weight is an error.
/// </summary>
public static class TrainingSetReader
{
    /// <summary>Reads the label, feature and optional weight columns of <paramref name="data"/> into a training set.</summary>
    /// <param name="data">The view (read once).</param>
    /// <param name="labelName">A Boolean column.</param>
    /// <param name="featureName">A known-size vector of Single; its slot names become the feature names.</param>
    /// <param name="weightName">An optional Single column of example weights.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows while reading.</param>
    public static DataViewRead Read(IDataView data, string labelName, string featureName, string? weightName, CancellationToken cancellationToken = default) =>
        Read(data, labelName, featureName, weightName, null, Environment.ProcessorCount, null, null, cancellationToken);

    /// <summary>
    /// The same, with the view's row count when the caller has already counted it (so it is not counted twice),
    /// the threads the caller may use (more than one lets a helper map the copy's memory while it is read), and
    /// <paramref name="onLayout"/>, told once, at the first usable row, whether the rows are sparse, and the copy's array pool.
    /// </summary>
    internal static DataViewRead Read(IDataView data, string labelName, string featureName, string? weightName, long? rowCount, int threads,
        Action<bool>? onLayout, TrainingBufferPool? pool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labelColumn = SchemaChecks.Label(data.Schema, labelName);
        var rows = ReadRows(data, labelColumn, BooleanLabel, featureName, weightName, rowCount, threads, onLayout, pool, cancellationToken);
        var set = new TrainingSet(rows.Features, rows.Labels, rows.Weights, rows.FeatureNames);
        return new DataViewRead(set, rows.Skipped) { ReturnArrays = rows.ReturnArrays };
    }

    /// <summary>
    /// Reads a key-typed label (class k + 1 as ML.NET numbers keys; key 0, missing, skips the row),
    /// the features and optional weights into a multiclass training set whose class names are the
    /// key's values when it has text ones.
    /// </summary>
    public static (MulticlassTrainingSet Data, long SkippedRows) ReadMulticlass(
        IDataView data, string labelName, string featureName, string? weightName, CancellationToken cancellationToken = default)
    {
        var read = ReadMulticlass(data, labelName, featureName, weightName, null, Environment.ProcessorCount, null, cancellationToken);
        return (read.Data, read.SkippedRows);
    }

    /// <summary>
    /// The same, with the view's row count when the caller has already counted it (so it is not counted twice), the threads
    /// the caller may use, the pool of the copy's large arrays, and the action that gives them back (for the trainer).
    /// </summary>
    internal static (MulticlassTrainingSet Data, long SkippedRows, Action ReturnArrays) ReadMulticlass(
        IDataView data, string labelName, string featureName, string? weightName, long? rowCount, int threads, TrainingBufferPool? pool,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labelColumn = SchemaChecks.KeyLabel(data.Schema, labelName, out int classes);
        var rows = ReadRows(data, labelColumn, KeyLabel, featureName, weightName, rowCount, threads, null, pool, cancellationToken);
        var labels = rows.Labels.Select(v => (int)v).ToArray();
        var set = new MulticlassTrainingSet(rows.Features, labels, classes, rows.Weights, rows.FeatureNames, SchemaChecks.KeyNames(labelColumn, classes));
        return (set, rows.Skipped, rows.ReturnArrays);
    }

    private static Func<double> BooleanLabel(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<bool>(column);
        bool value = false;
        return () =>
        {
            getter(ref value);
            return value ? 1.0 : 0.0;
        };
    }

    private static Func<double> KeyLabel(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<uint>(column);
        uint value = 0;
        return () =>
        {
            getter(ref value);
            return value == 0 ? double.NaN : value - 1.0;
        };
    }

    private sealed record Rows(DesignMatrix Features, double[] Labels, double[]? Weights, string[]? FeatureNames, long Skipped, Action ReturnArrays);

    private static Rows ReadRows(IDataView data, DataViewSchema.Column labelColumn, Func<DataViewRowCursor, DataViewSchema.Column, Func<double>> labelReader,
        string featureName, string? weightName, long? rowCount, int threads, Action<bool>? onLayout, TrainingBufferPool? pool, CancellationToken cancellationToken)
    {
        Rows? all = null;
        ReadBlocks(data, labelColumn, labelReader, featureName, weightName, int.MaxValue, rowCount, threads, onLayout, pool, block => all = block, cancellationToken);
        return all!;
    }

    /// <summary>
    /// Reads the binary label, features and weights of <paramref name="data"/> in blocks of
    /// <paramref name="blockRows"/> usable rows (the last may be shorter), calling <paramref name="onBlock"/>
    /// for each in order; the streaming mode's pass. Returns the rows skipped (NaN feature, weight or label).
    /// </summary>
    internal static long ReadBinaryBlocks(IDataView data, string labelName, string featureName, string? weightName, int blockRows,
        Action<TrainingSet> onBlock, CancellationToken cancellationToken) =>
        ReadBlocks(data, SchemaChecks.Label(data.Schema, labelName), BooleanLabel, featureName, weightName, blockRows, null, 1, null, null,
            rows => onBlock(new TrainingSet(rows.Features, rows.Labels, rows.Weights, rows.FeatureNames)), cancellationToken);

    /// <summary>The same for a key-typed label (a missing key skips the row): K-class blocks, each with all K class names.</summary>
    internal static long ReadMulticlassBlocks(IDataView data, string labelName, string featureName, string? weightName, int blockRows,
        Action<MulticlassTrainingSet> onBlock, CancellationToken cancellationToken)
    {
        var labelColumn = SchemaChecks.KeyLabel(data.Schema, labelName, out int classes);
        var classNames = SchemaChecks.KeyNames(labelColumn, classes);
        return ReadBlocks(data, labelColumn, KeyLabel, featureName, weightName, blockRows, null, 1, null, null,
            rows => onBlock(new MulticlassTrainingSet(rows.Features, rows.Labels.Select(v => (int)v).ToArray(), classes, rows.Weights, rows.FeatureNames, classNames)),
            cancellationToken);
    }

    // One pass: rows with a NaN feature, a NaN weight or a missing label (NaN from the label reader) are
    // skipped and counted. A view of unknown length is counted first (a cursor with no columns), so the
    // one copy is allocated at its final size instead of grown by doubling and trimmed (3× at peak).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ReadBlocks(IDataView data, DataViewSchema.Column labelColumn, Func<DataViewRowCursor, DataViewSchema.Column, Func<double>> labelReader,
        string featureName, string? weightName, int blockRows, long? rowCount, int threads, Action<bool>? onLayout, TrainingBufferPool? pool,
        Action<Rows> onBlock, CancellationToken cancellationToken)
    {
        var schema = data.Schema;
        var featureColumn = SchemaChecks.Features(schema, featureName);
        var weightColumn = SchemaChecks.Weight(schema, weightName);
        int d = ((VectorDataViewType)featureColumn.Type).Size;
        var names = SchemaChecks.SlotNames(featureColumn, d);

        var columns = new List<DataViewSchema.Column> { labelColumn, featureColumn };
        if (weightColumn is not null)
        {
            columns.Add(weightColumn.Value);
        }
        long total = blockRows == int.MaxValue ? rowCount ?? data.GetRowCount() ?? CountRows(data, cancellationToken) : blockRows;
        int capacity = (int)Math.Min(Math.Min(total, blockRows), Array.MaxLength);
        var labels = new double[capacity];
        double[]? weights = weightColumn is null ? null : new double[capacity];
        RowsBuilder? builder = null;
        int count = 0;
        long skipped = 0;
        bool emitted = false;

        void Emit()
        {
            builder ??= new DenseRowsBuilder(d, 0, 1);
            var rowLabels = count == labels.Length ? labels : labels[..count];
            var rowWeights = weights is null ? null : count == weights.Length ? weights : weights[..count];
            onBlock(new Rows(builder.Build(), rowLabels, rowWeights, names, skipped, builder.ReturnArrays));
            emitted = true;
        }

        using (var cursor = data.GetRowCursor(columns))
        {
            var getLabel = labelReader(cursor, labelColumn);
            var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
            var getWeight = weightColumn is null ? null : cursor.GetGetter<float>(weightColumn.Value);
            var features = default(VBuffer<float>);
            float weight = 1f;
            while (cursor.MoveNext())
            {
                getFeatures(ref features);
                if (getWeight is not null)
                {
                    getWeight(ref weight);
                    if (float.IsNaN(weight))
                    {
                        skipped++;
                        continue;
                    }
                    if (float.IsInfinity(weight) || weight < 0)
                    {
                        ThrowBadWeight(weightName!, weight, cursor.Position + 1);
                    }
                }
                if ((cursor.Position & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                if (features.Length != d)
                {
                    ThrowWrongLength(featureName, features.Length, d, cursor.Position + 1);
                }
                if (FeatureValueScan.FirstBad(features, out int badSlot) is float bad)
                {
                    if (float.IsNaN(bad))
                    {
                        skipped++;
                        continue;
                    }
                    ThrowInfinite(featureName, names, badSlot, bad, cursor.Position + 1);
                }
                double label = getLabel();
                if (double.IsNaN(label))
                {
                    skipped++;
                    continue;
                }
                if (count == labels.Length)
                {
                    if (count == blockRows)
                    {
                        Emit();
                        builder = null;
                        labels = new double[blockRows];
                        weights = weights is null ? null : new double[blockRows];
                        count = 0;
                    }
                    else
                    {
                        // The view delivered more rows than it counted: grow (rare; e.g. a source that changed).
                        Array.Resize(ref labels, Math.Max(16, 2 * count));
                        if (weights is not null)
                        {
                            Array.Resize(ref weights, labels.Length);
                        }
                    }
                }
                if (onLayout is not null)
                {
                    onLayout(!features.IsDense);
                    onLayout = null;
                }
                builder ??= features.IsDense ? new DenseRowsBuilder(d, labels.Length, threads, pool) : new SparseRowsBuilder(d, labels.Length, pool);
                builder.Add(features);
                labels[count] = label;
                if (weights is not null)
                {
                    weights[count] = weight;
                }
                count++;
            }
        }
        if (count > 0 || !emitted)
        {
            Emit();
        }
        return skipped;
    }

    // The reader's errors, out of its loop: their message building would otherwise be compiled (fully
    // optimised) with it on every first read in a process.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadWeight(string weightName, float weight, long row) =>
        throw new ArgumentException($"Example weight column '{weightName}' holds {weight} in row {row}; expected a finite value ≥ 0.", "input");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongLength(string featureName, int length, int d, long row) =>
        throw new ArgumentException(
            $"Feature column '{featureName}' holds a vector of {length} values in row {row}; its type says {d}. Every row must have exactly {d} slots.", "input");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInfinite(string featureName, string[]? names, int badSlot, float bad, long row)
    {
        string slot = names is null ? $"slot {badSlot}" : $"slot {badSlot} ('{names[badSlot]}')";
        throw new ArgumentException(
            $"Feature column '{featureName}' {slot} holds {(bad > 0 ? "+∞" : "−∞")} in row {row}; " +
            "expected a finite value (rows with a missing value, NaN, are skipped; infinite values are refused).", "input");
    }

    internal static long CountRows(IDataView data, CancellationToken cancellationToken)
    {
        long n = 0;
        cancellationToken.ThrowIfCancellationRequested();
        using var cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
        while (cursor.MoveNext())
        {
            if ((++n & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return n;
    }
}
