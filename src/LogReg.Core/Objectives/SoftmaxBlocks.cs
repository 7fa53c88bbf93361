using LogReg.Core.Data;

namespace LogReg.Core.Objectives;

/// <summary>
/// The two halves of every softmax pass over a block of rows, shared by the objective and its
/// curvature. Parameters are laid out θ = (W₀, …, W_{K−1}, b₀, …, b_{K−1}), Wₖ the d weights of
/// class k; per-row, per-class values are stored class-major, value[k·B + r] for row r of a block of
/// at most B rows.
/// </summary>
internal static class SoftmaxBlocks
{
    /// <summary>Rows per block: a block of dense rows stays in cache while each class reads it.</summary>
    public const int BlockRows = 64;

    /// <summary>z[k·B + r] = x_(start+r)·Wₖ + bₖ (with <paramref name="theta"/> = (W, b) or a direction (V, c)).</summary>
    public static void Forward(DesignMatrix x, int start, int count, ReadOnlySpan<double> theta, int classes, Span<double> z)
    {
        int d = x.ColumnCount;
        for (int k = 0; k < classes; k++)
        {
            x.MultiplyRows(start, count, theta.Slice(k * d, d), theta[classes * d + k], z.Slice(k * BlockRows, count));
        }
    }

    /// <summary>gradient(Wₖ) += Σᵣ coefficient[k·B + r]·x_(start+r), gradient(bₖ) += Σᵣ coefficient[k·B + r].</summary>
    public static void Backward(DesignMatrix x, int start, int count, ReadOnlySpan<double> coefficient, int classes, Span<double> gradient)
    {
        int d = x.ColumnCount;
        for (int k = 0; k < classes; k++)
        {
            var ck = coefficient.Slice(k * BlockRows, count);
            x.AddTransposeRows(start, count, ck, gradient.Slice(k * d, d));
            double sum = 0;
            foreach (double v in ck)
            {
                sum += v;
            }
            gradient[classes * d + k] += sum;
        }
    }

    /// <summary>Adds per-chunk partial sums in chunk order (the same result at any thread count).</summary>
    public static void SumPartials(double[][] partials, int dimension, Span<double> result)
    {
        result.Slice(0, dimension).Clear();
        foreach (var p in partials)
        {
            Numerics.VectorKernels.AddScaled(p, 1.0, result);
        }
    }
}
