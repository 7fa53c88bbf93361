using System.Globalization;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// The multinomial path with glmnet's defaults where its rounds over the classes do the work: mlbench's Soybean with every
/// factor as a full set of dummies (562 × 97, 15 classes; collinear columns, nearly separable at small λ) at α = 1 and
/// 0.5, and LetterRecognition (20,000 × 16, 26 classes) at α = 1 (<see cref="MulticlassCsvData"/>,
/// <c>benchmarks/peers/make_multiclass_sets.R</c>). glmnet's side on the same files:
/// <c>benchmarks/peers/glmnet_multinomial_sets_timing.R</c>. What each case reached is printed in GlobalCleanup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class MultinomialCollinearPathBenchmarks
{
    private MulticlassTrainingSet _soybean = null!;
    private MulticlassTrainingSet _letter = null!;
    private MultinomialRegularizationPath? _last;

    [GlobalSetup]
    public void Setup()
    {
        _soybean = MulticlassCsvData.Load("soybean", "make_multiclass_sets.R");
        _letter = MulticlassCsvData.Load("letter", "make_multiclass_sets.R");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_last is { } path)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MultinomialCollinearPathBenchmarks: {path.Lambdas.Count} λ, last λ {path.Lambdas[^1]:G6}, dev.ratio {path.DevianceRatio[^1]:F6}"));
        }
    }

    [Benchmark(Description = "Multinomial lasso path, Soybean")]
    public MultinomialRegularizationPath SoybeanLasso() => _last = MultinomialElasticNetPath.Fit(_soybean);

    [Benchmark(Description = "Multinomial elastic-net path (α = 0.5), Soybean")]
    public MultinomialRegularizationPath SoybeanElasticNet() => _last = MultinomialElasticNetPath.Fit(_soybean, new ElasticNetPathOptions { L1Ratio = 0.5 });

    [Benchmark(Description = "Multinomial lasso path, LetterRecognition")]
    public MultinomialRegularizationPath LetterLasso() => _last = MultinomialElasticNetPath.Fit(_letter);
}
