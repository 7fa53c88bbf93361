using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The softmax Hessian formed densely in one pass, H = Σᵢ sᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + L2 on W, for full Newton on
/// small problems (iris-sized: K·(d + 1) a few dozen), where it costs less than one Hessian-vector pass per column.
/// Row i adds Aᵢ[k, l]·x̃ᵢⱼx̃ᵢₘ to entry ((k, j), (l, m)), Aᵢ = sᵢ(diag(pᵢ) − pᵢpᵢᵀ), per chunk in chunk order.
/// </summary>
internal static class SoftmaxDenseHessian
{
    // probabilities: n × stride, row i's K probabilities at i·stride.
    public static double[] Compute(MulticlassTrainingSet data, double[] probabilities, int stride, ElasticNetPenalty penalty, RowChunks chunks)
    {
        int K = data.ClassCount, d = data.FeatureCount, n = K * (d + 1);
        var partials = new double[chunks.Count][];
        chunks.Run(c =>
        {
            var h = partials[c] = new double[n * n];
            var x = new double[d + 1];
            var index = new int[n];
            var a = new double[K * K];
            var (start, end) = chunks[c];
            var s = data.ExampleWeights;
            for (int i = start; i < end; i++)
            {
                double si = s is null ? 1.0 : s[i];
                if (si == 0)
                {
                    continue;
                }
                data.Features.CopyRow(i, x.AsSpan(0, d));
                x[d] = 1;
                var p = probabilities.AsSpan(i * stride, K);
                for (int k = 0; k < K; k++)
                {
                    for (int l = 0; l < K; l++)
                    {
                        a[k * K + l] = si * ((k == l ? p[k] : 0) - p[k] * p[l]);
                    }
                }
                // Parameter (k, j): weight k·d + j, or bias K·d + k for j = d.
                for (int k = 0; k < K; k++)
                {
                    for (int j = 0; j <= d; j++)
                    {
                        index[k * (d + 1) + j] = j < d ? k * d + j : K * d + k;
                    }
                }
                for (int k = 0; k < K; k++)
                {
                    for (int l = 0; l < K; l++)
                    {
                        double akl = a[k * K + l];
                        for (int j = 0; j <= d; j++)
                        {
                            double scaled = akl * x[j];
                            if (scaled == 0)
                            {
                                continue;
                            }
                            var row = h.AsSpan(index[k * (d + 1) + j] * n, n);
                            for (int m = 0; m <= d; m++)
                            {
                                row[index[l * (d + 1) + m]] += scaled * x[m];
                            }
                        }
                    }
                }
            }
        });
        var total = new double[n * n];
        foreach (var partial in partials)
        {
            VectorKernels.AddScaled(partial, 1.0, total);
        }
        penalty.AddSmoothCurvatureToDense(total, n);
        return total;
    }
}
