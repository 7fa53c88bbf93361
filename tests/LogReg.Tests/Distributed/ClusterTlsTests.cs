using System.Net;
using System.Net.Sockets;
using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// Mutual TLS on a real silo listening on loopback sockets: a client with a certificate from the operator's authority
/// trains; a client without a certificate, or with one from another authority, never gets a connection (its start does
/// not complete, so it can make no grain call); a silo that does not trust the client refuses it the same way.
/// </summary>
[Trait("Category", "Slow")]
public class ClusterTlsTests
{
    private static readonly TimeSpan Refusal = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task OnlyClientsWithATrustedCertificateConnect()
    {
        using var certificates = new TestCertificates();
        using var files = new ShardFiles(shards: 2, rowsPerShard: 400, features: 3);
        var silo = ClusterTls.Load(certificates.Member, certificates.Trust);
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        string clusterId = "tls-" + Guid.NewGuid().ToString("N");
        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.ClearProviders();
        siloBuilder.UseOrleans(s =>
        {
            s.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort), clusterId, clusterId);
            s.AddShards(ShardFiles.Root.Directory);
            silo.Apply(s);
        });
        using var siloHost = siloBuilder.Build();
        await siloHost.StartAsync();
        try
        {
            // No certificate at all, and a certificate the silo's authority did not sign (the client trusts the silo's CA).
            Assert.False(await Connects(gatewayPort, clusterId, tls: null));
            var rogueTrustingSilo = ClusterTls.LoadUnchecked(certificates.Rogue, certificates.Trust);
            Assert.False(await Connects(gatewayPort, clusterId, rogueTrustingSilo));
            // A trusted member's certificate that does not trust the silo's authority refuses the silo in turn.
            Assert.False(await Connects(gatewayPort, clusterId, ClusterTls.LoadUnchecked(certificates.Coordinator, certificates.OtherTrust)));

            // The operator's coordinator: connects and trains to the local model.
            var options = TrainerOptions.Default with { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-9 };
            var local = LogisticRegressionTrainer.Train(ShardLoader.Load(files.All, ShardFiles.Root), options);
            using var client = Client(gatewayPort, clusterId, ClusterTls.Load(certificates.Coordinator, certificates.Trust));
            await client.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            var fit = await DistributedTrainer.FitAsync(client.Services.GetRequiredService<IClusterClient>(), files.Specs, options);
            NumericAssert.Relative(local.Report.Optimization.Objective, fit.Report.Optimization.Objective, 1e-9, "objective over TLS");
            await client.StopAsync();
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    [Fact]
    public void BadCertificateFilesAreNamedInOneLine()
    {
        using var certificates = new TestCertificates();
        string missing = Path.Combine(certificates.Folder, "missing.pem");
        var cases = new (string Certificate, string Trust, string Expected)[]
        {
            (missing, certificates.Trust, "--certificate '" + missing + "' is not a file that exists"),
            (certificates.Member, missing, "--trust '" + missing + "' is not a file that exists"),
            (certificates.CertificateWithoutKey, certificates.Trust, "without its private key"),
            (certificates.Trust, certificates.Member, "without its private key"),
            (certificates.Rogue, certificates.Trust, "is not signed by a certificate in"),
            (certificates.Member, certificates.OtherTrust, "is not signed by a certificate in"),
            (certificates.ServerOnly, certificates.Trust, "is not for both server and client authentication"),
        };
        foreach (var (certificate, trust, expected) in cases)
        {
            var e = Assert.Throws<ClusterTlsException>(() => ClusterTls.Load(certificate, trust));
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
        string notPem = Path.Combine(certificates.Folder, "notes.txt");
        File.WriteAllText(notPem, "hello");
        Assert.Contains("holds no certificate", Assert.Throws<ClusterTlsException>(() => ClusterTls.Load(certificates.Member, notPem)).Message, StringComparison.Ordinal);
        Assert.Contains("is not a PEM file with a certificate", Assert.Throws<ClusterTlsException>(() => ClusterTls.Load(notPem, certificates.Trust)).Message, StringComparison.Ordinal);
    }

    private static async Task<bool> Connects(int gatewayPort, string clusterId, ClusterTls? tls)
    {
        using var client = Client(gatewayPort, clusterId, tls);
        using var timeout = new CancellationTokenSource(Refusal);
        try
        {
            await client.StartAsync(timeout.Token);
            await client.StopAsync();
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    private static IHost Client(int gatewayPort, string clusterId, ClusterTls? tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c =>
        {
            c.UseLocalhostClustering(gatewayPort, clusterId, clusterId);
            tls?.Apply(c);
        });
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
