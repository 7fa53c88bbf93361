using BenchmarkDotNet.Attributes;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// Fitting time on a dense synthetic problem (rows drawn from a known logistic model), this
/// library against ML.NET's LbfgsLogisticRegression, all with L2 = 1, L1 = 0. The data are built
/// and cached in memory in GlobalSetup; the timed body is Fit only.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private MLContext _ml = null!;
    private IDataView _data = null!;

    [Params(20_000)]
    public int Rows { get; set; }

    [Params(50)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        var rng = new Random(12345);
        var w = Enumerable.Range(0, Features).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var rows = new List<Row>(Rows);
        for (int i = 0; i < Rows; i++)
        {
            var x = new float[Features];
            double z = 0.25;
            for (int j = 0; j < Features; j++)
            {
                x[j] = (float)Gaussian(rng);
                z += w[j] * x[j];
            }
            rows.Add(new Row { Features = x, Label = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) });
        }
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Features);
        _data = _ml.Data.Cache(_ml.Data.LoadFromEnumerable(rows, schema));
        _ = _data.GetColumn<bool>("Label").Count(); // fill the cache before timing
    }

    [Benchmark(Baseline = true)]
    public object MLNetLbfgs() => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
        new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(_data);

    [Benchmark]
    public object LogRegLbfgs() => _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Optimizer = OptimizerKind.Lbfgs }).Fit(_data);

    [Benchmark]
    public object LogRegNewton() => _ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Optimizer = OptimizerKind.Newton }).Fit(_data);

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = Array.Empty<float>();
    }
}
