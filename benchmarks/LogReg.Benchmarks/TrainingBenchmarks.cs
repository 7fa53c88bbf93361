using BenchmarkDotNet.Attributes;
using LogReg.Core.Losses;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// Time to fit, every trainer configured for F = Σ BCE + ½‖w‖² (L2 = 1, L1 = 0):
/// this library with each optimizer (GD and SGD capped, so they show speed at lower accuracy; MSE
/// with its default optimizer), ML.NET LbfgsLogisticRegression at 1 and 2 threads (L2 = 1, L1 = 0,
/// its default tolerance 1e-7), and SdcaLogisticRegression (its L2 is per example: 1/n gives the
/// same objective). The data are cached in memory in GlobalSetup; the timed body is Fit only. What
/// each fit reached (objective, test AUC, test log-loss) is recorded in GlobalCleanup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class TrainingBenchmarks
{
    private MLContext _ml = null!;

    // Repeated fits of one process reuse the copy's memory, as a user who fits again (cross-validation) would ask for.
    private readonly TrainingBufferPool _pool = new();
    private BenchData _data = null!;
    private Microsoft.ML.IDataView _train = null!;
    private ITransformer? _last;

    [Params(BenchData.Dense, BenchData.Sparse, BenchData.BreastCancer, BenchData.BreastCancerStandardised, BenchData.Small)]
    public string Dataset { get; set; } = BenchData.Dense;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        _data = BenchData.Load(Dataset);
        _train = BenchData.ToDataView(_ml, _data.Train);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_last is not null)
        {
            Quality.Record(nameof(TrainingBenchmarks), CurrentMethod, _data, _last);
        }
    }

    private string CurrentMethod { get; set; } = "";

    private ITransformer Keep(ITransformer model, string method)
    {
        _last = model;
        CurrentMethod = method;
        return model;
    }

    [Benchmark(Baseline = true, Description = "MLNet LBFGS 1 thread")]
    public ITransformer MLNetLbfgs1() => Keep(_ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(_train), nameof(MLNetLbfgs1));

    [Benchmark(Description = "MLNet LBFGS 2 threads")]
    public ITransformer MLNetLbfgs2() => Keep(_ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 2 }).Fit(_train), nameof(MLNetLbfgs2));

    [Benchmark(Description = "MLNet SDCA")]
    public ITransformer MLNetSdca() => Keep(_ml.BinaryClassification.Trainers.SdcaLogisticRegression(
        new SdcaLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1f / _data.Train.RowCount, NumberOfThreads = 2 }).Fit(_train), nameof(MLNetSdca));

    [Benchmark(Description = "LogReg Auto")]
    public ITransformer LogRegAuto() => Keep(Fit(OptimizerKind.Auto), nameof(LogRegAuto));

    [Benchmark(Description = "LogReg L-BFGS")]
    public ITransformer LogRegLbfgs() => Keep(Fit(OptimizerKind.Lbfgs), nameof(LogRegLbfgs));

    [Benchmark(Description = "LogReg L-BFGS 1 thread")]
    public ITransformer LogRegLbfgs1() => Keep(Fit(OptimizerKind.Lbfgs, threads: 1), nameof(LogRegLbfgs1));

    [Benchmark(Description = "LogReg Newton")]
    public ITransformer LogRegNewton() => Keep(Fit(OptimizerKind.Newton), nameof(LogRegNewton));

    [Benchmark(Description = "LogReg GD (100 it)")]
    public ITransformer LogRegGd() => Keep(Fit(OptimizerKind.GradientDescent, iterations: 100), nameof(LogRegGd));

    [Benchmark(Description = "LogReg SGD (5 epochs)")]
    public ITransformer LogRegSgd() => Keep(Fit(OptimizerKind.MiniBatchSgd, iterations: 5), nameof(LogRegSgd));

    [Benchmark(Description = "LogReg MSE (default)")]
    public ITransformer LogRegMse() => Keep(Fit(OptimizerKind.Auto, loss: LossKind.MeanSquaredError), nameof(LogRegMse));

    private ITransformer Fit(OptimizerKind optimizer, int? iterations = null, int? threads = null, LossKind loss = LossKind.BinaryCrossEntropy) =>
        _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions
        {
            Loss = loss,
            Optimizer = optimizer,
            L2Regularization = 1,
            MaximumNumberOfIterations = iterations,
            NumberOfThreads = threads,
            BufferPool = _pool,
        }).Fit(_train);
}
