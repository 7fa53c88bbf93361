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
/// --certificate/--trust: mutual TLS on every connection (<see cref="ClusterTls"/>), required of a worker that listens
/// beyond loopback.
/// </summary>
internal sealed record ClusterSettings(string? RedisConnection, ClusterTls? Tls)
{
    // Orleans' events for this process, one line each on stderr once the host has started (see Start).
    private readonly OneLineLog _log = new(Console.Error);

    public const int PrimarySiloPort = 11111;
    public const int PrimaryGatewayPort = 30000;
    private const string ClusterId = "logreg";

    /// <summary>The environment variable a Redis password may come from, so that it is not on a command line every local user can read.</summary>
    public const string PasswordVariable = "LOGREG_REDIS_PASSWORD";

    /// <summary>The Redis connection with the password from the environment added, unless the connection names one.</summary>
    internal static string WithPassword(string connection, string? password) =>
        string.IsNullOrEmpty(password) || connection.Split(',').Any(p => p.TrimStart().StartsWith("password=", StringComparison.OrdinalIgnoreCase))
            ? connection
            : $"{connection},password={password}";

    /// <summary>Reads --cluster, and --certificate with --trust (both or neither).</summary>
    public static ClusterSettings Read(Arguments a, string command)
    {
        string value = a.Required(CliOptions.Cluster);
        string? redis = value == "localhost" ? null
            : value.StartsWith("redis=", StringComparison.Ordinal) && value.Length > "redis=".Length ? WithPassword(value["redis=".Length..], Environment.GetEnvironmentVariable(PasswordVariable))
            : throw new CliException($"{command}: --cluster '{value}' is not understood; expected localhost or redis=HOST:PORT.", 2);
        string? certificate = a.Get(CliOptions.Certificate);
        string? trust = a.Get(CliOptions.Trust);
        if ((certificate is null) != (trust is null))
        {
            throw new CliException($"{command}: --certificate and --trust go together (this process's certificate, and the authority every member's certificate must chain to).", 2);
        }
        try
        {
            return new ClusterSettings(redis, certificate is null ? null : ClusterTls.Load(certificate, trust!));
        }
        catch (ClusterTlsException e)
        {
            throw new CliException($"{command}: {e.Message}", 2);
        }
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
            // Advertised at a loopback address, a worker is reachable from this machine only, and listens there only.
            var address = advertise ?? IPAddress.Loopback;
            silo.ConfigureEndpoints(address, port, gateway, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }
        Tls?.Apply(silo);
        silo.AddShards(dataRoot);
        silo.Services.AddSingleton<Orleans.Runtime.IFatalErrorHandler>(new WorkerFatalError(Console.Error));
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
        Tls?.Apply(client);
        Quiet(client.Services, _log);
    }

    /// <summary>
    /// Starts a worker's or a client's host; a cluster it cannot join (Redis unreachable or refusing the password, a port
    /// in use, no worker accepting it within <see cref="JoinTimeout"/>) is one line naming the cluster and the cause, exit 1
    /// — the host's own failure log is silenced for it.
    /// </summary>
    public void Start(IHost host, string command)
    {
        string where = RedisConnection is null ? "localhost" : "redis=" + RedisConnection.Split(',')[0];
        using var timeout = new CancellationTokenSource(JoinTimeout);
        try
        {
            host.StartAsync(timeout.Token).GetAwaiter().GetResult();
            _log.Open();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // A worker that requires mutual TLS closes a connection without a trusted certificate, and Orleans reconnects
            // without end; the refusal is not reported to the connecting side, so it is named as the likely cause.
            throw new CliException($"{command}: cannot start on the cluster '{where}': no worker accepted this process within {JoinTimeout.TotalSeconds:0} s — " +
                (Tls is null ? "none is running, or they require mutual TLS (--certificate/--trust)." : "none is running, or they do not trust this process's certificate (or it does not trust theirs)."));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // StackExchange.Redis appends advice about its own connection options; the cause is the first sentence.
            string cause = e.GetBaseException().Message.Split('\n')[0].Split(" To allow this multiplexer")[0].Trim();
            throw new CliException($"{command}: cannot start on the cluster '{where}': {cause}");
        }
    }

    /// <summary>How long a process may take to join the cluster (a silo start or a client's first gateway connection).</summary>
    public static TimeSpan JoinTimeout { get; } = TimeSpan.FromSeconds(30);

    // The tool prints its own lines; Orleans' informational logging would drown them, and a failed start is reported by Start.
    private static void Quiet(IServiceCollection services, OneLineLog log) => services.AddLogging(l => l
        .ClearProviders()
        .AddProvider(log.Provider())
        .SetMinimumLevel(LogLevel.Error)
        .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None));
}
