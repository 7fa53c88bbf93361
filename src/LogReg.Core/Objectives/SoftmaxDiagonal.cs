using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The diagonal of the softmax Hessian at θ: Σᵢ sᵢ·p_{ik}(1 − p_{ik})·x_{ij}² (+ L2) for weight (k, j),
/// Σᵢ sᵢ·p_{ik}(1 − p_{ik}) for bias k — one pass with the objective's kernels (the transposed half on the rows'
/// squares), summed per chunk in chunk order. As a preconditioner it makes L-BFGS's steps those of a problem with
/// every coordinate on the same curvature scale (rare sparse features and frequent ones alike).
/// </summary>
internal static class SoftmaxDiagonal
{
    /// <param name="data">The rows.</param>
    /// <param name="chunks">The objective's chunks.</param>
    /// <param name="buffers">The objective's pass buffers.</param>
    /// <param name="theta">The point.</param>
    /// <param name="probabilities">The rows' probabilities at θ (n × Stride) if known, else null: a forward half computes them.</param>
    /// <param name="l2">Added to every weight's entry.</param>
    /// <param name="squared">The rows' squares (the diagonal; the default) or the rows themselves (the column sums Σᵢ cᵢₖ·xᵢⱼ).</param>
    public static double[] Compute(MulticlassTrainingSet data, RowChunks chunks, SoftmaxPassBuffers buffers, ReadOnlySpan<double> theta, double[]? probabilities, double l2, bool squared = true)
    {
        int K = data.ClassCount, d = data.FeatureCount;
        var blocks = buffers.Blocks;
        int stride = blocks.Stride;
        if (probabilities is null)
        {
            blocks.Load(theta);
        }
        chunks.Run(c =>
        {
            var (start, end) = chunks[c];
            var block = buffers.BlockBuffers[c];
            var partial = buffers.Partials[c].AsSpan();
            partial.Clear();
            var s = data.ExampleWeights;
            for (int blockStart = start; blockStart < end; blockStart += blocks.Rows)
            {
                int count = Math.Min(blocks.Rows, end - blockStart);
                Span<double> p;
                if (probabilities is null)
                {
                    blocks.Forward(blockStart, count, block);
                    Softmax.ProbabilitiesBlock(block.Scores, block.Scores, count, stride, K);
                    p = block.Scores;
                }
                else
                {
                    blocks.Gather(blockStart, count, block);
                    p = probabilities.AsSpan(blockStart * stride, count * stride);
                }
                var curvature = blocks.CoefficientsOf(block);
                for (int r = 0; r < count; r++)
                {
                    double si = s is null ? 1.0 : s[blockStart + r];
                    // The padding's p is 0, so its curvature is too.
                    for (int k = 0; k < stride; k++)
                    {
                        double pk = p[r * stride + k];
                        curvature[r * stride + k] = si * pk * (1 - pk);
                    }
                }
                blocks.Backward(block, partial, squared);
            }
        });
        var total = new double[K * (d + 1)];
        blocks.Finish(buffers.Partials, total, squared);
        for (int j = 0; j < K * d; j++)
        {
            total[j] += l2;
        }
        return total;
    }
}
