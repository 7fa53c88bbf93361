using System.Globalization;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// The dense multinomial path and its cross-validation on mlbench's Vehicle (<see cref="MulticlassCsvData"/>, 846 × 18, 4
/// classes) with glmnet's defaults (100 λ, standardised, the multinomial tolerance 1e-7): the lasso, the elastic net at
/// α = 0.5, and the lasso's 10-fold CV by deviance on the folds of <c>foldid = rep(1:10, length.out = n)</c> (row i in
/// fold i mod 10), one fold per processor. glmnet's side on the same file:
/// <c>benchmarks/peers/glmnet_multinomial_dense_timing.R</c>. What each case reached is printed in GlobalCleanup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class MultinomialDensePathBenchmarks
{
    private MulticlassTrainingSet _vehicle = null!;
    private int[] _folds = [];
    private object? _last;

    [GlobalSetup]
    public void Setup()
    {
        _vehicle = MulticlassCsvData.Load("vehicle", "make_vehicle.R");
        _folds = Enumerable.Range(0, _vehicle.RowCount).Select(i => i % 10).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var path = _last switch
        {
            CrossValidatedPath<MultinomialRegularizationPath> cv => cv.Path,
            MultinomialRegularizationPath p => p,
            _ => null,
        };
        if (path is not null)
        {
            string line = string.Create(CultureInfo.InvariantCulture,
                $"MultinomialDensePathBenchmarks: {path.Lambdas.Count} λ, last λ {path.Lambdas[^1]:G6}, dev.ratio {path.DevianceRatio[^1]:F6}");
            if (_last is CrossValidatedPath<MultinomialRegularizationPath> result)
            {
                line += string.Create(CultureInfo.InvariantCulture,
                    $", lambda.min {path.Lambdas[result.MinimumIndex]:G6}, lambda.1se {path.Lambdas[result.OneStandardErrorIndex]:G6}");
            }
            Console.WriteLine(line);
        }
    }

    [Benchmark(Baseline = true, Description = "Multinomial lasso path, Vehicle")]
    public MultinomialRegularizationPath Lasso() => Keep(MultinomialElasticNetPath.Fit(_vehicle));

    [Benchmark(Description = "Multinomial elastic-net path (α = 0.5), Vehicle")]
    public MultinomialRegularizationPath ElasticNet() => Keep(MultinomialElasticNetPath.Fit(_vehicle, new ElasticNetPathOptions { L1Ratio = 0.5 }));

    [Benchmark(Description = "Multinomial 10-fold CV, lasso, deviance, Vehicle")]
    public CrossValidatedPath<MultinomialRegularizationPath> CrossValidation() => Keep(ElasticNetCrossValidation.Fit(_vehicle,
        new CrossValidationOptions { FoldIds = _folds, Metric = CrossValidationMetric.Deviance, MaxThreads = null }));

    private T Keep<T>(T result)
        where T : class
    {
        _last = result;
        return result;
    }
}
