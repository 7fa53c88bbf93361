using LogReg.Core.Data;
using LogReg.Core.Separation;
using Xunit;

namespace LogReg.Tests.Kit;

/// <summary>Re-checks a separation result from the raw data, without the library's own operators.</summary>
public static class SeparationAssert
{
    /// <summary>
    /// The direction (on columns scaled to max |x| = 1, by name) has margins sᵢx̃ᵢβ ≥ −1e-9 on every row with a
    /// positive weight, &gt; 1e-9 on exactly <see cref="SeparationResult.SeparatedRows"/> of them (all when complete),
    /// and max |βⱼ| = 1.
    /// </summary>
    public static void DirectionSeparates(TrainingSet data, SeparationResult result)
    {
        Assert.True(result.Separated);
        int d = data.FeatureCount;
        var names = data.FeatureNames ?? Enumerable.Range(0, d).Select(j => $"x{j}").ToArray();
        var row = new double[d];
        var scale = new double[d];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                scale[j] = Math.Max(scale[j], Math.Abs(row[j]));
            }
        }
        var beta = names.Select(n => result.Direction.TryGetValue(n, out double b) ? b : 0).ToArray();
        double intercept = result.Direction.TryGetValue("intercept", out double b0) ? b0 : 0;
        Assert.Equal(1.0, Math.Max(Math.Abs(intercept), beta.Max(Math.Abs)), 12);
        int strict = 0, used = 0;
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < data.RowCount; i++)
        {
            if (data.WeightOf(i) == 0)
            {
                continue;
            }
            used++;
            data.Features.CopyRow(i, row);
            double margin = intercept;
            for (int j = 0; j < d; j++)
            {
                margin += scale[j] > 0 ? beta[j] * row[j] / scale[j] : 0;
            }
            margin *= data.Labels[i] == 1 ? 1 : -1;
            Assert.True(margin >= -1e-9, $"row {i}: margin {margin:G3} < 0");
            strict += margin > 1e-9 ? 1 : 0;
            smallest = Math.Min(smallest, margin);
        }
        Assert.Equal(result.SeparatedRows, strict);
        if (result.Complete == true)
        {
            Assert.Equal(used, strict);
            Assert.Equal(result.MinimumMargin, smallest, 9);
        }
    }
}
