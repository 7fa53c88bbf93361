using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace LogReg.Benchmarks;

/// <summary>
/// The job of the steady-state (warm) benchmark classes: 1 launch, then 1 warm-up and 3 measured
/// iterations (quick) or 2 and 5 (full; `--iterations N` sets the measured count). It is attached per class, not as the run's default job,
/// because BenchmarkDotNet applies a default job's counts to every class — including the cold-start
/// classes, whose own job must keep its fresh process per launch and no warm-up.
/// </summary>
public sealed class WarmJobConfig : ManualConfig
{
    public WarmJobConfig()
    {
        bool full = BenchData.Mode == "full";
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(full ? 2 : 1)
            .WithIterationCount(int.TryParse(Environment.GetEnvironmentVariable("LOGREG_BENCH_ITERATIONS"), out int iterations) ? iterations : full ? 5 : 3)
            .WithEnvironmentVariable("LOGREG_BENCH_MODE", BenchData.Mode));
    }
}
