using LogReg.Core.Objectives;

namespace LogReg.Distributed;

/// <summary>
/// One round of shard calls, as both distributed objectives make it: answered from a resumed checkpoint while it holds the
/// round, otherwise asked of every shard at once (each call retried by the policy) and recorded; every answer is checked
/// against what its shard held on the first pass, then handed over in shard order.
/// </summary>
internal static class ShardRound
{
    public static void Sum(ShardRequest request, IReadOnlyList<ShardSpec> shards, IReadOnlyList<(long Rows, ulong Checksum)> opened,
        Func<int, Task<ShardPartial>> call, RetryPolicy retry, FitJournal? journal, Action<PartialSums> add)
    {
        var parts = journal?.Replay(request);
        if (parts is null)
        {
            parts = Task.Run(() => Task.WhenAll(shards.Select((spec, k) => retry.RunAsync(() => call(k), spec)))).GetAwaiter().GetResult();
            journal?.Record(request, parts);
        }
        for (int k = 0; k < parts.Length; k++)
        {
            var p = parts[k];
            if (p.Rows != opened[k].Rows || p.Checksum != opened[k].Checksum)
            {
                throw new ShardDataException(
                    $"Shard {k} ({shards[k]}) now holds {p.Rows} rows (checksum {p.Checksum:x16}); the first pass read {opened[k].Rows} " +
                    $"(checksum {opened[k].Checksum:x16}). Its files changed during the fit, or it was read again from a copy on another worker " +
                    "that differs; the fit stops rather than train on different data.");
            }
            add(new PartialSums(p.Value, p.Vector, p.Squares, p.Total));
        }
    }
}
