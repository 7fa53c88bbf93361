using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// Data where the workers are: each silo has a data root of its own (no shared folder) and says which shard files it
/// holds; a fit over the catalogue equals the local fit; a replicated shard whose preferred holder is killed fails over
/// to its copy (the same model, bit for bit); a shard no live worker holds fails at once, naming its file; a worker of
/// another build is refused with both builds named.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ShardLocalityTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("logreg-locality-").FullName;

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private static TrainerOptions Options => TrainerOptions.Default with { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-9 };

    [Fact]
    public async Task ShardsOnSeparateFoldersTrainToTheLocalModel()
    {
        using var files = new ShardFiles(shards: 6, rowsPerShard: 500);
        await using var cluster = Cluster(3);
        await cluster.DeployAsync();
        var silos = cluster.Silos.OrderBy(s => s.SiloAddress).ToList();
        for (int k = 0; k < 6; k++)
        {
            Place(files, k, silos[k % 3]); // two shards per silo, no copies
        }
        var workers = await ShardCatalog.DescribeWorkersAsync(cluster.Client, "part-*.csv");
        Assert.All(workers, w => Assert.Equal(2, w.Files.Count));
        var located = ShardCatalog.Locate(workers, "y");
        Assert.Equal(Enumerable.Range(0, 6).Select(k => $"part-{k}.csv"), located.Select(s => s.Spec.Files[0]));
        Assert.All(located, s => Assert.Single(s.Holders));
        var fit = await DistributedTrainer.FitAsync(cluster.Client, located, Options, retry: DistributedTrainingTests.Patient);
        var local = LogisticRegressionTrainer.Train(ShardLoader.Load(files.All, ShardFiles.Root), Options);
        NumericAssert.Relative(local.Report.Optimization.Objective, fit.Report.Optimization.Objective, 1e-9, "objective");
        for (int j = 0; j < local.Model.FeatureCount; j++)
        {
            Assert.Equal(local.Model.Weights[j], fit.Model.Weights[j], 1e-6);
        }
    }

    [Fact]
    public async Task AReplicatedShardFailsOverWhenItsHolderDiesAndAnUnheldShardFailsAtOnce()
    {
        using var files = new ShardFiles(shards: 6, rowsPerShard: 600);
        await using var cluster = Cluster(3);
        await cluster.DeployAsync();
        var silos = cluster.Silos.OrderBy(s => s.SiloAddress).ToList();
        for (int k = 0; k < 6; k++)
        {
            Place(files, k, silos[k % 3]);
            Place(files, k, silos[(k + 1) % 3]); // every shard on two silos
        }
        var located = ShardCatalog.Locate(await ShardCatalog.DescribeWorkersAsync(cluster.Client, "part-*.csv"), "y");
        Assert.All(located, s => Assert.Equal(2, s.Holders.Count));
        Assert.Equal(3, located.Select(s => s.Holders[0]).Distinct().Count()); // spread: each silo preferred for some
        var undisturbed = await DistributedTrainer.FitAsync(cluster.Client, located, Options, jobId: "undisturbed", retry: DistributedTrainingTests.Patient);

        var primary = cluster.Silos.First().SiloAddress;
        var victim = silos.First(s => !s.SiloAddress.Equals(primary));
        var onlyOnVictim = new LocatedShard(located[0].Spec, [victim.SiloAddress.ToParsableString()]);
        bool killed = false;
        var progress = new Progress(record =>
        {
            if (!killed && record.Iteration >= 2)
            {
                killed = true;
                cluster.KillSiloAsync(victim).GetAwaiter().GetResult();
            }
        });
        var disturbed = await DistributedTrainer.FitAsync(cluster.Client, located, Options with { Progress = progress }, jobId: "disturbed", retry: DistributedTrainingTests.Patient);
        Assert.True(killed);
        Assert.Equal(undisturbed.Model.Weights, disturbed.Model.Weights);
        Assert.Equal(undisturbed.Model.Bias, disturbed.Model.Bias);

        // A shard whose only holder is dead: refused at once (not retried for the budget), naming its file.
        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<ShardDataException>(() => DistributedTrainer.FitAsync(cluster.Client, [onlyOnVictim], Options, retry: DistributedTrainingTests.Patient));
        Assert.StartsWith($"Shard {located[0].Spec}: none of the workers that hold its files", e.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), $"took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task AWorkerOfAnotherBuildIsRefusedWithBothBuildsNamed()
    {
        using var files = new ShardFiles(shards: 2, rowsPerShard: 100);
        var other = new WorkerBuild("0.0.1-other", WorkerBuild.CurrentWireFormat);
        int configured = 0; // the first silo runs this build, the second another
        await using var cluster = Cluster(2, _ => Interlocked.Increment(ref configured) == 1 ? null : other);
        await cluster.DeployAsync();
        var e = await Assert.ThrowsAsync<ClusterBuildException>(() => DistributedTrainer.FitAsync(cluster.Client, files.Specs, Options, retry: DistributedTrainingTests.Patient));
        Assert.Contains("runs logreg 0.0.1-other (wire format", e.Message);
        Assert.Contains($"this process runs {WorkerBuild.Current}", e.Message);
        var status = await ShardCatalog.ListWorkersAsync(cluster.Client, "*.csv");
        Assert.Equal(2, status.Count);
        Assert.Single(status, s => s.Info!.Build == other);
    }

    [Fact]
    public void CopiesOfOneNameMustBeIdenticalAndShardsSpreadOverTheirHolders()
    {
        var same = Enumerable.Range(0, 6).Select(k => new HeldFile($"part-{k}.csv", 100 + k)).ToList();
        var workers = new[] { "a", "b", "c" }.Select(s => new WorkerInfo(s, WorkerBuild.Current, same)).ToList();
        var located = ShardCatalog.Locate(workers, "y");
        Assert.Equal([2, 2, 2], located.GroupBy(s => s.Holders[0]).Select(g => g.Count()).ToArray());
        Assert.All(located, s => Assert.Equal(3, s.Holders.Count));
        var differing = workers.Append(new WorkerInfo("d", WorkerBuild.Current, [new HeldFile("part-2.csv", 7)])).ToList();
        var e = Assert.Throws<ShardDataException>(() => ShardCatalog.Locate(differing, "y"));
        Assert.Contains("Shard file 'part-2.csv' differs between workers", e.Message);
        Assert.Contains("d: 7 bytes", e.Message);
    }

    private void Place(ShardFiles files, int shard, InProcessSiloHandle silo) =>
        File.Copy(Path.Combine(ShardFiles.Root.Directory, files.Specs[shard].Files[0]), Path.Combine(_base, silo.Name, $"part-{shard}.csv"));

    private InProcessTestCluster Cluster(short silos, Func<string, WorkerBuild?>? build = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((options, silo) =>
        {
            if (build?.Invoke(options.SiloName) is { } b)
            {
                silo.Services.AddSingleton(b);
            }
            silo.AddShards(Directory.CreateDirectory(Path.Combine(_base, options.SiloName)).FullName).Services.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 1;
            });
        });
        builder.ConfigureClient(client => client.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        return builder.Build();
    }

    private sealed class Progress(Action<LogReg.Core.Optimization.IterationRecord> report) : IProgress<LogReg.Core.Optimization.IterationRecord>
    {
        public void Report(LogReg.Core.Optimization.IterationRecord value) => report(value);
    }
}
