using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Separation;
using LogReg.Core.Statistics;

namespace LogReg.Benchmarks;

/// <summary>
/// The statistics path of 'logreg stats' (and ShowTrainingStatistics) on data shaped like the separation corpus, generated
/// here: the separation proof alone, and the whole <see cref="StatisticsCalculator.Fit"/> — the proof, the unpenalised
/// fit (25 iterations when separated), the rank and the covariance. Shapes: overlapping classes (the estimate exists),
/// a quasi-complete 0/1 indicator, and complete separation by a hyperplane. The end-to-end comparison with R's glm,
/// process start to table written, is benchmarks/endtoend/stats_vs_r.py.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class StatisticsBenchmarks
{
    private TrainingSet _data = null!;

    [Params("overlapping 8000x60", "quasi 5000x40", "complete 2000x30")]
    public string Shape { get; set; } = "overlapping 8000x60";

    [GlobalSetup]
    public void Setup() => _data = Shape switch
    {
        "quasi 5000x40" => Make(5000, 40, quasi: true, complete: false),
        "complete 2000x30" => Make(2000, 30, quasi: false, complete: true),
        _ => Make(8000, 60, quasi: false, complete: false),
    };

    [Benchmark(Description = "SeparationCheck.Run")]
    public SeparationResult Separation() => SeparationCheck.Run(_data);

    [Benchmark(Description = "StatisticsCalculator.Fit (MLE, proof, errors)")]
    public ModelStatistics Statistics() => StatisticsCalculator.Fit(_data);

    // Gaussian features; labels from a logistic model (overlapping), that model's sign (complete), or overlapping
    // except that the rows where the last column, a 0/1 indicator, is 0 are all negative (quasi-complete).
    private static TrainingSet Make(int n, int d, bool quasi, bool complete)
    {
        var rng = new Random(20261202);
        var w = Enumerable.Range(0, d).Select(_ => Gaussian(rng) / Math.Sqrt(d) * 2).ToArray();
        var values = new float[n * d];
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < d; j++)
            {
                double x = quasi && j == d - 1 ? (rng.NextDouble() < 0.3 ? 0 : 1) : Gaussian(rng);
                values[i * d + j] = (float)x;
                z += w[j] * values[i * d + j];
            }
            labels[i] = complete ? (z > 0 ? 1 : 0)
                : quasi && values[i * d + d - 1] == 0 ? 0
                : rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(n, d, values), labels);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
