using System.Globalization;
using System.Text.Json;
using LogReg.Core.Data;

namespace LogReg.Tests;

/// <summary>Loads the reference CSVs and JSONs (copied from shared/reference, see Reference/README.md).</summary>
public sealed class ReferenceData
{
    private static readonly Dictionary<string, ReferenceData> Cache = new();

    private ReferenceData(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference");
        var lines = System.IO.File.ReadAllLines(Path.Combine(dir, name + ".csv"));
        var header = lines[0].Split(',');
        FeatureNames = header[..^1];
        var rows = new List<double[]>();
        var labels = new List<double>();
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var cells = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            rows.Add(cells[..^1]);
            labels.Add(cells[^1]);
        }
        Rows = rows;
        Labels = labels.ToArray();
        Json = Load(dir, name + ".json");
        Separation = Load(dir, name + ".separation.json");
        Inference = Load(dir, name + ".inference.json");
    }

    public static ReferenceData Spector => Get("spector");

    public static ReferenceData BreastCancer => Get("breast_cancer_wdbc");

    /// <summary>Heinze &amp; Schemper's endometrial data (quasi-separated by NV); no optimum file.</summary>
    public static ReferenceData Endometrial => Get("endometrial");

    /// <summary>The LP separation verdict (scipy HiGHS), see Reference/README.md.</summary>
    public JsonElement Separation { get; }

    /// <summary>R's inference results (glm, brglm2, sandwich, MASS), see Reference/README.md.</summary>
    public JsonElement Inference { get; }

    /// <summary>A reference file that goes with no CSV of its own (e.g. class_weights.json).</summary>
    public static JsonElement File(string name) => Load(Path.Combine(AppContext.BaseDirectory, "Reference"), name + ".json");

    /// <summary>A reference file's array of numbers (R's vectors: λ, intercepts, a point's coefficients, cvm …).</summary>
    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static JsonElement Load(string dir, string file)
    {
        string path = Path.Combine(dir, file);
        return System.IO.File.Exists(path) ? JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement : default;
    }

    public string[] FeatureNames { get; }

    public IReadOnlyList<double[]> Rows { get; }

    public double[] Labels { get; }

    public JsonElement Json { get; }

    public int FeatureCount => FeatureNames.Length;

    public TrainingSet Dense() => new(DenseMatrix.FromRows(Rows), Labels, null, FeatureNames);

    public TrainingSet Sparse() => new(SparseMatrix.FromDenseRows(Rows, FeatureCount), Labels, null, FeatureNames);

    /// <summary>The rows with their last column read as a class index, 0 … <paramref name="classes"/> − 1 (vowel.csv, musk.csv).</summary>
    public MulticlassTrainingSet Multiclass(int classes) => new(DenseMatrix.FromRows(Rows), Labels.Select(y => (int)y).ToArray(), classes);

    /// <summary>l2["C=…"].reference: objective, intercept, coefficients in feature order.</summary>
    public (double Objective, double Intercept, double[] Coef) L2Reference(string c)
    {
        var r = Json.GetProperty("l2").GetProperty(c).GetProperty("reference");
        var coef = FeatureNames.Select(f => r.GetProperty("coef").GetProperty(f).GetDouble()).ToArray();
        return (r.GetProperty("objective").GetDouble(), r.GetProperty("intercept").GetDouble(), coef);
    }

    public static ReferenceData Get(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var data))
            {
                data = new ReferenceData(name);
                Cache[name] = data;
            }
            return data;
        }
    }
}
