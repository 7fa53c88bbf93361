using System.Globalization;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Benchmarks;

/// <summary>
/// The lasso path and its 10-fold cross-validation on sparse data (benchmarks/peers/make_sparse.R: 20,000 × 2,000,
/// 398,000 stored values, read in GlobalSetup), glmnet's defaults, at glmnet's default thresh 1e-7 and this library's
/// 1e-16; folds as <c>rep(1:10, length.out = n)</c>. glmnet's side: <c>glmnet_timing.R</c>'s sparse cases.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WarmJobConfig))]
public class SparsePathBenchmarks
{
    private TrainingSet _data = null!;
    private int[] _folds = [];

    /// <summary>glmnet's <c>thresh</c> (<see cref="ElasticNetPathOptions.Tolerance"/>).</summary>
    [Params(1e-7, 1e-16)]
    public double Tolerance { get; set; } = 1e-16;

    [GlobalSetup]
    public void Setup()
    {
        string root = SpamData.RepositoryRoot() ?? Directory.GetCurrentDirectory();
        string triplets = Path.Combine(root, "benchmarks", "data", "sparse.csv"), labels = Path.Combine(root, "benchmarks", "data", "sparse_labels.csv");
        if (!File.Exists(triplets) || !File.Exists(labels))
        {
            throw new FileNotFoundException($"{triplets} is missing: make it with 'Rscript benchmarks/peers/make_sparse.R'.");
        }
        var y = File.ReadLines(labels).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var byRow = Enumerable.Range(0, y.Length).Select(_ => new List<(int Column, float Value)>()).ToArray();
        foreach (var line in File.ReadLines(triplets).Skip(1))
        {
            var cells = line.Split(',');
            byRow[int.Parse(cells[0], CultureInfo.InvariantCulture) - 1].Add((int.Parse(cells[1], CultureInfo.InvariantCulture) - 1,
                (float)double.Parse(cells[2], CultureInfo.InvariantCulture)));
        }
        var start = new long[y.Length + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < y.Length; i++)
        {
            foreach (var (column, value) in byRow[i].OrderBy(e => e.Column))
            {
                indices.Add(column);
                values.Add(value);
            }
            start[i + 1] = indices.Count;
        }
        _data = new TrainingSet(new SparseMatrix(y.Length, 2000, start, indices.ToArray(), values.ToArray()), y);
        _folds = Enumerable.Range(0, y.Length).Select(i => i % 10).ToArray();
    }

    [Benchmark(Baseline = true, Description = "Sparse lasso path (α = 1)")]
    public RegularizationPath Lasso() => ElasticNetPath.Fit(_data, new ElasticNetPathOptions { Tolerance = Tolerance });

    [Benchmark(Description = "Sparse 10-fold CV, lasso, deviance")]
    public CrossValidatedPath<RegularizationPath> CrossValidation() => ElasticNetCrossValidation.Fit(_data, new CrossValidationOptions
    {
        Path = new ElasticNetPathOptions { Tolerance = Tolerance },
        FoldIds = _folds,
    });
}
