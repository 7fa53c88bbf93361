using LogReg.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Distributed;

/// <summary>
/// A multiclass shard as read: dense rows and each row's label as written. The classes are numbered by the coordinator
/// (over every shard), so a shard that holds only some classes numbers them as the others do (<see cref="WithClasses"/>).
/// </summary>
/// <param name="Features">The rows.</param>
/// <param name="Labels">Each row's label text.</param>
/// <param name="FeatureNames">The feature columns' names, when the file has them.</param>
public sealed record LabelledRows(DenseMatrix Features, IReadOnlyList<string> Labels, IReadOnlyList<string>? FeatureNames)
{
    /// <summary>Rows per label, in ordinal order of the labels.</summary>
    public IReadOnlyList<(string Label, long Rows)> ClassCounts() =>
        Labels.GroupBy(l => l, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count())).ToList();

    /// <summary>The rows as a multiclass training set over <paramref name="classes"/> (every label must be one of them).</summary>
    /// <exception cref="ShardDataException">A label is not among the classes.</exception>
    public MulticlassTrainingSet WithClasses(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var index = classes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.Ordinal);
        var labels = new int[Labels.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            if (!index.TryGetValue(Labels[i], out labels[i]))
            {
                throw new ShardDataException($"A row's label is not among the fit's {classes.Count} classes (the shard changed since it was opened).");
            }
        }
        return new MulticlassTrainingSet(Features, labels, classes.Count, null, FeatureNames, classes);
    }

    /// <summary>FNV-1a (64-bit) over the row count, every label's characters and every value: what a changed file changes.</summary>
    public ulong Checksum()
    {
        var hash = new Fnv64();
        hash.Mix((ulong)Labels.Count);
        var row = new double[Features.ColumnCount];
        for (int i = 0; i < Labels.Count; i++)
        {
            hash.Mix((ulong)Labels[i].Length);
            foreach (char c in Labels[i])
            {
                hash.Mix(c);
            }
            Features.CopyRow(i, row);
            foreach (double v in row)
            {
                hash.Mix(v);
            }
        }
        return hash.Value;
    }

    internal static LabelledRows Read(IDataView view, string label)
    {
        var labels = view.GetColumn<string>(label).ToList();
        var rows = view.GetColumn<float[]>("Features").ToList();
        int d = rows.Count == 0 ? 0 : rows[0].Length;
        int blank = rows.Count(r => r.Any(v => !float.IsFinite(v))) + labels.Count(l => string.IsNullOrWhiteSpace(l));
        if (blank > 0)
        {
            throw new InvalidDataException($"has {blank} row(s) with a blank or non-numeric feature cell or a blank label; every feature cell of a shard is a number (fill or drop those rows).");
        }
        var values = new float[(long)rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(values, (long)i * d);
        }
        VBuffer<ReadOnlyMemory<char>> names = default;
        var column = view.Schema["Features"];
        IReadOnlyList<string>? featureNames = null;
        if (column.HasSlotNames())
        {
            column.GetSlotNames(ref names);
            featureNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        }
        return new LabelledRows(new DenseMatrix(rows.Count, d, values), labels, featureNames);
    }

    internal static LabelledRows Concat(IReadOnlyList<LabelledRows> parts)
    {
        int d = parts[0].Features.ColumnCount;
        if (parts.Any(p => p.Features.ColumnCount != d))
        {
            throw new ShardDataException($"The files of a shard have different numbers of feature columns ({string.Join(", ", parts.Select(p => p.Features.ColumnCount))}).");
        }
        int n = parts.Sum(p => p.Labels.Count);
        var values = new float[(long)n * d];
        var row = new double[d];
        long at = 0;
        foreach (var part in parts)
        {
            for (int i = 0; i < part.Labels.Count; i++, at += d)
            {
                part.Features.CopyRow(i, row);
                for (int j = 0; j < d; j++)
                {
                    values[at + j] = (float)row[j];
                }
            }
        }
        return new LabelledRows(new DenseMatrix(n, d, values), parts.SelectMany(p => p.Labels).ToArray(), parts[0].FeatureNames);
    }
}
