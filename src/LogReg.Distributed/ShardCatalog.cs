namespace LogReg.Distributed;

/// <summary>
/// Before a fit: every live worker says what it is and which shard files it holds (<see cref="IWorkerGrain"/>); a worker
/// of another build is refused, and each file becomes a shard placed on a worker that holds it — spread so that each
/// worker gets its share, with the other holders as failover copies.
/// </summary>
public static class ShardCatalog
{
    /// <summary>
    /// Every live worker's description, in address order, with the files below its data root that <paramref name="pattern"/>
    /// matches (null: none listed — the build handshake only); every worker must run this process's build. A worker that
    /// does not answer is asked again until <paramref name="retry"/>'s budget has passed: one killed meanwhile is declared
    /// dead and leaves the list (its files with it).
    /// </summary>
    /// <exception cref="ClusterBuildException">A worker runs another build (both named), or does not answer the handshake.</exception>
    public static async Task<IReadOnlyList<WorkerInfo>> DescribeWorkersAsync(IGrainFactory grains, string? pattern, RetryPolicy? retry = null)
    {
        retry ??= RetryPolicy.Default;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 1; ; attempt++)
        {
            IReadOnlyList<WorkerStatus> workers;
            try
            {
                workers = await ListWorkersAsync(grains, pattern).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ShardDataException and not ArgumentException)
            {
                // The membership itself did not answer (its grain was on a silo that just died): ask again.
                workers = [new WorkerStatus("(the cluster's membership)", null, e.GetBaseException().Message.Split('\n')[0])];
            }
            if (workers.FirstOrDefault(w => w.Info is { } info && info.Build != WorkerBuild.Current) is { } other)
            {
                throw new ClusterBuildException($"worker {other.Silo} runs logreg {other.Info!.Build}; this process runs {WorkerBuild.Current}. Run one build across the cluster.");
            }
            if (workers.FirstOrDefault(w => w.Info is null) is not { } silent)
            {
                return workers.Select(w => w.Info!).ToList();
            }
            if (waited.Elapsed >= retry.Budget)
            {
                throw new ClusterBuildException($"worker {silent.Silo} did not answer the build handshake for {retry.Budget.TotalSeconds:F0} s (a build older than {WorkerBuild.Current.Version}?): {silent.Failure}");
            }
            await Task.Delay(retry.WaitAfter(attempt)).ConfigureAwait(false);
        }
    }

    /// <summary>Every live worker, in address order: its description, or why it gave none (for a status report).</summary>
    public static async Task<IReadOnlyList<WorkerStatus>> ListWorkersAsync(IGrainFactory grains, string? pattern)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        var silos = hosts.Keys.OrderBy(s => s).Select(s => s.ToParsableString()).ToList();
        return await Task.WhenAll(silos.Select(async silo =>
        {
            try
            {
                return new WorkerStatus(silo, await grains.GetGrain<IWorkerGrain>(silo).Describe(pattern ?? "").ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is not ShardDataException)
            {
                return new WorkerStatus(silo, null, e.GetBaseException().Message.Split('\n')[0]);
            }
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// Each distinct file name the workers hold is one shard (sorted ordinally: the order sums are added in) with label
    /// column <paramref name="label"/>; its holders are ordered so that shards spread over the workers (the preferred
    /// holder is the one with the fewest shards so far), the others following as failover copies.
    /// </summary>
    /// <exception cref="ShardDataException">Two workers hold files of one name with different lengths (not copies of one shard).</exception>
    public static IReadOnlyList<LocatedShard> Locate(IReadOnlyList<WorkerInfo> workers, string label)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var byName = workers
            .SelectMany(w => w.Files.Select(f => (File: f, w.Silo)))
            .GroupBy(x => x.File.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var load = workers.ToDictionary(w => w.Silo, _ => 0, StringComparer.Ordinal);
        var shards = new List<LocatedShard>();
        foreach (var copies in byName)
        {
            var lengths = copies.Select(c => c.File.Length).Distinct().ToList();
            if (lengths.Count > 1)
            {
                var sizes = string.Join(", ", copies.Select(c => $"{c.Silo}: {c.File.Length} bytes"));
                throw new ShardDataException($"Shard file '{copies.Key}' differs between workers ({sizes}); copies of a shard must be identical.");
            }
            var holders = copies.Select(c => c.Silo).OrderBy(s => load[s]).ThenBy(s => s, StringComparer.Ordinal).ToList();
            load[holders[0]]++;
            shards.Add(new LocatedShard(new ShardSpec(new[] { copies.Key }, label), holders));
        }
        return shards;
    }

    /// <summary>One line: how many shards, on how many of the workers, and how many copies each has.</summary>
    public static string Describe(IReadOnlyList<LocatedShard> shards, int workers)
    {
        ArgumentNullException.ThrowIfNull(shards);
        int holding = shards.SelectMany(s => s.Holders).Distinct(StringComparer.Ordinal).Count();
        var copies = shards.Select(s => s.Holders.Count).Distinct().Order().ToList();
        string each = copies.Count == 1 ? $"{copies[0]}" : $"{copies[0]}–{copies[^1]}";
        return $"shards: {shards.Count} file(s) held by {holding} of {workers} worker(s), {each} cop{(copies is [1] ? "y" : "ies")} each; each placed on a worker that holds it";
    }
}
