using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// Training over shard grains in an in-process Orleans cluster (TestingHost): the model does not
/// depend on the number of silos, equals the local fit of the same rows, survives a silo dying
/// mid-fit, and an unreadable shard fails the fit with its file named.
/// </summary>
[Trait("Category", "Slow")]
public class DistributedTrainingTests
{
    internal static RetryPolicy Patient => new(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

    internal static InProcessTestCluster Cluster(short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddShards(ShardFiles.Root.Directory).Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 1;
        }));
        builder.ConfigureClient(client => client.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        return builder.Build();
    }

    private static TrainerOptions Options(OptimizerKind optimizer = OptimizerKind.Lbfgs) =>
        TrainerOptions.Default with { L2Regularization = 1, Optimizer = optimizer, OptimizationTolerance = 1e-9 };

    [Fact]
    public async Task OneTwoAndThreeSilosGiveBitIdenticalModelsEqualToTheLocalFit()
    {
        using var files = new ShardFiles(shards: 4, rowsPerShard: 1500);
        var local = LogisticRegressionTrainer.Train(ShardLoader.Load(files.All, ShardFiles.Root), Options());
        await using var cluster = Cluster(1);
        await cluster.DeployAsync();
        var fits = new List<DistributedTrainingResult>();
        for (int silos = 1; silos <= 3; silos++)
        {
            if (silos > 1)
            {
                await cluster.StartAdditionalSiloAsync();
                await cluster.WaitForLivenessToStabilizeAsync();
            }
            Assert.Equal(silos, cluster.GetActiveSilos().Count());
            fits.Add(await DistributedTrainer.FitAsync(cluster.Client, files.Specs, Options(), jobId: $"silos-{silos}", retry: Patient));
        }
        foreach (var fit in fits)
        {
            Assert.True(fit.Report.Optimization.Converged, fit.Report.Optimization.Message);
            Assert.Equal(fits[0].Model.Weights, fit.Model.Weights); // bit-identical
            Assert.Equal(fits[0].Model.Bias, fit.Model.Bias);
        }
        NumericAssert.Relative(local.Report.Optimization.Objective, fits[0].Report.Optimization.Objective, 1e-9, "objective");
        for (int j = 0; j < local.Model.FeatureCount; j++)
        {
            Assert.Equal(local.Model.Weights[j], fits[0].Model.Weights[j], 1e-6);
        }
    }

    [Fact]
    public async Task NewtonCgAndL1WorkDistributed()
    {
        using var files = new ShardFiles(shards: 3, rowsPerShard: 1200);
        var all = ShardLoader.Load(files.All, ShardFiles.Root);
        await using var cluster = Cluster(2);
        await cluster.DeployAsync();
        // Newton-CG: the dense limit below the dimension makes Newton use Hessian-vector products.
        var newton = Options(OptimizerKind.Newton) with { DenseNewtonLimit = 2 };
        var localNewton = LogisticRegressionTrainer.Train(all, newton);
        var remoteNewton = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, newton, retry: Patient);
        Assert.True(remoteNewton.Report.Optimization.Converged, remoteNewton.Report.Optimization.Message);
        NumericAssert.Relative(localNewton.Report.Optimization.Objective, remoteNewton.Report.Optimization.Objective, 1e-9, "Newton-CG objective");
        // OWL-QN under L1: the same optimum (OWL-QN reaches about 1e-7) and the same zero pattern.
        var lasso = TrainerOptions.Default with { L2Regularization = 0, L1Regularization = 400, OptimizationTolerance = 1e-8 };
        var localLasso = LogisticRegressionTrainer.Train(all, lasso);
        var remoteLasso = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, lasso, retry: Patient);
        NumericAssert.Relative(localLasso.Report.Optimization.Objective, remoteLasso.Report.Optimization.Objective, 1e-6, "L1 objective");
        Assert.Equal(localLasso.Model.Weights.Select(w => w == 0), remoteLasso.Model.Weights.Select(w => w == 0));
        Assert.Contains(remoteLasso.Model.Weights, w => w == 0);
    }

    [Fact]
    public async Task ASiloDyingMidFitStillGivesTheSameModel()
    {
        using var files = new ShardFiles(shards: 6, rowsPerShard: 800);
        await using var cluster = Cluster(3);
        await cluster.DeployAsync();
        var undisturbed = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, Options(), jobId: "undisturbed", retry: Patient);
        var primary = cluster.GetActiveSilos().First();
        SiloAddress? Host(int shard) => HostOf(cluster, $"disturbed/{shard}");
        SiloAddress? killed = null;
        var moved = new List<int>();
        var progress = new SynchronousProgress(record =>
        {
            if (killed is null && record.Iteration >= 2)
            {
                // The victim: a non-primary silo holding at least one of this fit's shards.
                killed = Enumerable.Range(0, files.Specs.Count).Select(Host).FirstOrDefault(a => a is not null && !a.Equals(primary.SiloAddress));
                moved.AddRange(Enumerable.Range(0, files.Specs.Count).Where(k => Host(k) is { } a && a.Equals(killed)));
                cluster.KillSiloAsync(cluster.GetSiloForAddress(killed!)!).GetAwaiter().GetResult();
            }
        });
        var disturbed = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, Options() with { Progress = progress }, jobId: "disturbed", retry: Patient);
        Assert.NotNull(killed);
        Assert.NotEmpty(moved);
        foreach (int k in moved)
        {
            Assert.True(Host(k) is { } now && !now.Equals(killed), $"shard {k} was not re-activated on a live silo"); // it read its file again there
        }
        Assert.Equal(2, cluster.GetActiveSilos().Count());
        Assert.Equal(undisturbed.Model.Weights, disturbed.Model.Weights);
        Assert.Equal(undisturbed.Model.Bias, disturbed.Model.Bias);
    }

    [Fact]
    public async Task AnUnreadableShardFailsTheFitNamingItsFile()
    {
        using var files = new ShardFiles(shards: 2, rowsPerShard: 300);
        string missing = Path.Combine(Path.GetFileName(files.Folder), "part-9.csv");
        var specs = files.Specs.Append(new ShardSpec(new[] { missing }, "y")).ToList();
        await using var cluster = Cluster(1);
        await cluster.DeployAsync();
        var error = await Assert.ThrowsAsync<ShardDataException>(() => DistributedTrainer.FitAsync(cluster.Client, specs, Options(), retry: Patient));
        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../etc/passwd")]
    [InlineData("escape")]
    public async Task AShardOutsideTheWorkersRootIsRefusedWithoutItsContent(string name)
    {
        using var files = new ShardFiles(shards: 1, rowsPerShard: 50);
        string outside = Path.Combine(Path.GetTempPath(), "logreg-outside-" + Guid.NewGuid().ToString("N")); // a sibling of the root
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.csv"), "y,password,pin\n1,hunter2,1234\n");
        try
        {
            if (name == "escape")
            {
                // A link below the root that leads outside it.
                File.CreateSymbolicLink(Path.Combine(files.Folder, "link.csv"), Path.Combine(outside, "secret.csv"));
                name = Path.Combine(Path.GetFileName(files.Folder), "link.csv");
            }
            await using var cluster = Cluster(1);
            await cluster.DeployAsync();
            var specs = new[] { new ShardSpec([name], "y") };
            var error = await Assert.ThrowsAsync<ShardDataException>(() => DistributedTrainer.FitAsync(cluster.Client, specs, Options(), retry: Patient));
            Assert.Contains($"Shard file '{name}'", error.Message);
            Assert.True(error.Message.Contains("data root", StringComparison.Ordinal), error.Message);
            Assert.DoesNotContain("root:x:0", error.Message);
            Assert.DoesNotContain("hunter2", error.Message);
            Assert.DoesNotContain("password", error.Message);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private static SiloAddress? HostOf(InProcessTestCluster cluster, string key) =>
        cluster.TryGetGrainContext(cluster.Client.GetGrain<IShardGrain>(key).GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    private sealed class SynchronousProgress(Action<LogReg.Core.Optimization.IterationRecord> report) : IProgress<LogReg.Core.Optimization.IterationRecord>
    {
        public void Report(LogReg.Core.Optimization.IterationRecord value) => report(value);
    }
}
