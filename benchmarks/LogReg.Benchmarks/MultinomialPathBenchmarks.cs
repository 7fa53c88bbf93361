using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// The multinomial lasso path with glmnet's defaults on the text check's training rows (<see cref="MulticlassBenchData.Sparse"/>:
/// Zipf word indicators, 10 classes; 10,000 × 5,000 in quick mode). glmnet's side, on the same rows written by
/// <c>--export-text DIR</c>: <c>benchmarks/peers/glmnet_multinomial_timing.R DIR</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class MultinomialPathBenchmarks
{
    private MulticlassTrainingSet _data = null!;

    [GlobalSetup]
    public void Setup() => _data = MulticlassBenchData.Load(MulticlassBenchData.Sparse).Train;

    [Benchmark(Description = "Multinomial lasso path, text rows")]
    public MultinomialRegularizationPath Lasso() => MultinomialElasticNetPath.Fit(_data);
}
