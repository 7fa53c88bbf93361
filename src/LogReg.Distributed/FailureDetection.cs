using Orleans.Configuration;

namespace LogReg.Distributed;

/// <summary>
/// How fast a shard host's cluster declares a killed silo dead, set together with <see cref="RetryPolicy.Default"/>: every
/// silo probes others every <see cref="ProbeTimeout"/>, and <see cref="MissedProbes"/> missed probes make a suspicion;
/// with the votes of the silos that probe it and a membership-table refresh, a dead silo is declared dead within
/// <see cref="WorstCase"/> (Orleans' defaults, 5 s × 3 and a 60 s table refresh, took longer than the old retry budget of
/// six attempts, so a fit survived a kill only if it came late).
/// </summary>
public static class FailureDetection
{
    /// <summary>Probe period and timeout.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes that make a silo suspected.</summary>
    public const int MissedProbes = 2;

    /// <summary>The membership table's refresh period.</summary>
    public static TimeSpan TableRefresh { get; } = TimeSpan.FromSeconds(5);

    /// <summary>An upper bound on the time from a kill to the declaration: two probe rounds, a vote round and a table refresh.</summary>
    public static TimeSpan WorstCase => ProbeTimeout * (MissedProbes + 1) + TableRefresh + ProbeTimeout;

    /// <summary>
    /// How long a coordinator waits for one shard call's answer before it retries it: a call in flight to a silo that is
    /// killed is otherwise only given up after Orleans' default 30 s (the gateway that forwarded it does not fail it when
    /// the silo dies). A shard call is one pass over one shard; a pass that takes longer than this (some hundred million
    /// stored values per shard) needs smaller shards.
    /// </summary>
    public static TimeSpan ClientResponseTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Applies <see cref="ClientResponseTimeout"/> to a coordinator's messaging options.</summary>
    public static void Apply(ClientMessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ResponseTimeout = ClientResponseTimeout;
    }

    /// <summary>Applies these settings to a silo's membership options.</summary>
    public static void Apply(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbes;
        options.TableRefreshTimeout = TableRefresh;
    }
}
