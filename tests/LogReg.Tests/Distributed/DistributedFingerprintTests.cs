using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// Fits over shard grains in an in-process cluster (L-BFGS, Newton-CG, OWL-QN) compared with the models they gave
/// when recorded (<see cref="FitFingerprints"/>).
/// </summary>
[Trait("Category", "Slow")]
public class DistributedFingerprintTests
{
    [Fact]
    public async Task ClusterFitsGiveTheRecordedModels()
    {
        using var files = new ShardFiles(shards: 3, rowsPerShard: 700);
        await using var cluster = DistributedTrainingTests.Cluster(2);
        await cluster.DeployAsync();
        var settings = new (string Name, TrainerOptions Options)[]
        {
            ("cluster Lbfgs", TrainerOptions.Default with { Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-9 }),
            ("cluster Newton-CG", TrainerOptions.Default with { Optimizer = OptimizerKind.Newton, DenseNewtonLimit = 2, OptimizationTolerance = 1e-9 }),
            ("cluster L1", TrainerOptions.Default with { L1Regularization = 50, OptimizationTolerance = 1e-7 }),
        };
        var fits = new List<(string Name, DistributedTrainingResult Fit)>();
        foreach (var (name, options) in settings)
        {
            fits.Add((name, await DistributedTrainer.FitAsync(cluster.Client, files.Specs, options, jobId: name.Replace(' ', '-'), retry: DistributedTrainingTests.Patient)));
        }
        foreach (var (name, fit) in fits)
        {
            FitFingerprints.Record(name, fit.Model.Weights.Append(fit.Model.Bias).ToArray(), fit.Report.Optimization.Iterations, fit.Report.Optimization.Objective);
        }
        foreach (var (name, fit) in fits)
        {
            FitFingerprints.Compare(name, fit.Model.Weights.Append(fit.Model.Bias).ToArray(), fit.Report.Optimization.Iterations, fit.Report.Optimization.Objective);
        }
    }
}
