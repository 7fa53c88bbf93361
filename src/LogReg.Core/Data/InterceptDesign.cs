

namespace LogReg.Core.Data;

/// <summary>The rows as dense x̃ᵢ = (1, xᵢ), intercept first as the coefficient table, for the small dense solvers of the statistics.</summary>
internal static class InterceptDesign
{
    public static double[][] Rows(TrainingSet data)
    {
        var rows = new double[data.RowCount][];
        var buffer = new double[data.FeatureCount];
        for (int i = 0; i < rows.Length; i++)
        {
            data.Features.CopyRow(i, buffer);
            rows[i] = buffer.Prepend(1.0).ToArray();
        }
        return rows;
    }
}
