using System.Numerics;
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

    /// <summary>
    /// Every entry at once: the coefficients' block into <paramref name="h"/> (m × m, both triangles, rows
    /// <paramref name="stride"/> apart — m when 0), the intercept's row into <paramref name="h0"/>; returns the corner.
    /// Each entry is <see cref="Entry"/>'s, bit for bit (the same operations in the same order, a row's entries a vector at
    /// a time): centring entry by entry was a tenth of a wide sparse set's cross-validation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Centre(double[] gram, double[] mean, double[] scale, double[] h, double[] h0, int stride = 0)
    {
        int m = mean.Length, gramStride = m + 1, rowStride = stride > 0 ? stride : m;
        double g00 = gram[m * gramStride + m];
        // The Gram's last column (each column's weighted sum), gathered once.
        var last = new double[m];
        for (int b = 0; b < m; b++)
        {
            last[b] = gram[b * gramStride + m];
            h0[b] = (last[b] - mean[b] * g00) / scale[b];
        }
        int width = Vector<double>.Count;
        for (int a = 0; a < m; a++)
        {
            double ma = mean[a], ga = last[a], g00a = g00 * ma, sa = scale[a];
            var row = gram.AsSpan(a * gramStride, m);
            var target = h.AsSpan(a * rowStride, m);
            int b = a;
            for (; b + width <= m; b += width)
            {
                var mb = new Vector<double>(mean.AsSpan(b));
                var entry = (new Vector<double>(row[b..]) - ma * new Vector<double>(last.AsSpan(b)) - mb * ga + g00a * mb)
                    / (sa * new Vector<double>(scale.AsSpan(b)));
                entry.CopyTo(target[b..]);
            }
            for (; b < m; b++)
            {
                target[b] = (row[b] - ma * last[b] - mean[b] * ga + g00a * mean[b]) / (sa * scale[b]);
            }
        }
        // The lower triangle mirrors the upper, in tiles that stay in cache.
        const int Tile = 32;
        for (int a0 = 0; a0 < m; a0 += Tile)
        {
            for (int b0 = a0; b0 < m; b0 += Tile)
            {
                for (int a = a0; a < Math.Min(a0 + Tile, m); a++)
                {
                    for (int b = Math.Max(b0, a + 1); b < Math.Min(b0 + Tile, m); b++)
                    {
                        h[b * rowStride + a] = h[a * rowStride + b];
                    }
                }
            }
        }
        return g00;
    }
}
