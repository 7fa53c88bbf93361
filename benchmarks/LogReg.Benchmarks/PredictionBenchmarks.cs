using BenchmarkDotNet.Attributes;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Benchmarks;

/// <summary>
/// Scoring on the dense test set: one-row PredictionEngine latency and batch Transform + cursor
/// throughput, this library's transformer against the built-in LbfgsLogisticRegression one.
/// Both models are fitted in GlobalSetup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class PredictionBenchmarks
{
    private IDataView _test = null!;
    private ITransformer _ours = null!;
    private ITransformer _builtIn = null!;
    private PredictionEngine<BenchData.Row, Prediction> _oursEngine = null!;
    private PredictionEngine<BenchData.Row, Prediction> _builtInEngine = null!;
    private BenchData.Row[] _rows = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var ml = new MLContext(seed: 1);
        var data = BenchData.Load(BenchData.Dense);
        var train = BenchData.ToDataView(ml, data.Train);
        _test = BenchData.ToDataView(ml, data.Test);
        _ours = ml.BinaryClassification.Trainers.LogReg().Fit(train);
        _builtIn = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1 }).Fit(train);
        var schema = SchemaDefinition.Create(typeof(BenchData.Row));
        schema[nameof(BenchData.Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Test.FeatureCount);
        _oursEngine = ml.Model.CreatePredictionEngine<BenchData.Row, Prediction>(_ours, inputSchemaDefinition: schema);
        _builtInEngine = ml.Model.CreatePredictionEngine<BenchData.Row, Prediction>(_builtIn, inputSchemaDefinition: schema);
        _rows = ml.Data.CreateEnumerable<BenchData.Row>(_test, reuseRowObject: false, schemaDefinition: schema).Take(1024).ToArray();
    }

    [Benchmark(Baseline = true, Description = "built-in PredictionEngine (1 row)")]
    public float BuiltInSingle() => _builtInEngine.Predict(_rows[_next++ & 1023]).Probability;

    [Benchmark(Description = "LogReg PredictionEngine (1 row)")]
    public float OursSingle() => _oursEngine.Predict(_rows[_next++ & 1023]).Probability;

    [Benchmark(Description = "built-in Transform + cursor (test set)")]
    public double BuiltInBatch() => Drain(_builtIn.Transform(_test));

    [Benchmark(Description = "LogReg Transform + cursor (test set)")]
    public double OursBatch() => Drain(_ours.Transform(_test));

    private static double Drain(IDataView scored)
    {
        var column = scored.Schema["Probability"];
        using var cursor = scored.GetRowCursor(new[] { column });
        var get = cursor.GetGetter<float>(column);
        float p = 0;
        double sum = 0;
        while (cursor.MoveNext())
        {
            get(ref p);
            sum += p;
        }
        return sum;
    }

    public sealed class Prediction
    {
        public float Score { get; set; }

        public float Probability { get; set; }
    }
}
