using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Benchmarks;

/// <summary>
/// Time to fit the text-like multiclass set (<see cref="MulticlassBenchData.Text"/>: 20,000 training documents × 20,000
/// words × 20 classes in full mode, unit-length word counts), every trainer at its defaults as an ML.NET user would call
/// it: SdcaMaximumEntropy, LbfgsMaximumEntropy (L1 = L2 = 1), OneVersusAll(LogReg) and this library's softmax trainer
/// (L2 = 1 on the summed loss, Auto). The objectives differ, so what each reached is its held-out micro accuracy and
/// log-loss (ML.NET's evaluator), recorded in GlobalCleanup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class MulticlassTextBenchmarks
{
    private readonly TrainingBufferPool _pool = new();
    private MLContext _ml = null!;
    private IDataView _train = null!;
    private IDataView _test = null!;
    private ITransformer? _last;
    private string _method = "";

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        var data = MulticlassBenchData.Load(MulticlassBenchData.Text);
        _train = MulticlassBenchData.ToDataView(_ml, data.Train);
        _test = MulticlassBenchData.ToDataView(_ml, data.Test);
    }

    [Benchmark(Baseline = true, Description = "MLNet SdcaMaximumEntropy (defaults)")]
    public ITransformer Sdca() => Keep(_ml.MulticlassClassification.Trainers.SdcaMaximumEntropy().Fit(_train), nameof(Sdca));

    [Benchmark(Description = "MLNet LbfgsMaximumEntropy (defaults)")]
    public ITransformer MaxEnt() => Keep(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy().Fit(_train), nameof(MaxEnt));

    [Benchmark(Description = "OneVersusAll(LogReg) (defaults)")]
    public ITransformer OneVersusAll() => Keep(_ml.MulticlassClassification.Trainers.OneVersusAll(
        _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { BufferPool = _pool })).Fit(_train), nameof(OneVersusAll));

    [Benchmark(Description = "LogReg softmax (defaults)")]
    public ITransformer LogReg() => Keep(_ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { BufferPool = _pool }).Fit(_train), nameof(LogReg));

    // Auto's two candidates on sparse rows, named: Auto should be the faster of them (issue 27).
    [Benchmark(Description = "LogReg softmax (Optimizer = Lbfgs)")]
    public ITransformer LogRegLbfgs() => Keep(_ml.MulticlassClassification.Trainers.LogReg(
        new LogRegMulticlassOptions { BufferPool = _pool, Optimizer = OptimizerKind.Lbfgs }).Fit(_train), nameof(LogRegLbfgs));

    [Benchmark(Description = "LogReg softmax (Optimizer = Newton)")]
    public ITransformer LogRegNewton() => Keep(_ml.MulticlassClassification.Trainers.LogReg(
        new LogRegMulticlassOptions { BufferPool = _pool, Optimizer = OptimizerKind.Newton }).Fit(_train), nameof(LogRegNewton));

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_last is null)
        {
            return;
        }
        var metrics = _ml.MulticlassClassification.Evaluate(_last.Transform(_test));
        Directory.CreateDirectory(Quality.Folder);
        // No Dataset parameter in this class: the summary's columns look its records up under the empty name.
        var record = new QualityRecord(nameof(MulticlassTextBenchmarks), _method, "", double.NaN, double.NaN, metrics.LogLoss, metrics.MicroAccuracy);
        File.WriteAllText(Path.Combine(Quality.Folder, $"{nameof(MulticlassTextBenchmarks)}-{_method}-{MulticlassBenchData.Text}.json"),
            JsonSerializer.Serialize(record, Quality.Json));
    }

    private ITransformer Keep(ITransformer model, string method)
    {
        _last = model;
        _method = method;
        return model;
    }
}
