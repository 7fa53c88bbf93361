using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using LogReg.Distributed;
using Orleans.TestingHost;

namespace LogReg.Benchmarks;

/// <summary>
/// What the distributed objective costs over the local one on the same rows: one value-and-gradient
/// pass and one whole L-BFGS fit, locally (in-memory objective) and over 4 shard grains in an
/// in-process Orleans cluster of 1 or 2 silos (TestingHost's in-memory transport, so this is the
/// runtime's overhead, not a network's). Data: dense 200,000 × 50 (quick: 50,000 × 50) as 4 CSV shards.
/// </summary>
[Config(typeof(WarmJobConfig))]
public class DistributedBenchmarks
{
    private const int Shards = 4;
    private const int Features = 50;
    private string _folder = null!;
    private List<ShardSpec> _specs = null!;
    private TrainingSet _all = null!;
    private InProcessTestCluster _cluster = null!;
    private DistributedObjective _distributed = null!;
    private ILinearModelObjective _local = null!;
    private double[] _theta = null!;
    private double[] _gradient = null!;

    [Params(1, 2)]
    public int Silos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int rows = (BenchData.Mode == "full" ? 200_000 : 50_000) / Shards;
        _folder = Path.Combine(Path.GetTempPath(), "logreg-bench-shards-" + rows);
        _specs = Enumerable.Range(0, Shards).Select(k => new ShardSpec(new[] { $"part-{k}.csv" }, "y")).ToList();
        if (!Directory.Exists(_folder))
        {
            Directory.CreateDirectory(_folder);
            var rng = new Random(5);
            var w = Enumerable.Range(0, Features).Select(_ => rng.NextDouble() - 0.5).ToArray();
            for (int k = 0; k < Shards; k++)
            {
                using var file = new StreamWriter(Path.Combine(_folder, _specs[k].Files[0]));
                file.WriteLine("y," + string.Join(",", Enumerable.Range(0, Features).Select(j => $"x{j}")));
                for (int i = 0; i < rows; i++)
                {
                    var x = Enumerable.Range(0, Features).Select(_ => Math.Round(rng.NextDouble() * 4 - 2, 3)).ToArray();
                    double z = x.Zip(w, (a, b) => a * b).Sum();
                    file.WriteLine((rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? "1," : "0,") + string.Join(",", x.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                }
            }
        }
        _all = ShardLoader.Load(new ShardSpec(_specs.SelectMany(s => s.Files).ToArray(), "y"), new ShardRoot(_folder));
        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.ConfigureSilo((_, silo) => silo.AddShards(_folder));
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        var options = TrainerOptions.Default with { L2Regularization = 1 };
        _distributed = DistributedObjective.OpenAsync(_cluster.Client, "bench", _specs, options).GetAwaiter().GetResult();
        _local = ObjectiveFactory.Create(_all, options.Loss, 1, 0, options.ResolvedThreads);
        _theta = Enumerable.Range(0, Features + 1).Select(j => 0.01 * (j % 7 - 3)).ToArray();
        _gradient = new double[Features + 1];
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "pass: local objective")]
    public double LocalPass() => _local.SmoothValueAndGradient(_theta, _gradient);

    [Benchmark(Description = "pass: distributed objective (4 shards)")]
    public double DistributedPass() => _distributed.SmoothValueAndGradient(_theta, _gradient);

    [Benchmark(Description = "fit: local L-BFGS")]
    public double LocalFit() => LogisticRegressionTrainer.Train(_all, TrainerOptions.Default with { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs }).Report.Optimization.Objective;

    [Benchmark(Description = "fit: distributed L-BFGS (4 shards)")]
    public double DistributedFit() => DistributedTrainer.FitAsync(_cluster.Client, _specs, TrainerOptions.Default with { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs }, jobId: "bench")
        .GetAwaiter().GetResult().Report.Optimization.Objective;
}
