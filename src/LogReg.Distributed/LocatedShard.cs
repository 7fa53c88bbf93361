namespace LogReg.Distributed;

/// <summary>A shard and the workers that hold its files, preferred first (none: every worker reaches them, as on a shared mount).</summary>
/// <param name="Spec">The shard.</param>
/// <param name="Holders">Silo addresses (<see cref="SiloAddress.ToParsableString"/>) of the workers that hold it; the shard
/// is placed on the first that is live.</param>
public sealed record LocatedShard(ShardSpec Spec, IReadOnlyList<string> Holders)
{
    /// <summary>The shard grain's key in a fit: "JOB/k", with "@H1|H2|…" when its holders are known.</summary>
    internal string GrainKey(string jobId, int index) =>
        Holders.Count == 0 ? $"{jobId}/{index}" : $"{jobId}/{index}@{string.Join('|', Holders)}";
}
