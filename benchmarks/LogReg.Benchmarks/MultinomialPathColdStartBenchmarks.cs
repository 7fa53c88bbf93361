using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// The multinomial path with glmnet's defaults as the first fit in a fresh process, on mlbench's Soybean with every
/// factor as a full set of dummies (<see cref="MultinomialCollinearPathBenchmarks"/>' set): every launch is a new
/// process, no warm-up, one measured invocation. glmnet's first call in a fresh R:
/// <c>benchmarks/peers/glmnet_multinomial_sets_timing.R first</c>, once per process.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class MultinomialPathColdStartBenchmarks
{
    private MulticlassTrainingSet _soybean = null!;

    [GlobalSetup]
    public void Setup() => _soybean = MulticlassCsvData.Load("soybean", "make_multiclass_sets.R");

    [Benchmark(Description = "first fit: multinomial lasso path, Soybean")]
    public MultinomialRegularizationPath SoybeanLasso() => MultinomialElasticNetPath.Fit(_soybean);

    [Benchmark(Description = "first fit: multinomial elastic-net path (α = 0.5), Soybean")]
    public MultinomialRegularizationPath SoybeanElasticNet() => MultinomialElasticNetPath.Fit(_soybean, new ElasticNetPathOptions { L1Ratio = 0.5 });
}
