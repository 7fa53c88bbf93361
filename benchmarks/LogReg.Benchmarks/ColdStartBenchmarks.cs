using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// The first fit in a fresh process — what a user who trains once meets: every launch is a new
/// process (data built and cached in GlobalSetup), and the one measured invocation is that
/// process's first Fit of the trainer, JIT included. Dense set, L2 = 1, L1 = 0 for every trainer.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ColdStartBenchmarks
{
    private MLContext _ml = null!;
    private Microsoft.ML.IDataView _train = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        _train = BenchData.ToDataView(_ml, BenchData.Load(BenchData.Dense).Train);
    }

    [Benchmark(Description = "first fit: MLNet LBFGS 1 thread")]
    public ITransformer MLNetLbfgs1() => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(_train);

    [Benchmark(Description = "first fit: MLNet LBFGS 2 threads")]
    public ITransformer MLNetLbfgs2() => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 2 }).Fit(_train);

    [Benchmark(Description = "first fit: LogReg (Auto)")]
    public ITransformer LogReg() => _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 1 }).Fit(_train);
}
