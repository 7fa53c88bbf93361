using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// An entry of the Hessian on the centred, scaled columns from the raw Gram of the stored values
/// (<see cref="PathProblem.AddRawGram"/>: upper triangle, (m + 1)², its last row and column the rows' 1s):
/// Σ v·(x − μ)(x' − μ')/(σσ') expanded into the Gram's sums, so that sparse columns are never centred row by row.
/// </summary>
internal static class RawGramCentring
{
    /// <summary>Entry (a, b), either order; index m (the Gram's last) is the intercept's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Entry(double[] gram, double[] mean, double[] scale, int a, int b)
    {
        int m = mean.Length, stride = m + 1;
        (a, b) = a <= b ? (a, b) : (b, a);
        double g00 = gram[m * stride + m];
        if (a == m)
        {
            return g00;
        }
        double ga = gram[a * stride + m];
        if (b == m)
        {
            return (ga - mean[a] * g00) / scale[a];
        }
        double gb = gram[b * stride + m];
        return (gram[a * stride + b] - mean[a] * gb - mean[b] * ga + g00 * mean[a] * mean[b]) / (scale[a] * scale[b]);
    }
}
