using System.Net;
using Microsoft.Extensions.Hosting;

namespace LogReg.Cli;

/// <summary>
/// worker --cluster localhost|redis=HOST:PORT --data-root DIR [--instance N] [--port N] [--gateway N] [--advertise IP]
/// [--certificate FILE --trust FILE]: runs an Orleans silo that hosts shard grains for 'train --cluster', until Ctrl+C
/// or SIGTERM. A worker advertised beyond loopback listens on every interface, so it needs mutual TLS.
/// </summary>
internal static class WorkerCommand
{
    public static readonly CliOption[] Options = [CliOptions.Cluster, CliOptions.DataRoot, CliOptions.Instance, CliOptions.Port, CliOptions.Gateway, CliOptions.Advertise, CliOptions.Certificate, CliOptions.Trust];

    public static int Run(Arguments a, TextWriter output)
    {
        var cluster = ClusterSettings.Read(a, "worker");
        int instance = a.Get(CliOptions.Instance) ?? 0;
        int? port = a.Get(CliOptions.Port);
        int? gateway = a.Get(CliOptions.Gateway);
        string? advertiseText = a.Get(CliOptions.Advertise);
        // A worker in a cluster of several machines must say which folder clients may have it read.
        if (cluster.RedisConnection is not null && !a.Given(CliOptions.DataRoot))
        {
            throw new CliException("worker: --cluster redis=… joins a cluster other machines may reach, so --data-root DIR is required: the worker reads shard files below it and nothing else.", 2);
        }
        string dataRoot = Path.GetFullPath(a.Get(CliOptions.DataRoot) ?? ".");
        if (!Directory.Exists(dataRoot))
        {
            throw new CliException($"worker: --data-root '{dataRoot}' is not a folder that exists.", 2);
        }
        IPAddress? advertise = null;
        if (advertiseText is not null && !IPAddress.TryParse(advertiseText, out advertise))
        {
            throw new CliException($"worker: --advertise '{advertiseText}' is not an IP address.", 2);
        }
        if (advertise is not null && !IPAddress.IsLoopback(advertise) && cluster.Tls is null)
        {
            throw new CliException($"worker: --advertise {advertise} makes this worker listen beyond this machine, so --certificate and --trust are required: only processes with a certificate from your authority may connect.", 2);
        }
        // A port another process listens on is refused here: Orleans would take the address over and the membership would
        // declare the worker already there dead.
        var listen = cluster.RedisConnection is not null && advertise is not null && !IPAddress.IsLoopback(advertise) ? IPAddress.Any : IPAddress.Loopback;
        RequireFree(listen, port ?? ClusterSettings.PrimarySiloPort + instance, "silo");
        RequireFree(listen, gateway ?? ClusterSettings.PrimaryGatewayPort + instance, "gateway");
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => cluster.ConfigureSilo(silo, dataRoot, instance, port, gateway, advertise));
        using var host = builder.Build();
        cluster.Start(host, "worker");
        output.WriteLine($"worker ready{(cluster.RedisConnection is null ? $" (instance {instance})" : "")}: silo port {port ?? ClusterSettings.PrimarySiloPort + instance}, gateway {gateway ?? ClusterSettings.PrimaryGatewayPort + instance}, data root {dataRoot}{(cluster.Tls is null ? "" : $", mutual TLS as {cluster.Tls.Certificate.Subject}")}");
        output.Flush();
        host.WaitForShutdown();
        return 0;
    }

    private static void RequireFree(IPAddress address, int port, string what)
    {
        // A bind test cannot tell: .NET sets SO_REUSEPORT with ReuseAddress on Linux (as Orleans' listener does), so a second
        // silo binds a port a live one listens on. A connection that is accepted can.
        using var probe = new System.Net.Sockets.TcpClient();
        bool taken;
        try
        {
            taken = probe.ConnectAsync(IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) ? IPAddress.Loopback : address, port).Wait(TimeSpan.FromSeconds(2)) && probe.Connected;
        }
        catch (AggregateException e) when (e.InnerException is System.Net.Sockets.SocketException)
        {
            taken = false;
        }
        if (taken)
        {
            throw new CliException($"worker: the {what} port {port} is taken (a process listens on it — another worker on this machine?); choose another with --port/--gateway (or --instance).");
        }
    }
}
