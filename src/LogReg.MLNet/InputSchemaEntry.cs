using System.IO.Compression;
using System.Text;

namespace LogReg.MLNet;

/// <summary>
/// A model file's <c>Schema</c> entry — the input columns, as ML.NET's binary data-view format of a view with no rows —
/// written here as the same bytes ML.NET's saver writes. That saver sets up a pair of 32 KB codec writers per column even
/// for no rows: a 3,001-column schema allocated ~200 MB and took 0.4–0.6 s of a one-shot <c>logreg cv</c>, a fifth of
/// its run. Plain scalar columns without annotations are written here; the others (vectors, keys with their values,
/// annotated columns) by ML.NET's saver on a schema of those columns alone, whose annotations and table-of-contents
/// entries are taken over as written.
/// </summary>
internal static class InputSchemaEntry
{
    /// <summary>ML.NET's name for the entry (<c>ModelOperationsCatalog</c>).</summary>
    public const string Name = "Schema";

    // The binary format (ML.NET's BinarySaver; docs/code/IdvFileFormat.md): a 256-byte header, the blocks and their
    // lookup tables (none without rows; every column's lookup table then starts right after the header), each column's
    // annotations and their table, the columns' table of contents, the tail signature. Plain columns have no annotations,
    // so the other columns' annotations start right after the header whether those columns are saved alone or with them.
    private const int HeaderSize = 256;
    private const ulong Signature = 0x00425644004C4D43;
    private const ulong TailSignature = 0x434D4C0044564200;
    private const ulong FormatVersion = 0x0001000100010006;
    private const byte DeflateBlocks = 1;
    // The saver's block size for a view without rows: the heuristic counts none that fit, and takes at least one.
    private const int RowsPerBlock = 1;

    /// <summary>The entry's bytes for <paramref name="schema"/>, or null where ML.NET's saver must write it all (no plain
    /// column, or a column its saver leaves out).</summary>
    public static byte[]? TryWrite(MLContext mlContext, DataViewSchema schema)
    {
        var codecs = schema.Select(c => c.Annotations.Schema.Count == 0 ? CodecOf(c.Type) : null).ToArray();
        if (codecs.All(c => c is null))
        {
            return null; // nothing to save ML.NET's saver from (and an empty schema is its to refuse)
        }
        var others = schema.Where(c => codecs[c.Index] is null).ToList();
        var (annotations, entries) = others.Count == 0 ? ([], []) : SavedAlone(mlContext, others);
        if (entries.Count != others.Count)
        {
            return null; // the saver left some of them out (a type without a codec): let it write the whole schema its way
        }
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            writer.Write(new byte[HeaderSize]);
            writer.Write(annotations);
            long contents = stream.Position;
            int other = 0;
            for (int c = 0; c < schema.Count; c++)
            {
                if (codecs[c] is not { } codec)
                {
                    writer.Write(entries[other++]);
                    continue;
                }
                // Name, codec (its name and the byte length of its parameters: none for these), block compression, rows
                // per block, where its lookup table starts, where its annotations' table starts (0: none).
                writer.Write(schema[c].Name);
                writer.Write(codec);
                writer.Write((byte)0);
                writer.Write(DeflateBlocks);
                writer.Write((byte)RowsPerBlock);
                writer.Write((long)HeaderSize);
                writer.Write(0L);
            }
            long tail = stream.Position;
            writer.Write(TailSignature);
            writer.Seek(0, SeekOrigin.Begin);
            writer.Write(Signature);
            writer.Write(FormatVersion); // the writer's version
            writer.Write(FormatVersion); // the oldest reader's
            writer.Write(contents);
            writer.Write(tail);
            writer.Write(0L); // rows
            writer.Write(schema.Count);
        }
        return stream.ToArray();
    }

    // ML.NET's entry for the given columns alone: its annotations (from the header to the table of contents) and each
    // saved column's table-of-contents entry, as bytes.
    private static (byte[] Annotations, List<byte[]> Entries) SavedAlone(MLContext mlContext, List<DataViewSchema.Column> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }
        using var file = new MemoryStream();
        try
        {
            mlContext.Model.Save(new TransformerChain<ITransformer>(), builder.ToSchema(), file);
        }
        catch (InvalidOperationException)
        {
            return ([], []); // none of them can be saved ("No valid columns to save"); the whole schema can, without them
        }
        byte[] bytes;
        file.Position = 0;
        using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        using (var entry = zip.GetEntry(Name)!.Open())
        using (var copy = new MemoryStream())
        {
            entry.CopyTo(copy);
            bytes = copy.ToArray();
        }
        var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        reader.BaseStream.Position = 24;
        long contents = reader.ReadInt64(), tail = reader.ReadInt64();
        reader.BaseStream.Position = 48;
        int count = reader.ReadInt32();
        var entries = new List<byte[]>(count);
        reader.BaseStream.Position = contents;
        for (int c = 0; c < count; c++)
        {
            long start = reader.BaseStream.Position;
            reader.ReadString(); // name
            reader.ReadString(); // codec name
            long parameters = reader.Read7BitEncodedInt64();
            reader.BaseStream.Position += parameters; // the codec's parameters
            reader.ReadByte(); // compression
            reader.Read7BitEncodedInt64(); // rows per block
            reader.BaseStream.Position += 2 * sizeof(long); // lookup table, annotations' table
            entries.Add(bytes[(int)start..(int)reader.BaseStream.Position]);
        }
        return reader.BaseStream.Position == tail ? (bytes[HeaderSize..(int)contents], entries) : ([], []);
    }

    // The codec's load name, for the types whose codecs take no parameters and that files as users write them hold.
    private static string? CodecOf(DataViewType type) => type switch
    {
        TextDataViewType => "TextSpan",
        BooleanDataViewType => "Boolean",
        NumberDataViewType number when number.RawType == typeof(float) => "Single",
        NumberDataViewType number when number.RawType == typeof(double) => "Double",
        NumberDataViewType number when number.RawType == typeof(int) => "Int32",
        NumberDataViewType number when number.RawType == typeof(long) => "Int64",
        _ => null,
    };
}
