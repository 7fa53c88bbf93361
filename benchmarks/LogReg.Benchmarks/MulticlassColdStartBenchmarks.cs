using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// The first softmax fit in a fresh process, on the dense multiclass set (80,000 × 50 × 5 in full
/// mode): every launch is a new process, no warm-up, one measured invocation.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class MulticlassColdStartBenchmarks
{
    private MLContext _ml = null!;
    private IDataView _train = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        _train = MulticlassBenchData.ToDataView(_ml, MulticlassBenchData.Load(MulticlassBenchData.Dense).Train);
    }

    [Benchmark(Description = "first fit: MLNet MaxEnt 2 threads")]
    public ITransformer MLNetMaxEnt2() => _ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
        new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 2 }).Fit(_train);

    [Benchmark(Description = "first fit: LogReg softmax (Auto)")]
    public ITransformer LogReg() => _ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { L2Regularization = 1 }).Fit(_train);
}
