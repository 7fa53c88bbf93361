using System.Text.Json;
using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// Columns far from 0 compared with their spread (a Unix time; 1e6 plus noise of a few single-precision steps): kept
/// (not aliased with the intercept), fitted and given standard errors as R's glm gives them on the same stored values.
/// </summary>
public class OffsetColumnTests
{
    [Fact]
    public void EstimatesAndStandardErrorsMatchRsGlmOnTheStoredValues()
    {
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "offset_columns.json"))).RootElement;
        var stats = StatisticsCalculator.Fit(ReferenceData.Get("offset_columns").Dense());
        Assert.Empty(stats.AliasedCoefficients);
        Assert.True(stats.Converged);
        Assert.Equal(reference.GetProperty("names").EnumerateArray().Select(n => n.GetString()), stats.Coefficients.Select(c => c.Name));
        var estimates = reference.GetProperty("estimates").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var errors = reference.GetProperty("standard_errors").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int j = 0; j < estimates.Length; j++)
        {
            NumericAssert.Relative(estimates[j], stats.Coefficients[j].Estimate, 1e-6, $"estimate {j}");
            NumericAssert.Relative(errors[j], stats.Coefficients[j].StandardError!.Value, 1e-6, $"standard error {j}");
        }
        NumericAssert.Relative(reference.GetProperty("log_likelihood").GetDouble(), stats.LogLikelihood, 1e-9, "log-likelihood");
    }

    [Fact]
    public void RowAndColumnOrderDoNotChangeTheFit()
    {
        var data = ReferenceData.Get("offset_columns");
        var baseline = StatisticsCalculator.Fit(data.Dense());
        var order = Enumerable.Range(0, data.Rows.Count).Reverse().ToArray();
        var columns = new[] { 2, 0, 1 }; // e6, x, t
        var rows = order.Select(i => columns.Select(j => data.Rows[i][j]).ToArray()).ToList();
        var permuted = new LogReg.Core.Data.TrainingSet(LogReg.Core.Data.DenseMatrix.FromRows(rows), order.Select(i => data.Labels[i]).ToArray(), null,
            columns.Select(j => data.FeatureNames[j]).ToArray());
        var stats = StatisticsCalculator.Fit(permuted);
        Assert.True(stats.Converged);
        foreach (var c in baseline.Coefficients)
        {
            var same = stats.Coefficients.Single(p => p.Name == c.Name);
            NumericAssert.Relative(c.Estimate, same.Estimate, 1e-8, c.Name);
            NumericAssert.Relative(c.StandardError!.Value, same.StandardError!.Value, 1e-8, c.Name + " se");
        }
    }
}
