using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// Time to fit a softmax model, every trainer configured for F = Σ cross-entropy + ½‖W‖² (L2 = 1,
/// L1 = 0, tolerance 1e-7): ML.NET's LbfgsMaximumEntropy at 1 and 2 threads and this library's
/// multiclass trainer (Auto = L-BFGS) at its default (all cores) and 1 thread. Data cached and read
/// once in GlobalSetup; the timed body is Fit only. What each fit reached (training objective in
/// double, test log-loss) is recorded in GlobalCleanup (no AUC for multiclass: NaN).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class MulticlassBenchmarks
{
    private MLContext _ml = null!;

    // Repeated fits of one process reuse the copy's memory, as a user who fits again (cross-validation) would ask for.
    private readonly TrainingBufferPool _pool = new();
    private MulticlassBenchData _data = null!;
    private IDataView _train = null!;
    private MulticlassPredictionTransformer<MaximumEntropyModelParameters>? _last;
    private string _method = "";

    public static IEnumerable<string> Sets => MulticlassBenchData.Selected.Where(s => s != MulticlassBenchData.Text);

    [ParamsSource(nameof(Sets))]
    public string Dataset { get; set; } = MulticlassBenchData.Dense;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        _data = MulticlassBenchData.Load(Dataset);
        _train = MulticlassBenchData.ToDataView(_ml, _data.Train);
    }

    [Benchmark(Baseline = true, Description = "MLNet MaxEnt 1 thread")]
    public ITransformer MLNetMaxEnt1() => Keep(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
        new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(_train), nameof(MLNetMaxEnt1));

    [Benchmark(Description = "MLNet MaxEnt 2 threads")]
    public ITransformer MLNetMaxEnt2() => Keep(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
        new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 2 }).Fit(_train), nameof(MLNetMaxEnt2));

    [Benchmark(Description = "LogReg softmax")]
    public ITransformer LogReg() => Keep(_ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { L2Regularization = 1, BufferPool = _pool }).Fit(_train), nameof(LogReg));

    [Benchmark(Description = "LogReg softmax 1 thread")]
    public ITransformer LogReg1() => Keep(_ml.MulticlassClassification.Trainers.LogReg(
        new LogRegMulticlassOptions { L2Regularization = 1, NumberOfThreads = 1, BufferPool = _pool }).Fit(_train), nameof(LogReg1));

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_last is null)
        {
            return;
        }
        VBuffer<float>[] weights = [];
        _last.Model.GetWeights(ref weights, out int classes);
        var theta = weights.Take(classes).SelectMany(w => w.DenseValues().Select(v => (double)v))
            .Concat(_last.Model.GetBiases().Select(b => (double)b)).ToArray();
        double objective = new SoftmaxObjective(_data.Train, l2: 1).Value(theta);
        double logLoss = TestLogLoss(_data.Test, theta);
        Directory.CreateDirectory(Quality.Folder);
        var record = new QualityRecord(nameof(MulticlassBenchmarks), _method, _data.Name, objective, double.NaN, logLoss);
        File.WriteAllText(Path.Combine(Quality.Folder, $"{nameof(MulticlassBenchmarks)}-{_method}-{_data.Name}.json"),
            JsonSerializer.Serialize(record, Quality.Json));
    }

    private ITransformer Keep(MulticlassPredictionTransformer<MaximumEntropyModelParameters> model, string method)
    {
        _last = model;
        _method = method;
        return model;
    }

    private static double TestLogLoss(MulticlassTrainingSet test, double[] theta)
    {
        // Σ −ln p_y / n = F(θ) with no penalty, divided by n.
        return new SoftmaxObjective(test, l2: 0).Value(theta) / test.RowCount;
    }
}
