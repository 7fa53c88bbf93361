using LogReg.Distributed;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace LogReg.Cli;

/// <summary>
/// --cluster localhost | redis=HOST:PORT: how workers (silos) and the training client find each other.
/// localhost: every process on this machine; worker --instance N listens on silo port 11111+N and gateway
/// 30000+N, instance 0 is the primary and the client's gateway. redis: membership in a Redis server
/// (Debian's redis-server), for several processes or machines; --port/--gateway/--advertise set a worker's endpoints.
/// </summary>
internal sealed record ClusterSettings(string? RedisConnection)
{
    // Orleans' events for this process, one line each on stderr once the host has started (see Start).
    private readonly OneLineLog _log = new(Console.Error);

    public const int PrimarySiloPort = 11111;
    public const int PrimaryGatewayPort = 30000;
    private const string ClusterId = "logreg";

    public static ClusterSettings Parse(string value, string command)
    {
        if (value == "localhost")
        {
            return new ClusterSettings((string?)null);
        }
        if (value.StartsWith("redis=", StringComparison.Ordinal) && value.Length > "redis=".Length)
        {
            return new ClusterSettings(value["redis=".Length..]);
        }
        throw new CliException($"{command}: --cluster '{value}' is not understood; expected localhost or redis=HOST:PORT.", 2);
    }

    public void ConfigureSilo(ISiloBuilder silo, string dataRoot, int instance, int? siloPort, int? gatewayPort, IPAddress? advertise)
    {
        int port = siloPort ?? PrimarySiloPort + instance;
        int gateway = gatewayPort ?? PrimaryGatewayPort + instance;
        if (RedisConnection is null)
        {
            silo.UseLocalhostClustering(port, gateway, new IPEndPoint(IPAddress.Loopback, PrimarySiloPort), ClusterId, ClusterId);
        }
        else
        {
            silo.UseRedisClustering(RedisConnection);
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
            silo.ConfigureEndpoints(advertise ?? IPAddress.Loopback, port, gateway, listenOnAnyHostAddress: true);
        }
        silo.AddShards(dataRoot);
        Quiet(silo.Services, _log);
    }

    public void ConfigureClient(IClientBuilder client)
    {
        client.Configure<ClientMessagingOptions>(FailureDetection.Apply);
        if (RedisConnection is null)
        {
            client.UseLocalhostClustering(PrimaryGatewayPort, ClusterId, ClusterId);
        }
        else
        {
            client.UseRedisClustering(RedisConnection);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        }
        Quiet(client.Services, _log);
    }

    /// <summary>
    /// Starts a worker's or a client's host; a cluster it cannot join (Redis unreachable or refusing the password, a port
    /// in use) is one line naming the cluster and the cause, exit 1 — the host's own failure log is silenced for it.
    /// </summary>
    public void Start(IHost host, string command)
    {
        try
        {
            host.Start();
            _log.Open();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string cause = e.GetBaseException().Message.Split('\n')[0].Trim();
            string where = RedisConnection is null ? "localhost" : "redis=" + RedisConnection.Split(',')[0];
            throw new CliException($"{command}: cannot start on the cluster '{where}': {cause}");
        }
    }

    // The tool prints its own lines; Orleans' informational logging would drown them, and a failed start is reported by Start.
    private static void Quiet(IServiceCollection services, OneLineLog log) => services.AddLogging(l => l
        .ClearProviders()
        .AddProvider(log.Provider())
        .SetMinimumLevel(LogLevel.Error)
        .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None));
}
