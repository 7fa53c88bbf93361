using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LogReg.Benchmarks;

/// <summary>A summary column read from the quality records the benchmark processes wrote.</summary>
public sealed class QualityColumn : IColumn
{
    private readonly Func<QualityRecord, string>? _format;

    /// <param name="name">Column header.</param>
    /// <param name="format">Formats a record; null: the relative gap of the objective to the best one on the same data set.</param>
    public QualityColumn(string name, Func<QualityRecord, string>? format)
    {
        ColumnName = name;
        _format = format;
    }

    public string Id => "Quality." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _format is null
        ? "(F − F_best)/F_best, F = Σ BCE + ½‖w‖² on the training rows, F_best the lowest any trainer reached on that data set"
        : ColumnName + " of the fitted model (shared evaluator, double precision)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var records = Quality.ReadAll();
        string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        string type = benchmarkCase.Descriptor.Type.Name;
        string dataset = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Dataset")?.Value?.ToString() ?? "";
        var record = records.FirstOrDefault(r => r.Benchmark == type && r.Method == method && r.Dataset == dataset);
        if (record is null)
        {
            return "-";
        }
        if (_format is not null)
        {
            return _format(record);
        }
        double best = records.Where(r => r.Dataset == dataset).Min(r => r.Objective);
        return ((record.Objective - best) / best).ToString("E1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
