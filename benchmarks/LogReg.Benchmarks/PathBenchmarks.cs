using System.Globalization;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// The elastic-net path and its cross-validation (glmnet's scaling) on the spam set (<see cref="SpamData"/>, 4,601 × 57,
/// read in GlobalSetup; no I/O in the timed bodies), at each <see cref="Tolerance"/> — glmnet's default <c>thresh</c>
/// 1e-7 and this library's default 1e-16 (tighter than glmnet at 1e-14, its parity references):
/// <list type="bullet">
/// <item><see cref="ElasticNetPath.Fit"/> with glmnet's defaults — the lasso (α = 1), 100 λ down to 1e-4·λ_max,
/// standardised, early stop — and the same at α = 0.5;</item>
/// <item><see cref="ElasticNetCrossValidation.Fit"/> of the lasso path: 10 folds, deviance, one fold per processor
/// (MaxThreads = null), the folds of <c>foldid = rep(1:10, length.out = n)</c> (row i in fold i mod 10) so the
/// λ choices compare with <c>benchmarks/peers/glmnet_timing.R</c>'s cv.glmnet; solved at the full data's λ (this
/// library's default) and, as cv.glmnet does by default, on each fold's own sequence interpolated.</item>
/// </list>
/// The peers' timings come from <c>benchmarks/peers/glmnet_timing.R</c> and <c>sklearn_cv_timing.py</c>. What each
/// case reached (path length, last deviance ratio, lambda.min and lambda.1se) is printed in GlobalCleanup. The job is
/// <see cref="WarmJobConfig"/>'s; a missing CSV is reported in one line by <see cref="SpamDataCheck"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SpamDataCheck.WithWarmJob))]
public class PathBenchmarks
{
    private TrainingSet _spam = null!;
    private int[] _folds = [];
    private object? _last;

    /// <summary>glmnet's <c>thresh</c> (<see cref="ElasticNetPathOptions.Tolerance"/>).</summary>
    [Params(1e-7, 1e-16)]
    public double Tolerance { get; set; } = 1e-16;

    [GlobalSetup]
    public void Setup()
    {
        _spam = SpamData.Load();
        _folds = Enumerable.Range(0, _spam.RowCount).Select(i => i % 10).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var inv = CultureInfo.InvariantCulture;
        var path = _last switch
        {
            CrossValidatedPath<RegularizationPath> cv => cv.Path,
            RegularizationPath p => p,
            _ => null,
        };
        if (path is null)
        {
            return;
        }
        string line = string.Create(inv,
            $"PathBenchmarks (tolerance {Tolerance:0E+00}): {path.Lambdas.Count} λ, last λ {path.Lambdas[^1]:G6}, non-zero {path.NonZero[^1]}, dev.ratio {path.DevianceRatio[^1]:F6}");
        if (_last is CrossValidatedPath<RegularizationPath> result)
        {
            line += string.Create(inv, $", lambda.min {path.Lambdas[result.MinimumIndex]:G6}, lambda.1se {path.Lambdas[result.OneStandardErrorIndex]:G6}");
        }
        Console.WriteLine(line);
    }

    [Benchmark(Baseline = true, Description = "Lasso path (α = 1)")]
    public RegularizationPath Lasso() => Keep(ElasticNetPath.Fit(_spam, PathOptions(1)));

    [Benchmark(Description = "Elastic-net path (α = 0.5)")]
    public RegularizationPath ElasticNet() => Keep(ElasticNetPath.Fit(_spam, PathOptions(0.5)));

    [Benchmark(Description = "10-fold CV, lasso, deviance")]
    public CrossValidatedPath<RegularizationPath> CrossValidation() => Keep(ElasticNetCrossValidation.Fit(_spam, CvOptions(FoldAlignment.SameLambdas)));

    [Benchmark(Description = "10-fold CV, lasso, deviance, interpolated")]
    public CrossValidatedPath<RegularizationPath> CrossValidationInterpolated() => Keep(ElasticNetCrossValidation.Fit(_spam, CvOptions(FoldAlignment.Interpolated)));

    private ElasticNetPathOptions PathOptions(double alpha) => new() { L1Ratio = alpha, Tolerance = Tolerance };

    private CrossValidationOptions CvOptions(FoldAlignment alignment) => new()
    {
        Path = PathOptions(1),
        FoldIds = _folds,
        Metric = CrossValidationMetric.Deviance,
        Alignment = alignment,
        MaxThreads = null,
    };

    private T Keep<T>(T result)
        where T : class
    {
        _last = result;
        return result;
    }
}
