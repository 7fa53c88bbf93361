using System.Globalization;
using LogReg.Core.Data;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// The benchmark data sets, built in memory with fixed seeds (no I/O in any timed body):
/// <list type="bullet">
/// <item>dense: N(0,1) features, every 10th column correlated (ρ ≈ 0.8) with its neighbour, labels
/// drawn from a known logistic model; full 200,000 × 100, quick 50,000 × 100;</item>
/// <item>sparse: bag-of-words-like rows of about 40 ones with Zipf(1.1) column frequencies; full
/// 100,000 × 20,000, quick 25,000 × 20,000;</item>
/// <item>breast-cancer: the bundled 569 × 30 set, raw features; breast-cancer-std: the same,
/// each column centred and scaled by the training rows' mean and standard deviation;</item>
/// <item>small-1000x20: the dense generator at 1,250 × 20.</item>
/// </list>
/// Every set is split 80/20 into train and test rows.
/// </summary>
public sealed class BenchData
{
    public const string Dense = "dense";
    public const string Sparse = "sparse";
    public const string BreastCancer = "breast-cancer";
    public const string BreastCancerStandardised = "breast-cancer-std";
    public const string Small = "small-1000x20";

    private BenchData(string name, TrainingSet train, TrainingSet test)
    {
        Name = name;
        Train = train;
        Test = test;
    }

    public string Name { get; }

    public TrainingSet Train { get; }

    public TrainingSet Test { get; }

    /// <summary>"quick" (default) or "full", from the LOGREG_BENCH_MODE environment variable.</summary>
    public static string Mode => Environment.GetEnvironmentVariable("LOGREG_BENCH_MODE") ?? "quick";

    public static BenchData Load(string name) => name switch
    {
        Dense => DenseSet(Mode == "full" ? 200_000 : 50_000, 100),
        Sparse => SparseSet(Mode == "full" ? 100_000 : 25_000, 20_000),
        BreastCancer => BreastCancerSet(),
        BreastCancerStandardised => Standardised(BreastCancerSet()),
        Small => DenseSet(1250, 20, Small),
        _ => throw new ArgumentException($"Unknown data set '{name}'."),
    };

    /// <summary>An ML.NET view of a set (Label, Features), cached and read once so the cache is full.</summary>
    public static IDataView ToDataView(MLContext ml, TrainingSet set)
    {
        var view = ml.Data.Cache(set.ToDataView(ml));
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            while (cursor.MoveNext())
            {
            }
        }
        return view;
    }

    /// <summary>A row as PredictionEngine takes it (the prediction benchmarks).</summary>
    public sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    private static BenchData DenseSet(int n, int d, string name = Dense)
    {
        var rng = new Random(20240501);
        var w = Enumerable.Range(0, d).Select(j => (rng.NextDouble() * 2 - 1) * 0.5).ToArray();
        var values = new float[(long)n * d];
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = -0.3;
            for (int j = 0; j < d; j++)
            {
                double v = Gaussian(rng);
                if (j % 10 == 1)
                {
                    v = 0.8 * values[(long)i * d + j - 1] + 0.6 * v; // correlated pair, unit variance
                }
                values[(long)i * d + j] = (float)v;
                z += w[j] * values[(long)i * d + j];
            }
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        return Split(name, new DenseMatrix(n, d, values), labels);
    }

    private static BenchData SparseSet(int n, int d)
    {
        var rng = new Random(7);
        // Zipf(1.1) over columns: cumulative weights for inverse-transform sampling.
        var cumulative = new double[d];
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            total += 1 / Math.Pow(j + 1, 1.1);
            cumulative[j] = total;
        }
        var w = Enumerable.Range(0, d).Select(_ => (rng.NextDouble() * 2 - 1) * 0.8).ToArray();
        var rowStart = new long[n + 1];
        var indices = new List<int>(n * 40);
        var labels = new double[n];
        var set = new SortedSet<int>();
        for (int i = 0; i < n; i++)
        {
            set.Clear();
            int target = 20 + rng.Next(41); // 20 … 60 distinct words, about 40 on average
            while (set.Count < target)
            {
                double u = rng.NextDouble() * total;
                int j = Array.BinarySearch(cumulative, u);
                set.Add(j < 0 ? ~j : j);
            }
            double z = -0.5;
            foreach (int j in set)
            {
                indices.Add(j);
                z += w[j];
            }
            rowStart[i + 1] = indices.Count;
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        var values = Enumerable.Repeat(1f, indices.Count).ToArray();
        return Split(Sparse, new SparseMatrix(n, d, rowStart, indices.ToArray(), values), labels);
    }

    private static BenchData BreastCancerSet()
    {
        using var stream = typeof(BenchData).Assembly.GetManifestResourceStream("breast_cancer_wdbc.csv")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<double[]>();
        var labels = new List<double>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Trim().Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            rows.Add(cells[..^1]);
            labels.Add(cells[^1]);
        }
        return Split(BreastCancer, DenseMatrix.FromRows(rows), labels.ToArray());
    }

    // Every 5th row (after a fixed shuffle) is a test row.
    private static BenchData Split(string name, DesignMatrix x, double[] labels)
    {
        var order = Enumerable.Range(0, x.RowCount).ToArray();
        new Random(99).Shuffle(order);
        var test = order.Where((_, k) => k % 5 == 0).OrderBy(i => i).ToArray();
        var train = order.Where((_, k) => k % 5 != 0).OrderBy(i => i).ToArray();
        return new BenchData(name, Subset(x, labels, train), Subset(x, labels, test));
    }

    private static TrainingSet Subset(DesignMatrix x, double[] labels, int[] rows)
    {
        var y = rows.Select(i => labels[i]).ToArray();
        if (x is SparseMatrix s)
        {
            var rowStart = new long[rows.Length + 1];
            var idx = new List<int>();
            var val = new List<float>();
            for (int k = 0; k < rows.Length; k++)
            {
                idx.AddRange(s.RowIndices(rows[k]).ToArray());
                val.AddRange(s.RowValues(rows[k]).ToArray());
                rowStart[k + 1] = idx.Count;
            }
            return new TrainingSet(new SparseMatrix(rows.Length, x.ColumnCount, rowStart, idx.ToArray(), val.ToArray()), y);
        }
        var d = (DenseMatrix)x;
        var values = new float[(long)rows.Length * x.ColumnCount];
        for (int k = 0; k < rows.Length; k++)
        {
            d.Row(rows[k]).CopyTo(values.AsSpan(k * x.ColumnCount, x.ColumnCount));
        }
        return new TrainingSet(new DenseMatrix(rows.Length, x.ColumnCount, values), y);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    // Centre and scale every column by the training rows' mean and standard deviation (as StandardScaler).
    private static BenchData Standardised(BenchData raw)
    {
        int d = raw.Train.FeatureCount;
        var mean = new double[d];
        var square = new double[d];
        var row = new double[d];
        for (int i = 0; i < raw.Train.RowCount; i++)
        {
            raw.Train.Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                mean[j] += row[j] / raw.Train.RowCount;
                square[j] += row[j] * row[j] / raw.Train.RowCount;
            }
        }
        var sd = mean.Select((m, j) => Math.Sqrt(Math.Max(square[j] - m * m, 1e-300))).ToArray();
        TrainingSet Scale(TrainingSet set)
        {
            var rows = new List<double[]>(set.RowCount);
            for (int i = 0; i < set.RowCount; i++)
            {
                set.Features.CopyRow(i, row);
                rows.Add(row.Select((v, j) => (v - mean[j]) / sd[j]).ToArray());
            }
            return new TrainingSet(DenseMatrix.FromRows(rows), set.Labels);
        }
        return new BenchData(BreastCancerStandardised, Scale(raw.Train), Scale(raw.Test));
    }
}
