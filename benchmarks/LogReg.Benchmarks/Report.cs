using System.Globalization;
using BenchmarkDotNet.Reports;

namespace LogReg.Benchmarks;

/// <summary>After the run: medians, ratios against ML.NET's LBFGS (its faster thread setting), and accuracy reached.</summary>
public static class Report
{
    public static void Print(IEnumerable<Summary> summaries, string mode)
    {
        var inv = CultureInfo.InvariantCulture;
        var records = Quality.ReadAll();
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToList();
        Console.WriteLine();
        Console.WriteLine($"=== LogReg.MLNet benchmark summary ({mode} mode, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}) ===");
        foreach (var group in reports.GroupBy(r => (Type: r.BenchmarkCase.Descriptor.Type.Name, Dataset: DatasetOf(r))))
        {
            double? Median(string method) => group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics!.Median;
            // Training and cold-start groups: ML.NET's LBFGS at its faster thread setting.
            // Small-data group: LIBLINEAR at its default stop.
            double? baseline = new[] { Median(nameof(TrainingBenchmarks.MLNetLbfgs1)), Median(nameof(TrainingBenchmarks.MLNetLbfgs2)) }.Where(v => v.HasValue).Min()
                ?? Median(nameof(SmallDataBenchmarks.Liblinear));
            var datasetRecords = records.Where(r => r.Benchmark == group.Key.Type && r.Dataset == group.Key.Dataset).ToList();
            double best = datasetRecords.Count > 0 ? datasetRecords.Min(r => r.Objective) : double.NaN;
            Console.WriteLine();
            Console.WriteLine($"{group.Key.Type}{(group.Key.Dataset.Length > 0 ? " / " + group.Key.Dataset : "")}");
            Console.WriteLine($"  {"method",-44} {"median",12} {"ratio",8} {"gap to best F",14} {"test AUC",9} {"allocated",12}");
            foreach (var r in group.OrderBy(r => r.ResultStatistics!.Median))
            {
                string method = r.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                string name = r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
                double median = r.ResultStatistics!.Median;
                var rec = datasetRecords.FirstOrDefault(q => q.Method == method);
                string ratio = baseline is double b ? (median / b).ToString("F2", inv) : "";
                string gap = rec is null ? "" : ((rec.Objective - best) / best).ToString("E1", inv);
                string auc = rec is null ? "" : rec.TestAuc.ToString("F4", inv);
                string allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) is long bytes ? $"{bytes / 1024.0 / 1024.0:F1} MB" : "";
                Console.WriteLine($"  {name,-44} {Time(median),12} {ratio,8} {gap,14} {auc,9} {allocated,12}");
            }
        }
        Console.WriteLine();
        Console.WriteLine("ratio = median / median of ML.NET LbfgsLogisticRegression at its faster thread setting (training only);");
        Console.WriteLine("SmallDataBenchmarks: / median of LIBLINEAR -s 0 at its default stop, eps 0.01.");
    }

    private static string DatasetOf(BenchmarkReport r) =>
        r.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Dataset")?.Value?.ToString()
        ?? string.Join(", ", r.BenchmarkCase.Parameters.Items.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Value}")));

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => $"{nanoseconds / 1e9:F3} s",
        >= 1e6 => $"{nanoseconds / 1e6:F2} ms",
        >= 1e3 => $"{nanoseconds / 1e3:F2} µs",
        _ => $"{nanoseconds:F0} ns",
    };
}
