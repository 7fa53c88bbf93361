using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The first two curvature-weighted moments of the columns at a point θ, with cᵢ = sᵢ·ℓ''_GN(yᵢ, zᵢ)
/// the (never negative) Gauss–Newton curvature of row i: <see cref="Total"/> = Σ cᵢ,
/// <see cref="Sum"/>ⱼ = Σ cᵢ·xᵢⱼ and <see cref="SumOfSquares"/>ⱼ = Σ cᵢ·xᵢⱼ². They are the diagonal,
/// the bias column and the bias entry of the unpenalised Gauss–Newton Hessian, which is all a
/// diagonal or centred-diagonal preconditioner needs.
/// </summary>
/// <param name="Sum">Σ cᵢ·xᵢ (length d).</param>
/// <param name="SumOfSquares">Σ cᵢ·xᵢ² element-wise (length d).</param>
/// <param name="Total">Σ cᵢ.</param>
public sealed record CurvatureMoments(double[] Sum, double[] SumOfSquares, double Total)
{
    /// <summary>The moments at θ in one chunked pass whose partial sums are added in chunk order.</summary>
    /// <param name="data">The rows.</param>
    /// <param name="chunks">Their fixed chunks.</param>
    /// <param name="theta">The point (d weights and the bias).</param>
    /// <param name="scratch">2 × chunks.Count per-chunk buffers, kept by the caller across calls (a fit asks for moments more than once); null entries are allocated here.</param>
    internal static CurvatureMoments Compute<TLoss>(TrainingSet data, RowChunks chunks, ReadOnlySpan<double> theta, double[][] scratch)
        where TLoss : struct, IPointwiseLoss
    {
        int d = data.FeatureCount;
        var point = theta.Slice(0, d + 1).ToArray();
        for (int k = 0; k < scratch.Length; k++)
        {
            scratch[k] ??= new double[d];
        }
        var sums = scratch[..chunks.Count];
        var squares = scratch[chunks.Count..];
        var totals = new double[chunks.Count];
        chunks.Run(c =>
        {
            var loss = default(TLoss);
            var x = data.Features;
            var (start, end) = chunks[c];
            var w = new ReadOnlySpan<double>(point, 0, d);
            double b = point[d];
            var sum = sums[c];
            var sq = squares[c];
            Array.Clear(sum);
            Array.Clear(sq);
            double total = 0;
            for (int i = start; i < end; i++)
            {
                double s = data.WeightOf(i);
                if (s == 0)
                {
                    continue;
                }
                double curvature = s * loss.GaussNewtonCurvature(data.Labels[i], x.Dot(i, w) + b);
                if (curvature > 0)
                {
                    total += curvature;
                    x.AddScaledRowAndSquares(i, curvature, sum, sq);
                }
            }
            totals[c] = total;
        });
        var sumAll = new double[d];
        var squaresAll = new double[d];
        double totalAll = 0;
        for (int c = 0; c < chunks.Count; c++)
        {
            VectorKernels.AddScaled(sums[c], 1.0, sumAll);
            VectorKernels.AddScaled(squares[c], 1.0, squaresAll);
            totalAll += totals[c];
        }
        return new CurvatureMoments(sumAll, squaresAll, totalAll);
    }

    /// <summary>The diagonal of the Gauss–Newton Hessian of f in θ = (w, b): Σ cᵢxᵢⱼ² + L2 for the weights, Σ cᵢ for the bias.</summary>
    public double[] Diagonal(double l2) => [.. SumOfSquares.Select(v => v + l2), Total];

    /// <summary>The same in centred-bias coordinates (x − m for every weight, see <see cref="CenteredBiasObjective"/>).</summary>
    public double[] CenteredDiagonal(ReadOnlySpan<double> mean, double l2)
    {
        int d = Sum.Length;
        var diagonal = new double[d + 1];
        for (int j = 0; j < d; j++)
        {
            // Σ c(x − m)² = Σ cx² − 2m·Σ cx + m²·Σ c
            diagonal[j] = Math.Max(0, SumOfSquares[j] - 2 * mean[j] * Sum[j] + mean[j] * mean[j] * Total) + l2;
        }
        diagonal[d] = Total;
        return diagonal;
    }
}
