using System.Globalization;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// 10-fold cross-validation on the spam set (<see cref="SpamData"/>) over scikit-learn's grid, so the time compares
/// with <c>benchmarks/peers/sklearn_cv_timing.py</c>'s <c>LogisticRegressionCV(Cs = 20)</c>: the 20 values
/// C = 10^-4 … 10^4 (numpy's <c>logspace(-4, 4, 20)</c>) as λ = 1/(C·n_train) — scikit-learn's C multiplies the summed
/// loss of a fold's training rows, glmnet's scaling divides it by their count, and n_train = 4,141 is the mean over the
/// folds — largest λ first. Ridge (α = 0) pairs with the L2/lbfgs case, the lasso (α = 1) with L1/saga. Standardised
/// (scikit-learn's side runs <c>StandardScaler</c> first), the folds of <c>--same-folds</c> (row i in fold i mod 10),
/// one fold per processor, the refit on all rows included as scikit-learn's <c>refit = True</c> does; an explicit λ
/// list has no early stop, so all 20 points are solved on every fold.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SpamDataCheck.WithWarmJob))]
public class SklearnGridBenchmarks
{
    private TrainingSet _spam = null!;
    private int[] _folds = [];
    private double[] _lambdas = [];
    private CrossValidatedPath<RegularizationPath>? _last;

    /// <summary>glmnet's <c>thresh</c> (<see cref="ElasticNetPathOptions.Tolerance"/>): the default 1e-16, and 1e-7.</summary>
    [Params(1e-7, 1e-16)]
    public double Tolerance { get; set; } = 1e-16;

    [GlobalSetup]
    public void Setup()
    {
        _spam = SpamData.Load();
        _folds = Enumerable.Range(0, _spam.RowCount).Select(i => i % 10).ToArray();
        double trainingRows = _spam.RowCount * 0.9;
        _lambdas = Enumerable.Range(0, 20).Select(i => 1 / (Math.Pow(10, -4 + 8.0 * i / 19) * trainingRows)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_last is { } result)
        {
            var path = result.Path;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SklearnGridBenchmarks (tolerance {Tolerance:0E+00}): {path.Lambdas.Count} λ, lambda.min {path.Lambdas[result.MinimumIndex]:G6} (C {1 / (path.Lambdas[result.MinimumIndex] * _spam.RowCount * 0.9):G4}), non-zero there {path.NonZero[result.MinimumIndex]}"));
        }
    }

    [Benchmark(Baseline = true, Description = "10-fold CV, ridge, scikit-learn's 20 Cs")]
    public CrossValidatedPath<RegularizationPath> Ridge() => _last = ElasticNetCrossValidation.Fit(_spam, Options(0));

    [Benchmark(Description = "10-fold CV, lasso, scikit-learn's 20 Cs")]
    public CrossValidatedPath<RegularizationPath> Lasso() => _last = ElasticNetCrossValidation.Fit(_spam, Options(1));

    private CrossValidationOptions Options(double alpha) => new()
    {
        Path = new ElasticNetPathOptions { L1Ratio = alpha, Lambdas = _lambdas, Tolerance = Tolerance },
        FoldIds = _folds,
        Metric = CrossValidationMetric.Deviance,
        MaxThreads = null,
    };
}
