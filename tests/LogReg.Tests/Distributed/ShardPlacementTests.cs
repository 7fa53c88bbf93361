using System.Net;
using LogReg.Distributed;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>The shard placement director spreads a fit's shards over the silos in turn, whatever order the cluster lists them in.</summary>
public class ShardPlacementTests
{
    private sealed class Silos(SiloAddress[] silos) : IPlacementContext
    {
        public SiloAddress LocalSilo => silos[0];

        public SiloStatus LocalSiloStatus => SiloStatus.Active;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
            new Dictionary<ushort, SiloAddress[]> { [0] = silos };
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static async Task<SiloAddress> Place(IPlacementContext context, string key) =>
        await new ShardSpreadPlacementDirector().OnAddActivation(new ShardSpreadPlacement(),
            new PlacementTarget(GrainId.Create("shard", key), new Dictionary<string, object>(), default, 0), context);

    [Fact]
    public async Task ShardKGoesToSiloKModNInAddressOrder()
    {
        var sorted = new[] { Silo(11111), Silo(11112), Silo(11113) };
        var context = new Silos(new[] { sorted[2], sorted[0], sorted[1] }); // listed out of order
        var placed = new List<SiloAddress>();
        for (int k = 0; k < 7; k++)
        {
            placed.Add(await Place(context, $"job-a/{k}"));
        }
        Assert.Equal(Enumerable.Range(0, 7).Select(k => sorted[k % 3]), placed);
        // Two silos left (one died): the re-activated shards spread over them the same way.
        var survivors = new Silos(new[] { sorted[2], sorted[0] });
        Assert.Equal(sorted[0], await Place(survivors, "job-a/4"));
        Assert.Equal(sorted[2], await Place(survivors, "job-a/5"));
        // A key without a shard number still gets a silo of the cluster.
        Assert.Contains(await Place(context, "not-a-shard"), sorted);
    }
}
