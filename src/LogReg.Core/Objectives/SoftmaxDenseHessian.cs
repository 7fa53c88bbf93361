using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The softmax Hessian formed densely, H = Σᵢ sᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + L2 on W, for full Newton on small problems
/// (iris-sized: K·(d + 1) a few dozen). Its block for classes (k, l) is a weighted Gram matrix, Σᵢ aᵢₖₗ·x̃ᵢx̃ᵢᵀ with
/// aᵢₖₗ = sᵢ([k = l]·p_{ik} − p_{ik}p_{il}), so each of the K(K + 1)/2 blocks comes from the rows' blocked Gram kernel
/// (<see cref="DenseGramKernel"/>) per chunk, the chunks added in order.
/// </summary>
internal static class SoftmaxDenseHessian
{
    // Rows per call of the Gram kernel: other row layouts are written out as dense floats in blocks this size, and dense
    // rows are taken in the same blocks, so dense and sparse rows give the same bits.
    private const int BlockRows = 4 * DenseGramKernel.PanelRows;

    // probabilities: n × stride, row i's K probabilities at i·stride.
    public static double[] Compute(MulticlassTrainingSet data, double[] probabilities, int stride, ElasticNetPenalty penalty, RowChunks chunks)
    {
        int K = data.ClassCount, d = data.FeatureCount, m = d + 1, n = K * m, pairs = K * (K + 1) / 2;
        var partials = new double[chunks.Count][];
        chunks.Run(c =>
        {
            var (start, end) = chunks[c];
            var blocks = partials[c] = new double[pairs * m * m];
            var weights = new double[BlockRows];
            var rows = data.Features as DenseMatrix;
            var dense = rows is null ? new float[BlockRows * d] : null;
            var row = rows is null ? new double[d] : null;
            var s = data.ExampleWeights;
            for (int blockStart = start; blockStart < end; blockStart += BlockRows)
            {
                int count = Math.Min(BlockRows, end - blockStart);
                if (dense is not null)
                {
                    for (int r = 0; r < count; r++)
                    {
                        data.Features.CopyRow(blockStart + r, row);
                        for (int j = 0; j < d; j++)
                        {
                            dense[r * d + j] = (float)row![j];
                        }
                    }
                }
                for (int k = 0, pair = 0; k < K; k++)
                {
                    for (int l = k; l < K; l++, pair++)
                    {
                        for (int r = 0; r < count; r++)
                        {
                            int i = blockStart + r;
                            double pk = probabilities[i * stride + k], pl = probabilities[i * stride + l];
                            weights[r] = (s is null ? 1.0 : s[i]) * ((k == l ? pk : 0) - pk * pl);
                        }
                        var block = blocks.AsSpan(pair * m * m, m * m);
                        if (dense is null)
                        {
                            rows!.AddWeightedGram(blockStart, count, weights.AsSpan(0, count), block);
                        }
                        else
                        {
                            DenseGramKernel.AddWeightedGram(dense, d, 0, count, weights.AsSpan(0, count), block);
                        }
                    }
                }
            }
        });
        var total = new double[pairs * m * m];
        foreach (var partial in partials)
        {
            VectorKernels.AddScaled(partial, 1.0, total);
        }
        // Parameter (k, j): weight k·d + j, or bias K·d + k for j = d. Each block is symmetric; its upper triangle is kept.
        int Index(int k, int j) => j < d ? k * d + j : K * d + k;
        var h = new double[n * n];
        for (int k = 0, pair = 0; k < K; k++)
        {
            for (int l = k; l < K; l++, pair++)
            {
                var block = total.AsSpan(pair * m * m, m * m);
                for (int j = 0; j < m; j++)
                {
                    for (int q = 0; q < m; q++)
                    {
                        double value = block[Math.Min(j, q) * m + Math.Max(j, q)];
                        h[Index(k, j) * n + Index(l, q)] = value;
                        h[Index(l, q) * n + Index(k, j)] = value;
                    }
                }
            }
        }
        penalty.AddSmoothCurvatureToDense(h, n);
        return h;
    }
}
