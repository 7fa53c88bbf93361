using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LogReg.Distributed;

/// <summary>
/// One record of a <see cref="FitJournal"/>: the key of the request it answers and every shard's answer, as bytes
/// (the journal frames them with a length and a checksum).
/// </summary>
internal static class FitJournalRecord
{
    public static byte[] Payload(ShardRequest request, ShardPartial[] parts)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(KeyOf(request));
            foreach (var p in parts)
            {
                writer.Write(p.Value);
                WriteArray(writer, p.Vector);
                WriteArray(writer, p.Squares);
                writer.Write(p.Total);
                writer.Write(p.Rows);
                writer.Write(p.Checksum);
            }
        }
        return payload.ToArray();
    }

    // The request's identity: everything a shard's answer depends on besides its data and, for the softmax, the class
    // list (fixed by the data: the header's checksums pin it) — threads change no bit.
    public static ulong KeyOf(ShardRequest r)
    {
        var hash = new XxHash64();
        hash.Append(MemoryMarshal.AsBytes(stackalloc long[] { (long)r.Quantity, (long)r.Loss, r.GaussNewton ? 1 : 0 }));
        hash.Append(MemoryMarshal.AsBytes(stackalloc double[] { r.NegativeWeight, r.PositiveWeight, r.Theta.Length, r.Vector?.Length ?? -1 }));
        hash.Append(MemoryMarshal.AsBytes(r.Theta.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes((r.Vector ?? []).AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(stackalloc double[] { r.ClassFactors?.Length ?? -1 }));
        hash.Append(MemoryMarshal.AsBytes((r.ClassFactors ?? []).AsSpan()));
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The next intact record, or null at the end or at a record torn by a kill.</summary>
    public static (ulong Key, ShardPartial[] Parts)? TryRead(BinaryReader reader, int shards)
    {
        try
        {
            int length = reader.ReadInt32();
            if (length <= 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            {
                return null;
            }
            var bytes = reader.ReadBytes(length);
            if (reader.ReadUInt64() != XxHash64.HashToUInt64(bytes))
            {
                return null;
            }
            using var payload = new BinaryReader(new MemoryStream(bytes));
            ulong key = payload.ReadUInt64();
            var parts = new ShardPartial[shards];
            for (int k = 0; k < shards; k++)
            {
                parts[k] = new ShardPartial(payload.ReadDouble(), ReadArray(payload), ReadArray(payload), payload.ReadDouble(), payload.ReadInt64(), payload.ReadUInt64());
            }
            return (key, parts);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
    private static void WriteArray(BinaryWriter writer, double[]? values)
    {
        writer.Write(values?.Length ?? -1);
        if (values is not null)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }
    }
    private static double[]? ReadArray(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        return length < 0 ? null : MemoryMarshal.Cast<byte, double>(reader.ReadBytes(checked(length * sizeof(double)))).ToArray();
    }
}
