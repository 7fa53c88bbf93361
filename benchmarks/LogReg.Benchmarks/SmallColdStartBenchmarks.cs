using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// The first fit in a fresh process on small data (breast cancer standardised, 455 × 30) — the most
/// common logistic regression, trained once by a user's program: a new process per launch, no warm-up,
/// one measured invocation, so the time is mostly the JIT compiling each trainer's code and the ML.NET
/// plumbing it uses (both trainers' processes start from the same cached view).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class SmallColdStartBenchmarks
{
    private MLContext _ml = null!;
    private IDataView _train = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        _train = BenchData.ToDataView(_ml, BenchData.Load(BenchData.BreastCancerStandardised).Train);
    }

    [Benchmark(Description = "first small fit: MLNet LBFGS 1 thread")]
    public ITransformer MLNetLbfgs1() => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(_train);

    [Benchmark(Description = "first small fit: LogReg (Auto)")]
    public ITransformer LogReg() => _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 1 }).Fit(_train);
}
