using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// The operator's side of the cluster commands: a worker listening beyond loopback must name its data root and have
/// mutual TLS; a bad certificate is one line before anything starts; a cluster
/// that cannot be joined is one line naming it and the cause, exit 1 (no hosting stack trace).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterCliTests : CliRun
{
    [Fact]
    public void AWorkerWithRedisMembershipNeedsADataRoot()
    {
        var r = Run("worker", "--cluster", "redis=127.0.0.1:1");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--data-root DIR is required", r.Err);
    }

    [Fact]
    public void AWorkerAdvertisedBeyondLoopbackNeedsMutualTls()
    {
        var r = Run("worker", "--cluster", "redis=127.0.0.1:1", "--data-root", Folder, "--advertise", "10.1.2.3");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--advertise 10.1.2.3 makes this worker listen beyond this machine, so --certificate and --trust are required", r.Err);
        using var certificates = new TestCertificates();
        var alone = Run("worker", "--cluster", "localhost", "--data-root", Folder, "--certificate", certificates.Member);
        Assert.Equal(2, alone.Exit);
        Assert.Contains("--certificate and --trust go together", alone.Err);
        var untrusted = Run("train", "--cluster", "localhost", "--shards", "*.csv", "--label", "y",
            "--model", Path.Combine(Folder, "m.zip"), "--certificate", certificates.Rogue, "--trust", certificates.Trust);
        Assert.Equal(2, untrusted.Exit);
        Assert.StartsWith($"error: train: certificate '{certificates.Rogue}' (CN=rogue) is not signed by a certificate in '{certificates.Trust}'", untrusted.Err);
        Assert.Single(untrusted.Err.Trim().Split('\n'));
    }

    [Fact]
    public void CheckpointOptionsAreCheckedBeforeTheClusterIsJoined()
    {
        File.WriteAllText(Path.Combine(Folder, "part-0.csv"), "y,x\n1,2\n0,1\n");
        string[] common = ["train", "--cluster", "localhost", "--shards", "*.csv", "--label", "y", "--model", Path.Combine(Folder, "m.zip")];
        var both = Run([.. common, "--checkpoint", Path.Combine(Folder, "a.journal"), "--resume", Path.Combine(Folder, "b.journal")]);
        Assert.Equal(2, both.Exit);
        Assert.Contains("give one of them", both.Err);
        string missing = Path.Combine(Folder, "missing.journal");
        var absent = Run([.. common, "--resume", missing]);
        Assert.Equal(1, absent.Exit);
        Assert.Equal($"error: train: checkpoint '{missing}' does not exist.", absent.Err.Trim());
        File.WriteAllText(Path.Combine(Folder, "taken.journal"), "x");
        var exists = Run([.. common, "--checkpoint", Path.Combine(Folder, "taken.journal")]);
        Assert.Equal(1, exists.Exit);
        Assert.Contains("exists; resume it (--resume), or remove it", exists.Err);
    }

    [Fact]
    public void StatsOverShardsRefuseWhatNeedsTheRowsInOnePlace()
    {
        string[] common = ["stats", "--cluster", "localhost", "--shards", "*.csv", "--label", "y"];
        var sandwich = Run([.. common, "--covariance", "hc0"]);
        Assert.Equal(2, sandwich.Exit);
        Assert.Contains("option '--covariance' is not offered with --cluster (statistics from sums", sandwich.Err);
        var lasso = Run([.. common, "--l1", "1"]);
        Assert.Equal(2, lasso.Exit);
        Assert.Contains("statistics over shards are for --loss bce, unpenalised or with --l2 (not --l1)", lasso.Err);
    }

    [Fact]
    public void TheRedisPasswordMayComeFromTheEnvironmentAndAPasswordGivenWins()
    {
        Assert.Equal("a:6379,password=s3cret", LogReg.Cli.ClusterSettings.WithPassword("a:6379", "s3cret"));
        Assert.Equal("a:6379,password=given", LogReg.Cli.ClusterSettings.WithPassword("a:6379,password=given", "s3cret"));
        Assert.Equal("a:6379", LogReg.Cli.ClusterSettings.WithPassword("a:6379", null));
        Assert.Equal("a:6379,connectTimeout=2000", LogReg.Cli.ClusterSettings.WithPassword("a:6379,connectTimeout=2000", ""));
    }

    [Fact]
    public void ARedisThatCannotBeReachedIsOneLineNamingItExitOne()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        File.WriteAllText(Path.Combine(Folder, "part-0.csv"), "y,x\n1,2\n0,1\n");
        var r = Run("train", "--cluster", "redis=127.0.0.1:1,connectTimeout=2000", "--shards", "*.csv", "--label", "y",
            "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, r.Exit);
        Assert.StartsWith("error: train --cluster: cannot start on the cluster 'redis=127.0.0.1:1': ", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.DoesNotContain(" at ", r.Out + r.Err);
    }

    [Fact]
    public void ShardPatternsOutsideTheWorkersRootsAreRefusedBeforeAnyWorkerIsAsked()
    {
        foreach (var pattern in new[] { "/etc/pass*", "../*.csv", "data/../../*.csv" })
        {
            var r = Run("train", "--cluster", "localhost", "--shards", pattern, "--label", "y", "--model", Path.Combine(Folder, "m.zip"));
            Assert.Equal(2, r.Exit);
            Assert.Equal($"error: train: --shards '{pattern}' must name files relative to the workers' data roots (no absolute path, no '..'); each worker lists the files it holds below its --data-root.", r.Err.Trim());
        }
        foreach (var pattern in new[] { "part-[0-4].csv", "**/*.csv", "d*/part.csv" })
        {
            var glob = Run("train", "--cluster", "localhost", "--shards", pattern, "--label", "y", "--model", Path.Combine(Folder, "m.zip"));
            Assert.Equal(2, glob.Exit);
            Assert.Contains("the wildcards are * and ? in the file name only", glob.Err);
        }
        // The coordinator has no data root: its shards are what the workers hold.
        var root = Run("train", "--cluster", "localhost", "--data-root", Folder, "--shards", "*.csv", "--label", "y", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, root.Exit);
    }
}
