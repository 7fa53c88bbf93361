using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// The softmax model over shards: class labels as written ("10" after "2"), a shard that lacks a class, balanced
/// weights — equal to the local softmax fit of the concatenated rows; a cut checkpoint resumes to the same model.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ShardSoftmaxTests : IDisposable
{
    private readonly string _folder = Path.Combine(ShardFiles.Root.Directory, "softmax-" + Guid.NewGuid().ToString("N"));

    public ShardSoftmaxTests()
    {
        Directory.CreateDirectory(_folder);
        var rng = new Random(11);
        string[] classes = ["2", "10", "7"];
        for (int k = 0; k < 3; k++)
        {
            var lines = new List<string> { "label,x0,x1,x2" };
            for (int i = 0; i < 700; i++)
            {
                var x = Enumerable.Range(0, 3).Select(_ => Math.Round(rng.NextDouble() * 4 - 2, 3)).ToArray();
                int c = x[0] + 0.5 * x[1] > 0.8 ? 0 : x[2] - x[0] > 0.3 ? 1 : 2;
                if (rng.NextDouble() < 0.25)
                {
                    c = rng.Next(3);
                }
                if (k == 2 && c == 1)
                {
                    c = 2; // the last shard holds no "10"
                }
                lines.Add(classes[c] + "," + string.Join(",", x.Select(v => v.ToString(CultureInfo.InvariantCulture))));
            }
            File.WriteAllLines(Path.Combine(_folder, $"part-{k}.csv"), lines);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private List<LocatedShard> Shards => Enumerable.Range(0, 3)
        .Select(k => new LocatedShard(new ShardSpec([Path.Combine(Path.GetFileName(_folder), $"part-{k}.csv")], "label"), [])).ToList();

    [Theory]
    [InlineData(OptimizerKind.Lbfgs, ClassWeightingMode.None)]
    [InlineData(OptimizerKind.Newton, ClassWeightingMode.Balanced)]
    public async Task TheShardedSoftmaxEqualsTheLocalFit(OptimizerKind optimizer, ClassWeightingMode weighting)
    {
        var options = TrainerOptions.Default with
        {
            // L-BFGS on the softmax stops on its relative decrease near 1e-8 (below, steps stop improving in double precision).
            L2Regularization = 0.5, Optimizer = optimizer, OptimizationTolerance = optimizer == OptimizerKind.Lbfgs ? 1e-8 : 1e-10,
            ClassWeighting = weighting == ClassWeightingMode.Balanced ? ClassWeighting.Balanced : ClassWeighting.None,
        };
        await using var cluster = DistributedTrainingTests.Cluster(2);
        await cluster.DeployAsync();
        var remote = await DistributedTrainer.FitSoftmaxAsync(cluster.Client, Shards, options, retry: DistributedTrainingTests.Patient);
        Assert.Equal(["2", "7", "10"], remote.Model.ClassNames);
        var all = ShardLoader.LoadLabelled(new ShardSpec(Shards.SelectMany(s => s.Spec.Files).ToArray(), "label"), ShardFiles.Root).WithClasses(remote.Model.ClassNames);
        var local = Fitter.Fit(FitProblem.Softmax(all), options);
        Assert.True(remote.Report.Optimization.Converged, remote.Report.Optimization.Message);
        Assert.Equal(2100, remote.RowCount);
        NumericAssert.Relative(local.Report.Optimization.Objective, remote.Report.Optimization.Objective, 1e-9, "objective");
        for (int j = 0; j < local.Model.Weights.Count; j++)
        {
            Assert.Equal(local.Model.Weights[j], remote.Model.Weights[j], 1e-6);
        }
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(local.Model.Biases[k], remote.Model.Biases[k], 1e-6);
        }
    }

    [Fact]
    public async Task ACutSoftmaxCheckpointResumesToTheSameModel()
    {
        var options = TrainerOptions.Default with { L2Regularization = 0.5, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-8 };
        await using var cluster = DistributedTrainingTests.Cluster(1);
        await cluster.DeployAsync();
        string path = Path.Combine(_folder, "softmax.journal");
        DistributedSoftmaxResult whole;
        using (var journal = FitJournal.Create(path))
        {
            whole = await DistributedTrainer.FitSoftmaxAsync(cluster.Client, Shards, options, retry: DistributedTrainingTests.Patient, journal: journal);
        }
        IReadOnlyList<long> ends;
        using (var complete = FitJournal.Resume(path))
        {
            ends = complete.RecordEnds;
        }
        File.WriteAllBytes(path, File.ReadAllBytes(path).AsSpan(0, (int)ends[ends.Count / 2] + 11).ToArray());
        using var resumed = FitJournal.Resume(path);
        var fit = await DistributedTrainer.FitSoftmaxAsync(cluster.Client, Shards, options, retry: DistributedTrainingTests.Patient, journal: resumed);
        Assert.Equal(ends.Count / 2 + 1, resumed.Replayed);
        Assert.Equal(whole.Model.Weights, fit.Model.Weights);
        Assert.Equal(whole.Model.Biases, fit.Model.Biases);
    }
}
