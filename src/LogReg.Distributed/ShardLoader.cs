using LogReg.Core.Data;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Distributed;

/// <summary>Reads a <see cref="ShardSpec"/>'s files into one in-memory training set, and fingerprints it.</summary>
public static class ShardLoader
{
    /// <summary>Reads every file of the shard, in order, below <paramref name="root"/>, and concatenates them.</summary>
    /// <exception cref="ShardDataException">
    /// A name outside the root, or a file missing, unreadable or not in the expected layout; the message names the shard
    /// file as the spec does and never quotes the file's content.
    /// </exception>
    public static TrainingSet Load(ShardSpec spec, ShardRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(root);
        if (spec.Files.Count == 0)
        {
            throw new ShardDataException("A shard needs at least one file; this one lists none.");
        }
        var parts = spec.Files.Select(name => LoadFile(name, root.Resolve(name), spec)).ToList();
        return parts.Count == 1 ? parts[0] : TrainingSetConcat.Rows(parts);
    }

    /// <summary>
    /// Reads every file of a multiclass shard (CSV only: the label column as text, every other column a number), in order,
    /// below <paramref name="root"/>: the rows and their labels as written (the coordinator numbers the classes).
    /// </summary>
    /// <exception cref="ShardDataException">As <see cref="Load"/>; and for an <c>.idv</c> file (binary shards only).</exception>
    public static LabelledRows LoadLabelled(ShardSpec spec, ShardRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(root);
        if (spec.Files.Count == 0)
        {
            throw new ShardDataException("A shard needs at least one file; this one lists none.");
        }
        var parts = spec.Files.Select(name => Reading(name, root.Resolve(name), (ml, file) =>
        {
            if (file.EndsWith(".idv", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException("is an .idv file; multiclass shards are CSV files.");
            }
            return LabelledRows.Read(Csv(ml, file, spec.LabelColumn, DataKind.String), spec.LabelColumn);
        })).ToList();
        return parts.Count == 1 ? parts[0] : LabelledRows.Concat(parts);
    }

    private static TrainingSet LoadFile(string name, string file, ShardSpec spec) => Reading(name, file, (ml, path) =>
    {
        var view = path.EndsWith(".idv", StringComparison.OrdinalIgnoreCase) ? ml.Data.LoadFromBinary(path) : Csv(ml, path, spec.LabelColumn, DataKind.Boolean);
        var read = TrainingSetReader.Read(view, spec.LabelColumn, spec.FeatureColumn, null);
        // Never a silently smaller data set: the reader skips rows with a missing value, a shard refuses them.
        return read.SkippedRows == 0 ? read.Data : throw new InvalidDataException(
            $"has {read.SkippedRows} row(s) with a blank or non-numeric cell; a shard's label is 0/1 or true/false and every other cell a number (fill or drop those rows).");
    });

    // Every read of a shard file: the file must exist; every failure names the shard file, never its content.
    private static T Reading<T>(string name, string file, Func<MLContext, string, T> read)
    {
        try
        {
            if (!File.Exists(file))
            {
                throw new ShardDataException($"Shard file '{name}' does not exist below this worker's data root.");
            }
            return read(new MLContext(1), file);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ShardDataException($"Shard file '{name}' cannot be read by this worker (permission denied).", e);
        }
        catch (InvalidDataException e)
        {
            throw new ShardDataException($"Shard file '{name}' {e.Message}", e);
        }
        catch (Exception e) when (e is not ShardDataException)
        {
            throw new ShardDataException($"Shard file '{name}' cannot be read: {WithoutCells(e.Message)}", e);
        }
    }

    // The reader names the line and column of a cell it cannot parse, and quotes the cell: the message keeps where, not what.
    private static string WithoutCells(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, @"Could not parse value .* in line (\d+), column (.+?)\.?$") is { Success: true } m
            ? $"line {m.Groups[1].Value}, column '{m.Groups[2].Value}' holds a value that is not 0/1 or true/false (a binary shard's label; class labels are for the softmax model over shards, 'train --cluster --family softmax')."
            : message.Split('\n')[0];

    // A header line names the columns; the label is read as labelKind (Boolean: 0/1, true/false; String: a class), the rest
    // as one Single vector named Features.
    private static IDataView Csv(MLContext ml, string file, string label, DataKind labelKind)
    {
        string header;
        using (var reader = new StreamReader(file))
        {
            header = reader.ReadLine() ?? throw new InvalidDataException("is empty (a header line is expected).");
        }
        var names = header.Split(',').Select(n => n.Trim().Trim('"')).ToArray();
        int labelIndex = Array.IndexOf(names, label);
        if (labelIndex < 0)
        {
            throw new InvalidDataException($"has no label column '{label}' in its header line.");
        }
        var features = Enumerable.Range(0, names.Length).Where(i => i != labelIndex).Select(i => new TextLoader.Range(i)).ToArray();
        // One feature column loads as a scalar; the reader takes a vector, so a one-feature shard is made a vector of one.
        string loaded = features.Length == 1 && names[features[0].Min] is { Length: > 0 } only && only != label ? only : features.Length == 1 ? "Feature" : "Features";
        var view = ml.Data.LoadFromTextFile(file, new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            AllowQuoting = true,
            // A blank or non-numeric cell reads as NaN (not 0), so the row is seen and refused.
            MissingRealsAsNaNs = true,
            Columns = new[]
            {
                new TextLoader.Column(label, labelKind, labelIndex),
                new TextLoader.Column(loaded, DataKind.Single, features),
            },
        });
        return features.Length == 1 ? ml.Transforms.Concatenate("Features", loaded).Fit(view).Transform(view) : view;
    }

    /// <summary>
    /// FNV-1a (64-bit) over the row count, every label, weight and stored feature value: two reads of
    /// the same files give the same number, and a changed or truncated file a different one.
    /// </summary>
    public static ulong Checksum(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var hash = new Fnv64();
        hash.Mix((ulong)data.RowCount);
        var row = new double[data.FeatureCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            hash.Mix(data.Labels[i]);
            hash.Mix(data.WeightOf(i));
            data.Features.CopyRow(i, row);
            foreach (double v in row)
            {
                hash.Mix(v);
            }
        }
        return hash.Value;
    }
}
