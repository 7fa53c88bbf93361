using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// The first fit in a fresh process — what a user who trains once meets: every launch is a new
/// process (data built and cached in GlobalSetup, no warm-up, no jitting stage), and the one measured
/// invocation is that process's first Fit of the trainer, JIT included. Two more cases put the
/// first fit in context: ours after ML.NET's own LBFGS trainer has run in the process (as in
/// <c>compare</c>), and our second fit (the first one done in GlobalSetup). Dense set, L2 = 1, L1 = 0.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ColdStartBenchmarks
{
    private MLContext _ml = null!;
    private IDataView _train = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        _train = BenchData.ToDataView(_ml, BenchData.Load(BenchData.Dense).Train);
    }

    [GlobalSetup(Target = nameof(LogRegAfterMLNet))]
    public void SetupAfterMLNet()
    {
        Setup();
        MLNetLbfgs2();
    }

    [GlobalSetup(Target = nameof(LogRegSecondFit))]
    public void SetupSecondFit()
    {
        Setup();
        LogReg();
    }

    [Benchmark(Description = "first fit: MLNet LBFGS 1 thread")]
    public ITransformer MLNetLbfgs1() => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(_train);

    [Benchmark(Description = "first fit: MLNet LBFGS 2 threads")]
    public ITransformer MLNetLbfgs2() => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 2 }).Fit(_train);

    [Benchmark(Description = "first fit: LogReg (Auto)")]
    public ITransformer LogReg() => _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 1 }).Fit(_train);

    [Benchmark(Description = "first fit: LogReg (Auto), with the rehearsal")]
    public ITransformer LogRegWithRehearsal() =>
        _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 1, RehearseColdStart = true }).Fit(_train);

    [Benchmark(Description = "first LogReg fit after an MLNet LBFGS fit")]
    public ITransformer LogRegAfterMLNet() => LogReg();

    [Benchmark(Description = "second fit: LogReg (Auto)")]
    public ITransformer LogRegSecondFit() => LogReg();
}
