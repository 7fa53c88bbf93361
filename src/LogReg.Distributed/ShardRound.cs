using LogReg.Core.Objectives;

namespace LogReg.Distributed;

/// <summary>
/// The shard calls both distributed objectives make: opening every shard (each on the worker its key names, retried),
/// and one round of evaluations — answered from a resumed checkpoint while it holds the
/// round, otherwise asked of every shard at once (each call retried by the policy) and recorded; every answer is checked
/// against what its shard held on the first pass, then handed over in shard order.
/// </summary>
internal static class ShardRound
{
    /// <summary>
    /// Opens every shard through its grain (retried by the policy) and checks that they agree on the features; the
    /// shards, their grains, what each answered and what the fit keeps of it.
    /// </summary>
    public static async Task<(List<ShardSpec> Shards, List<TGrain> Grains, TSummary[] Summaries, List<OpenedShard> Opened)> OpenAsync<TGrain, TSummary>(
        IGrainFactory grains, string jobId, IReadOnlyList<LocatedShard> located, Func<TGrain, ShardSpec, Task<TSummary>> open,
        Func<TSummary, OpenedShard> describe, RetryPolicy retry)
        where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(located);
        if (located.Count == 0)
        {
            throw new ArgumentException("At least one shard is needed.", nameof(located));
        }
        var shards = located.Select(s => s.Spec).ToList();
        var refs = located.Select((s, k) => grains.GetGrain<TGrain>(s.GrainKey(jobId, k))).ToList();
        var summaries = await Task.WhenAll(refs.Select((g, k) => retry.RunAsync(() => open(g, shards[k]), shards[k]))).ConfigureAwait(false);
        var opened = summaries.Select(describe).ToList();
        int d = opened[0].FeatureCount;
        for (int k = 1; k < opened.Count; k++)
        {
            if (opened[k].FeatureCount != d)
            {
                throw new ShardDataException($"Shard {k} ({shards[k]}) has {opened[k].FeatureCount} features; shard 0 ({shards[0]}) has {d}.");
            }
        }
        return (shards, refs, summaries, opened);
    }

    /// <summary>One round: replayed from the checkpoint or asked of every shard, checked, added in shard order.</summary>
    public static void Sum(ShardRequest request, IReadOnlyList<ShardSpec> shards, IReadOnlyList<OpenedShard> opened,
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
