using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using Orleans.Hosting;
using Orleans.Runtime.Placement;

namespace LogReg.Distributed;

/// <summary>
/// Places shard k of a fit on the (k mod N)-th of the N compatible silos in address order, so a fit's
/// shards spread evenly over the cluster. Orleans 10's default (resource-optimised placement) decides
/// from load figures that are the same for a burst of activations, and was seen putting all six shards of
/// a test fit on one of three silos — data-parallel training on one machine.
/// </summary>
[Serializable, GenerateSerializer, Immutable]
public sealed class ShardSpreadPlacement : PlacementStrategy
{
}

/// <summary>Gives a grain class <see cref="ShardSpreadPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardSpreadPlacementAttribute : PlacementAttribute
{
    /// <summary>The attribute.</summary>
    public ShardSpreadPlacementAttribute()
        : base(new ShardSpreadPlacement())
    {
    }
}

/// <summary>
/// The director of <see cref="ShardSpreadPlacement"/>. A key "JOB/k@H1|H2|…" names the silos that hold the shard's files,
/// preferred first (<see cref="ShardCatalog"/>): the first of them that is live, so a shard fails over to another copy
/// when its holder dies. A key "JOB/k" (every silo reaches every file): the (k mod N)-th silo in address order.
/// </summary>
public sealed class ShardSpreadPlacementDirector : IPlacementDirector
{
    /// <inheritdoc/>
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s).ToArray();
        string key = target.GrainIdentity.Key.ToString() ?? "";
        int at = key.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var holders = key[(at + 1)..].Split('|');
            var live = holders.Select(h => silos.FirstOrDefault(s => s.ToParsableString() == h)).FirstOrDefault(s => s is not null);
            // Not retried: a holder declared dead does not come back under its address (a restarted worker is a new one).
            return Task.FromResult(live ?? throw new ShardUnavailableException(
                $"none of the workers that hold its files ({string.Join(", ", holders)}) is a live member of the cluster any more."));
        }
        int slash = key.LastIndexOf('/');
        uint index = int.TryParse(key.AsSpan(slash + 1), out int shard) && shard >= 0
            ? (uint)shard
            : target.GrainIdentity.GetUniformHashCode();
        return Task.FromResult(silos[index % (uint)silos.Length]);
    }
}

/// <summary>Silo registration for the shard grains.</summary>
public static class ShardSiloBuilderExtensions
{
    /// <summary>
    /// Makes the silo a shard host: <see cref="ShardSpreadPlacementDirector"/> and <see cref="WorkerPlacementDirector"/>, its
    /// build (<see cref="WorkerBuild.Current"/>, unless one is registered), and the folder its shards are read from
    /// (<see cref="ShardRoot"/>: names below it only), and failure detection set together with the coordinator's retries
    /// (<see cref="FailureDetection"/>). Every silo that hosts <see cref="ShardGrain"/> needs them.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dataRoot"/> is not a folder that exists.</exception>
    public static ISiloBuilder AddShards(this ISiloBuilder builder, string dataRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = new ShardRoot(dataRoot);
        builder.Services.AddPlacementDirector<ShardSpreadPlacement, ShardSpreadPlacementDirector>();
        builder.Services.AddPlacementDirector<WorkerPlacement, WorkerPlacementDirector>();
        builder.Services.AddSingleton(root);
        builder.Services.TryAddSingleton(WorkerBuild.Current);
        builder.Services.Configure<Orleans.Configuration.ClusterMembershipOptions>(FailureDetection.Apply);
        return builder;
    }
}
