using System.Diagnostics;
using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// The data-larger-than-the-budget check (issue 9): writes an ML.NET binary .idv of 2,300,000 × 100
/// dense floats (920 MB of floats, about 810 MB on disk), then trains on it in two fresh processes — streamed under a
/// 64 MB budget and fully in memory — and prints each one's time, peak working set and objective.
/// Run: <c>dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --streaming-check [dir]</c>.
/// </summary>
public static class StreamingCheck
{
    private const int Rows = 2_300_000;
    private const int FeatureCount = 100;

    public sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = new float[FeatureCount];
    }

    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "streaming-2300k-x-100.idv");
        if (!File.Exists(path))
        {
            var ml = new MLContext(1);
            var sw = Stopwatch.StartNew();
            using var stream = File.Create(path);
            ml.Data.SaveAsBinary(ml.Data.LoadFromEnumerable(Generate()), stream);
            Console.WriteLine($"wrote {path}: {new FileInfo(path).Length / 1048576.0:F0} MB on disk in {sw.Elapsed.TotalSeconds:F0} s");
        }
        foreach (string budget in new[] { "64", "default" })
        {
            // A fresh process per fit: through the muxer when this one runs as "dotnet app.dll".
            bool muxer = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
            var arguments = (muxer ? new[] { typeof(StreamingCheck).Assembly.Location } : Array.Empty<string>())
                .Concat(new[] { "--streaming-child", path, budget });
            var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, arguments) { RedirectStandardOutput = true })!;
            Console.Write(child.StandardOutput.ReadToEnd());
            child.WaitForExit();
        }
    }

    /// <summary>In a fresh process: one fit, then its time, peak working set and objective.</summary>
    public static void Child(string path, string budget)
    {
        var ml = new MLContext(1);
        var view = ml.Data.LoadFromBinary(path);
        var options = new LogRegOptions { L2Regularization = 1, MemoryBudgetMegabytes = budget == "default" ? null : int.Parse(budget, CultureInfo.InvariantCulture) };
        var sw = Stopwatch.StartNew();
        var model = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(view).Model;
        var result = model.Report.Optimization;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"budget {budget} MB: {sw.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB, " +
            $"{model.RowCount} rows, {result.Iterations} iterations ({result.Termination}), objective {result.Objective:R}, w0 {model.Weights[0]:R}, b {model.Bias:R}"));
    }

    private static IEnumerable<Row> Generate()
    {
        var rng = new Random(2026);
        var w = Enumerable.Range(0, FeatureCount).Select(_ => (rng.NextDouble() * 2 - 1) * 0.3).ToArray();
        var row = new Row();
        for (int i = 0; i < Rows; i++)
        {
            double z = -0.2;
            for (int j = 0; j < FeatureCount; j++)
            {
                row.Features[j] = (float)(rng.NextDouble() * 2 - 1);
                z += w[j] * row.Features[j];
            }
            row.Label = rng.NextDouble() < 1 / (1 + Math.Exp(-z));
            yield return row;
        }
    }
}
