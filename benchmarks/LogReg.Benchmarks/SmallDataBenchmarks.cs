using BenchmarkDotNet.Attributes;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Benchmarks;

/// <summary>
/// Small data against LIBLINEAR in one run (the same machine state for both, which separate runs on this
/// shared VM did not give): LIBLINEAR's <c>train()</c> at its default stop (eps 0.01) and at 1e-4, against this
/// library's whole ML.NET <c>Fit</c> (reading the view and building ML.NET's scorer included) with each
/// optimizer. LIBLINEAR starts from its own copy of the rows; ours from the cached view.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class SmallDataBenchmarks : IDisposable
{
    private MLContext _ml = null!;
    private IDataView _train = null!;
    private LiblinearProblem? _liblinear;

    [Params(BenchData.BreastCancerStandardised, BenchData.BreastCancer, BenchData.Small)]
    public string Dataset { get; set; } = BenchData.BreastCancerStandardised;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        var data = BenchData.Load(Dataset);
        _train = BenchData.ToDataView(_ml, data.Train);
        _liblinear = new LiblinearProblem(data.Train);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _liblinear?.Dispose();
        _liblinear = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "LIBLINEAR -s 0, eps 0.01 (default)")]
    public double Liblinear() => _liblinear!.Train(0.01);

    [Benchmark(Description = "LIBLINEAR -s 0, eps 1e-4")]
    public double LiblinearTight() => _liblinear!.Train(1e-4);

    [Benchmark(Description = "LogReg Auto")]
    public ITransformer LogRegAuto() => Fit(OptimizerKind.Auto);

    [Benchmark(Description = "LogReg Newton")]
    public ITransformer LogRegNewton() => Fit(OptimizerKind.Newton);

    [Benchmark(Description = "LogReg L-BFGS")]
    public ITransformer LogRegLbfgs() => Fit(OptimizerKind.Lbfgs);

    private ITransformer Fit(OptimizerKind optimizer) =>
        _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Optimizer = optimizer, L2Regularization = 1 }).Fit(_train);
}
