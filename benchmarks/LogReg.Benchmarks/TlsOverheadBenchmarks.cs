using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Training;
using LogReg.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogReg.Benchmarks;

/// <summary>
/// What mutual TLS costs a pass: one value-and-gradient round over 4 shard grains on 2 silos and a client that talk over
/// real loopback TCP sockets (not TestingHost's in-memory transport), with and without <see cref="ClusterTls"/>; for
/// d = 50 and d = 1,000 features (an answer of 0.4 KB and 8 KB per shard), 40,000 rows × 50 or 2,000 × 1,000 values.
/// </summary>
[Config(typeof(WarmJobConfig))]
[MedianColumn]
public class TlsOverheadBenchmarks
{
    private const int Shards = 4;
    private string _folder = null!;
    private readonly List<IHost> _hosts = [];
    private DistributedObjective _objective = null!;
    private double[] _theta = null!;
    private double[] _gradient = null!;

    [Params(50, 1000)]
    public int Features { get; set; }

    [Params(false, true)]
    public bool Tls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int rows = 2_000_000 / Features / Shards;
        _folder = Directory.CreateTempSubdirectory("logreg-tls-bench-").FullName;
        var rng = new Random(3);
        for (int k = 0; k < Shards; k++)
        {
            using var file = new StreamWriter(Path.Combine(_folder, $"part-{k}.csv"));
            file.WriteLine("y," + string.Join(",", Enumerable.Range(0, Features).Select(j => $"x{j}")));
            for (int i = 0; i < rows; i++)
            {
                file.WriteLine((rng.Next(2) == 1 ? "1," : "0,") + string.Join(",", Enumerable.Range(0, Features).Select(_ => (rng.Next(4000) - 2000) / 1000.0)));
            }
        }
        ClusterTls? tls = Tls ? MakeCertificates(_folder) : null;
        string cluster = "bench-" + Guid.NewGuid().ToString("N");
        var ports = Enumerable.Range(0, 4).Select(_ => FreePort()).ToArray();
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0]);
        for (int s = 0; s < 2; s++)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            int silo = s;
            builder.UseOrleans(o =>
            {
                o.UseLocalhostClustering(ports[2 * silo], ports[2 * silo + 1], primary, cluster, cluster);
                o.AddShards(_folder);
                tls?.Apply(o);
            });
            _hosts.Add(Start(builder.Build()));
        }
        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.ClearProviders();
        clientBuilder.UseOrleansClient(c =>
        {
            c.UseLocalhostClustering([ports[1], ports[3]], cluster, cluster);
            tls?.Apply(c);
        });
        var client = Start(clientBuilder.Build());
        _hosts.Add(client);
        var specs = Enumerable.Range(0, Shards).Select(k => new ShardSpec([$"part-{k}.csv"], "y")).ToList();
        _objective = DistributedObjective.OpenAsync(client.Services.GetRequiredService<IClusterClient>(), "bench", specs, TrainerOptions.Default).GetAwaiter().GetResult();
        _theta = Enumerable.Range(0, Features + 1).Select(j => 0.01 * (j % 7 - 3)).ToArray();
        _gradient = new double[Features + 1];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            host.StopAsync().GetAwaiter().GetResult();
            host.Dispose();
        }
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "pass over 4 shards on 2 silos, loopback TCP")]
    public double Pass() => _objective.SmoothValueAndGradient(_theta, _gradient);

    private static IHost Start(IHost host)
    {
        host.StartAsync().GetAwaiter().GetResult();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A throwaway authority and one member certificate (server and client use) for every process, as PEM files.
    private static ClusterTls MakeCertificates(string folder)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=bench CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bench member", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var member = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(folder, "ca.crt"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "member.pem"), member.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return ClusterTls.Load(Path.Combine(folder, "member.pem"), Path.Combine(folder, "ca.crt"));
    }
}
