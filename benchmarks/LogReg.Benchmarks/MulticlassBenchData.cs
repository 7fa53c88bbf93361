using LogReg.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace LogReg.Benchmarks;

/// <summary>
/// Synthetic multiclass sets (labels drawn from a softmax of random class weights, so the classes
/// overlap): dense Gaussian features (5 and 10 classes), sparse Zipf-distributed binary features, a text-like set of
/// normalised word counts (<see cref="Text"/>), and a small dense set. Every 5th row is a test row.
/// </summary>
public sealed class MulticlassBenchData
{
    public const string Dense = "mc-dense";
    public const string Sparse = "mc-sparse";
    public const string Small = "mc-small";
    public const string Dense10 = "mc-dense10";
    public const string Text = "mc-text";

    /// <summary>The sets <see cref="MulticlassBenchmarks"/> runs: LOGREG_BENCH_MC_SETS (comma-separated names) or all.</summary>
    public static IEnumerable<string> Selected =>
        Environment.GetEnvironmentVariable("LOGREG_BENCH_MC_SETS") is { Length: > 0 } names ? names.Split(',') : [Dense, Dense10, Sparse, Text, Small];

    private MulticlassBenchData(string name, MulticlassTrainingSet train, MulticlassTrainingSet test)
    {
        Name = name;
        Train = train;
        Test = test;
    }

    public string Name { get; }

    public MulticlassTrainingSet Train { get; }

    public MulticlassTrainingSet Test { get; }

    public static MulticlassBenchData Load(string name) => name switch
    {
        Dense => Generate(name, BenchData.Mode == "full" ? 100_000 : 25_000, 50, 5, sparse: false),
        Sparse => Generate(name, BenchData.Mode == "full" ? 50_000 : 12_500, 5_000, 10, sparse: true),
        Small => Generate(name, 1250, 20, 4, sparse: false),
        Dense10 => Generate(name, BenchData.Mode == "full" ? 62_500 : 15_625, 50, 10, sparse: false),
        Text => TextSet(name, BenchData.Mode == "full" ? 25_000 : 6_250, 20_000, 20),
        _ => throw new ArgumentException($"Unknown data set '{name}'."),
    };

    private sealed class Row
    {
        public float Class { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>A cached, fully read view with a key-typed Label (class k is key k + 1) and a Features vector.</summary>
    public static IDataView ToDataView(MLContext ml, MulticlassTrainingSet set)
    {
        int d = set.FeatureCount;
        var rows = new List<Row>(set.RowCount);
        var dense = new double[d];
        for (int i = 0; i < set.RowCount; i++)
        {
            VBuffer<float> features;
            if (set.Features is SparseMatrix s)
            {
                features = new VBuffer<float>(d, s.RowIndices(i).Length, s.RowValues(i).ToArray(), s.RowIndices(i).ToArray());
            }
            else
            {
                set.Features.CopyRow(i, dense);
                features = new VBuffer<float>(d, dense.Select(v => (float)v).ToArray());
            }
            rows.Add(new Row { Class = set.Labels[i], Features = features });
        }
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var raw = ml.Data.LoadFromEnumerable(rows, schema);
        var view = ml.Data.Cache(ml.Transforms.Conversion.MapValueToKey("Label", "Class", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(raw).Transform(raw));
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            while (cursor.MoveNext())
            {
            }
        }
        return view;
    }

    private static MulticlassBenchData Generate(string name, int n, int d, int classes, bool sparse)
    {
        var rng = new Random(20261128);
        var w = Enumerable.Range(0, classes * d).Select(_ => (rng.NextDouble() * 2 - 1) * (sparse ? 1.0 : 0.4)).ToArray();
        var labels = new int[n];
        var z = new double[classes];
        DesignMatrix x;
        if (sparse)
        {
            var cumulative = new double[d];
            double total = 0;
            for (int j = 0; j < d; j++)
            {
                total += 1 / Math.Pow(j + 1, 1.1);
                cumulative[j] = total;
            }
            var rowStart = new long[n + 1];
            var indices = new List<int>(n * 30);
            var set = new SortedSet<int>();
            for (int i = 0; i < n; i++)
            {
                set.Clear();
                int target = 10 + rng.Next(41);
                while (set.Count < target)
                {
                    int j = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                    set.Add(j < 0 ? ~j : j);
                }
                Array.Clear(z);
                foreach (int j in set)
                {
                    indices.Add(j);
                    for (int k = 0; k < classes; k++)
                    {
                        z[k] += w[k * d + j];
                    }
                }
                rowStart[i + 1] = indices.Count;
                labels[i] = Draw(rng, z);
            }
            x = new SparseMatrix(n, d, rowStart, indices.ToArray(), Enumerable.Repeat(1f, indices.Count).ToArray());
        }
        else
        {
            var values = new float[(long)n * d];
            for (int i = 0; i < n; i++)
            {
                Array.Clear(z);
                for (int j = 0; j < d; j++)
                {
                    float v = (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
                    values[(long)i * d + j] = v;
                    for (int k = 0; k < classes; k++)
                    {
                        z[k] += w[k * d + j] * v;
                    }
                }
                labels[i] = Draw(rng, z);
            }
            x = new DenseMatrix(n, d, values);
        }
        var order = Enumerable.Range(0, n).ToArray();
        var test = order.Where(i => i % 5 == 0).ToArray();
        var train = order.Where(i => i % 5 != 0).ToArray();
        return new MulticlassBenchData(name, Subset(x, labels, classes, train), Subset(x, labels, classes, test));
    }

    /// <summary>
    /// Documents of 30–200 words drawn from a Zipf(1.05) vocabulary, 15% of them swapped for words of the document's class,
    /// as word counts scaled to unit length (FeaturizeText's default normalisation); classes uniform.
    /// </summary>
    private static MulticlassBenchData TextSet(string name, int n, int d, int classes)
    {
        var rng = new Random(20261203);
        var cumulative = new double[d];
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            total += 1 / Math.Pow(j + 1, 1.05);
            cumulative[j] = total;
        }
        var rowStart = new long[n + 1];
        var indices = new List<int>();
        var values = new List<float>();
        var labels = new int[n];
        var counts = new SortedDictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int c = rng.Next(classes);
            labels[i] = c;
            counts.Clear();
            int length = 30 + rng.Next(171);
            for (int t = 0; t < length; t++)
            {
                int j = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                j = j < 0 ? ~j : j;
                if (rng.NextDouble() < 0.15)
                {
                    j = (j * 7 + c * 997 + 13) % d;
                }
                counts[j] = counts.GetValueOrDefault(j) + 1;
            }
            double norm = Math.Sqrt(counts.Values.Sum(v => (double)v * v));
            foreach (var (j, count) in counts)
            {
                indices.Add(j);
                values.Add((float)(count / norm));
            }
            rowStart[i + 1] = indices.Count;
        }
        var x = new SparseMatrix(n, d, rowStart, indices.ToArray(), values.ToArray());
        var train = Enumerable.Range(0, n).Where(i => i % 5 != 0).ToArray();
        var test = Enumerable.Range(0, n).Where(i => i % 5 == 0).ToArray();
        return new MulticlassBenchData(name, Subset(x, labels, classes, train), Subset(x, labels, classes, test));
    }

    private static int Draw(Random rng, double[] z)
    {
        // p = softmax(z), with the largest score subtracted before exponentiating.
        double max = z.Max();
        var p = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = 0;
        foreach (double e in p)
        {
            sum += e;
        }
        for (int k = 0; k < p.Length; k++)
        {
            p[k] /= sum;
        }
        double u = rng.NextDouble();
        for (int k = 0; k < p.Length; k++)
        {
            u -= p[k];
            if (u < 0)
            {
                return k;
            }
        }
        return p.Length - 1;
    }

    private static MulticlassTrainingSet Subset(DesignMatrix x, int[] labels, int classes, int[] rows) =>
        new(x.SelectRows(rows), rows.Select(i => labels[i]).ToArray(), classes);
}
