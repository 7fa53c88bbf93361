using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The diagonal of the softmax Hessian at θ: Σᵢ sᵢ·p_{ik}(1 − p_{ik})·x_{ij}² (+ L2) for weight (k, j),
/// Σᵢ sᵢ·p_{ik}(1 − p_{ik}) for bias k — one pass, summed per chunk in chunk order. As a
/// preconditioner it makes L-BFGS's steps those of a problem with every coordinate on the same
/// curvature scale (rare sparse features and frequent ones alike).
/// </summary>
internal static class SoftmaxDiagonal
{
    public static double[] Compute(MulticlassTrainingSet data, RowChunks chunks, ReadOnlySpan<double> theta, double l2)
    {
        int K = data.ClassCount, d = data.FeatureCount, dimension = K * (d + 1);
        var blocks = new SoftmaxBlocks(data.Features, K);
        blocks.Load(theta);
        var partials = new double[chunks.Count][];
        chunks.Run(c =>
        {
            var diagonal = partials[c] = new double[dimension];
            var block = blocks.NewBlock();
            var p = new double[K];
            var s = data.ExampleWeights;
            var (start, end) = chunks[c];
            for (int blockStart = start; blockStart < end; blockStart += blocks.Rows)
            {
                int count = Math.Min(blocks.Rows, end - blockStart);
                blocks.Forward(blockStart, count, block);
                for (int r = 0; r < count; r++)
                {
                    int i = blockStart + r;
                    double si = s is null ? 1.0 : s[i];
                    if (si == 0)
                    {
                        continue;
                    }
                    block.Scores.AsSpan(r * blocks.Stride, K).CopyTo(p);
                    Softmax.InPlace(p);
                    for (int k = 0; k < K; k++)
                    {
                        double curvature = si * p[k] * (1 - p[k]);
                        data.Features.AddScaledSquaredRow(i, curvature, diagonal.AsSpan(k * d, d));
                        diagonal[K * d + k] += curvature;
                    }
                }
            }
        });
        var total = new double[dimension];
        foreach (var partial in partials)
        {
            VectorKernels.AddScaled(partial, 1.0, total);
        }
        for (int j = 0; j < K * d; j++)
        {
            total[j] += l2;
        }
        return total;
    }
}
