using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace LogReg.Distributed;

/// <summary>Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>): one <see cref="WorkerGrain"/> per silo.</summary>
[Serializable, GenerateSerializer, Immutable]
public sealed class WorkerPlacement : PlacementStrategy
{
}

/// <summary>Gives a grain class <see cref="WorkerPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class WorkerPlacementAttribute : PlacementAttribute
{
    /// <summary>The attribute.</summary>
    public WorkerPlacementAttribute()
        : base(new WorkerPlacement())
    {
    }
}

/// <summary>The director of <see cref="WorkerPlacement"/>: the silo named by the key, if it is a live, compatible silo.</summary>
public sealed class WorkerPlacementDirector : IPlacementDirector
{
    /// <inheritdoc/>
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = target.GrainIdentity.Key.ToString() ?? "";
        var silo = context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key)
            ?? throw new SiloUnavailableException($"Worker {key} is not a live member of the cluster.");
        return Task.FromResult(silo);
    }
}
