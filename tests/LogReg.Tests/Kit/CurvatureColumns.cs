using LogReg.Core.Optimization;

namespace LogReg.Tests.Kit;

/// <summary>A curvature operator made dense one column at a time, H·eⱼ: the reference for curvatures that form H directly.</summary>
public static class CurvatureColumns
{
    public static double[] ToDense(ICurvature curvature)
    {
        int n = curvature.Dimension;
        var dense = new double[n * n];
        var unit = new double[n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1;
            curvature.Multiply(unit, column);
            unit[j] = 0;
            for (int i = 0; i < n; i++)
            {
                dense[i * n + j] = column[i];
            }
        }
        return dense;
    }
}
