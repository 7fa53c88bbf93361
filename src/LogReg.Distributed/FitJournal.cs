using System.IO.Hashing;

namespace LogReg.Distributed;

/// <summary>
/// A coordinator's checkpoint: every round of shard answers of a fit, appended to a file as it arrives, so a coordinator
/// that was killed can resume the fit (<see cref="Resume"/>) and end with the model it would have ended with, bit for bit.
/// </summary>
/// <remarks>
/// The optimizers are deterministic functions of the answers they receive, so a resumed fit replays the journal's
/// answers to the same optimizer from the same start — recreating its iterate, memory and counters exactly without a
/// per-optimizer state format — and asks the cluster only from the first evaluation the journal does not hold. Each
/// record is keyed by the request it answers (quantity, loss, class weights, the bits of θ and v): while the resumed
/// fit asks what the journal recorded, it is answered from it; at the first difference (other options, e.g. more
/// iterations or another tolerance) the rest of the journal is dropped and the fit goes on on the cluster — an answer
/// is a sum over the data at a point, valid for any fit that asks for it. The header holds every shard's spec, rows and
/// checksum; a resume over other data is refused. Records carry a length and a checksum: a record torn by the kill is
/// dropped. Records are flushed to the operating system one by one (they survive a killed process; a machine crash may
/// lose the last ones, which are asked again). Size: one record per evaluation, shards × (d + 1) doubles (d² for a dense
/// Newton curvature).
/// </remarks>
public sealed class FitJournal : IDisposable
{
    private const string Magic = "LOGREG-FIT-JOURNAL-2";
    private readonly FileStream _file;
    private readonly string _path;
    private readonly List<(ulong Key, ShardPartial[] Parts, long End)> _records;
    private readonly (string Family, IReadOnlyList<ShardSpec> Specs, IReadOnlyList<OpenedShard> Summaries)? _header;
    private int _next;
    private bool _replaying;

    private FitJournal(string path, FileStream file, (string, IReadOnlyList<ShardSpec>, IReadOnlyList<OpenedShard>)? header, List<(ulong, ShardPartial[], long)> records)
    {
        _path = path;
        _file = file;
        _header = header;
        _records = records;
        _replaying = records.Count > 0;
    }

    /// <summary>Evaluations answered from the journal so far.</summary>
    public int Replayed { get; private set; }

    /// <summary>Rounds recorded by this process (asked of the cluster and appended).</summary>
    public int Appended { get; private set; }

    /// <summary>Rounds the file holds now: those replayed and those appended.</summary>
    public int Recorded => Replayed + Appended;

    /// <summary>Evaluations the journal held when it was opened (intact records).</summary>
    public int Held => _header is null ? 0 : _records.Count;

    // Where each intact record ends in the file (a resumed journal's), for tests that cut a journal as a kill would.
    internal IReadOnlyList<long> RecordEnds => _records.Select(r => r.End).ToList();

    /// <summary>Starts a journal in a new file.</summary>
    /// <exception cref="FitJournalException">The file exists (resume it, or remove it) or cannot be created.</exception>
    public static FitJournal Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            throw new FitJournalException($"checkpoint '{path}' exists; resume it (--resume), or remove it to start a new fit.");
        }
        return new FitJournal(path, Open(path, FileMode.CreateNew), null, []);
    }

    /// <summary>Opens a journal to resume the fit it records; records torn by the kill are dropped.</summary>
    /// <exception cref="FitJournalException">The file does not exist, or is not a journal.</exception>
    public static FitJournal Resume(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FitJournalException(Directory.Exists(path) ? $"checkpoint '{path}' is a folder, not a checkpoint file." : $"checkpoint '{path}' does not exist.");
        }
        var file = Open(path, FileMode.Open);
        if (file.Length == 0)
        {
            // Killed before the shards opened: nothing recorded yet, the fit starts over in it.
            return new FitJournal(path, file, null, []);
        }
        try
        {
            using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
            var header = ReadHeader(reader, path);
            var records = new List<(ulong, ShardPartial[], long)>();
            while (FitJournalRecord.TryRead(reader, header.Summaries.Count) is { } record)
            {
                records.Add((record.Key, record.Parts, file.Position));
            }
            return new FitJournal(path, file, header, records);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new journal records the shards; a resumed one checks that the shards are those it recorded (specs, rows,
    /// checksums) and refuses other data.
    /// </summary>
    internal void Begin(string family, IReadOnlyList<ShardSpec> specs, IReadOnlyList<OpenedShard> summaries)
    {
        if (_header is null)
        {
            using var header = new MemoryStream();
            var writer = new BinaryWriter(header, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(family);
            writer.Write(specs.Count);
            for (int k = 0; k < specs.Count; k++)
            {
                writer.Write(specs[k].Files.Count);
                foreach (var f in specs[k].Files)
                {
                    writer.Write(f);
                }
                writer.Write(specs[k].LabelColumn);
                writer.Write(specs[k].FeatureColumn);
                writer.Write(summaries[k].Rows);
                writer.Write(summaries[k].Checksum);
                writer.Write(summaries[k].FeatureCount);
            }
            writer.Flush();
            // The header's own checksum: a damaged header is named as such, not as other data.
            var bytes = header.ToArray();
            using var file = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
            file.Write(bytes);
            file.Write(XxHash64.HashToUInt64(bytes));
            file.Flush();
            return;
        }
        var (heldFamily, heldSpecs, heldSummaries) = _header!.Value;
        if (heldFamily != family)
        {
            throw new FitJournalException($"checkpoint '{_path}' records a {heldFamily} fit; this one is a {family} fit. A fit resumes as the model it started as.");
        }
        if (heldSpecs.Count != specs.Count)
        {
            throw new FitJournalException($"checkpoint '{_path}' records a fit over {heldSpecs.Count} shard(s); this one has {specs.Count}.");
        }
        for (int k = 0; k < specs.Count; k++)
        {
            bool sameSpec = heldSpecs[k].Files.SequenceEqual(specs[k].Files) && heldSpecs[k].LabelColumn == specs[k].LabelColumn
                && heldSpecs[k].FeatureColumn == specs[k].FeatureColumn;
            bool sameData = heldSummaries[k].Rows == summaries[k].Rows && heldSummaries[k].Checksum == summaries[k].Checksum;
            if (!sameSpec || !sameData)
            {
                throw new FitJournalException($"checkpoint '{_path}' records shard {k} as {heldSpecs[k]} ({heldSummaries[k].Rows} rows, checksum {heldSummaries[k].Checksum:x16}); " +
                    $"this fit's shard {k} is {specs[k]} ({summaries[k].Rows} rows, checksum {summaries[k].Checksum:x16}). A fit resumes on the data it started on.");
            }
        }
    }

    /// <summary>The recorded answer to <paramref name="request"/> if the journal's next record answers it; otherwise null, and from then on every answer is asked and recorded.</summary>
    internal ShardPartial[]? Replay(ShardRequest request)
    {
        if (!_replaying)
        {
            return null;
        }
        if (_next < _records.Count && _records[_next].Key == FitJournalRecord.KeyOf(request))
        {
            Replayed++;
            return _records[_next++].Parts;
        }
        // The fit departs from the record here (or the record ends): keep what was replayed, drop the rest.
        _replaying = false;
        _file.SetLength(_next == 0 ? HeaderEnd() : _records[_next - 1].End);
        _file.Seek(0, SeekOrigin.End);
        return null;
    }

    /// <summary>Appends the answer to <paramref name="request"/> and flushes it to the operating system.</summary>
    internal void Record(ShardRequest request, ShardPartial[] parts)
    {
        var bytes = FitJournalRecord.Payload(request, parts);
        using var record = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        record.Write(bytes.Length);
        record.Write(bytes);
        record.Write(XxHash64.HashToUInt64(bytes));
        record.Flush();
        Appended++;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private long HeaderEnd()
    {
        _file.Seek(0, SeekOrigin.Begin);
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        ReadHeader(reader, _path);
        return _file.Position;
    }

    private static (string Family, IReadOnlyList<ShardSpec> Specs, IReadOnlyList<OpenedShard> Summaries) ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new FitJournalException($"checkpoint '{path}' is not a logreg fit checkpoint.");
            }
            string family = reader.ReadString();
            int shards = reader.ReadInt32();
            var specs = new List<ShardSpec>();
            var summaries = new List<OpenedShard>();
            for (int k = 0; k < shards; k++)
            {
                var files = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray();
                specs.Add(new ShardSpec(files, reader.ReadString(), reader.ReadString()));
                long rows = reader.ReadInt64();
                ulong checksum = reader.ReadUInt64();
                int features = reader.ReadInt32();
                summaries.Add(new OpenedShard(rows, checksum, features));
            }
            long end = reader.BaseStream.Position;
            ulong stored = reader.ReadUInt64();
            reader.BaseStream.Position = 0;
            var bytes = reader.ReadBytes(checked((int)end));
            reader.ReadUInt64();
            if (stored != XxHash64.HashToUInt64(bytes))
            {
                throw new FitJournalException($"checkpoint '{path}' is damaged (its header's checksum does not match); start the fit again with a new --checkpoint.");
            }
            return (family, specs, summaries);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException or OverflowException)
        {
            throw new FitJournalException($"checkpoint '{path}' is not a logreg fit checkpoint (its header cannot be read).");
        }
    }

    private static FileStream Open(string path, FileMode mode)
    {
        try
        {
            return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FitJournalException($"checkpoint '{path}' cannot be opened: {e.Message}");
        }
    }
}
