using System.Text;

namespace LogReg.MLNet;

/// <summary>
/// A model file's <c>Schema</c> entry — the input columns, as ML.NET's binary data-view format of a view with no rows —
/// written here when every column is a scalar of a plain type with no annotations, as the same bytes ML.NET's saver
/// writes for them. That saver sets up a pair of 32 KB codec writers per column even for no rows: a 3,001-column
/// schema allocated ~200 MB and took 0.4–0.6 s of a one-shot <c>logreg cv</c>, a fifth of its run.
/// </summary>
internal static class InputSchemaEntry
{
    /// <summary>ML.NET's name for the entry (<c>ModelOperationsCatalog</c>).</summary>
    public const string Name = "Schema";

    // The binary format (ML.NET's BinarySaver; docs/code/IdvFileFormat.md): a 256-byte header, the blocks and their
    // lookup tables (none without rows; every column's lookup table then starts right after the header), the columns' table
    // of contents, the tail signature.
    private const int HeaderSize = 256;
    private const ulong Signature = 0x00425644004C4D43;
    private const ulong TailSignature = 0x434D4C0044564200;
    private const ulong FormatVersion = 0x0001000100010006;
    private const byte DeflateBlocks = 1;
    // The saver's block size for a view without rows: the heuristic counts none that fit, and takes at least one.
    private const int RowsPerBlock = 1;

    /// <summary>The entry's bytes for <paramref name="schema"/>, or null where ML.NET's saver must write it (a vector, key,
    /// date or other codec's column, or annotations).</summary>
    public static byte[]? TryWrite(DataViewSchema schema)
    {
        var codecs = new string[schema.Count];
        for (int c = 0; c < schema.Count; c++)
        {
            if (schema[c].Annotations.Schema.Count > 0 || CodecOf(schema[c].Type) is not { } codec)
            {
                return null;
            }
            codecs[c] = codec;
        }
        if (codecs.Length == 0)
        {
            return null; // ML.NET's saver refuses a view without columns; let it say so.
        }
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            writer.Write(new byte[HeaderSize]);
            long contents = stream.Position;
            for (int c = 0; c < codecs.Length; c++)
            {
                // Name, codec (its name and the byte length of its parameters: none for these), block compression, rows
                // per block, where its lookup table starts, where its annotations' table starts (0: none).
                writer.Write(schema[c].Name);
                writer.Write(codecs[c]);
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
            writer.Write(codecs.Length);
        }
        return stream.ToArray();
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
