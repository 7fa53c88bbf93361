using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;

namespace LogReg.Core.Statistics;

/// <summary>
/// Sandwich covariances H⁻¹·B·H⁻¹ around θ = (w, b), as R's sandwich package computes them for a glm.
/// The meat B sums outer products of per-row scores uᵢ = sᵢ·ℓ'(yᵢ, zᵢ)·x̃ᵢ (x̃ᵢ = (xᵢ, 1)):
/// HC0 as is; HC1 times n/(n − k); HC3 with each score divided by (1 − hᵢ), hᵢ = sᵢℓ''ᵢ·x̃ᵢᵀH⁻¹x̃ᵢ the
/// leverage; Cluster with the scores summed within each cluster first, times G/(G − 1)
/// (<c>vcovCL</c>'s default for a glm; statsmodels' cluster covariance also multiplies by (n − 1)/(n − k)).
/// n counts the rows with a positive weight, k = d + 1.
/// </summary>
internal static class RobustSandwich
{
    public static string Describe(CovarianceType type) => type switch
    {
        CovarianceType.HC0 => "sandwich HC0 (White), as R sandwich::vcovHC(type = \"HC0\").",
        CovarianceType.HC1 => "sandwich HC1 = HC0·n/(n − k), as R sandwich::vcovHC(type = \"HC1\").",
        CovarianceType.HC3 => "sandwich HC3 (scores over 1 − leverage), as R sandwich::vcovHC(type = \"HC3\").",
        CovarianceType.Cluster => "cluster-robust sandwich, scores summed per cluster, times G/(G − 1), as R sandwich::vcovCL's default on a glm.",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a sandwich covariance."),
    };

    public static double[] Compute(TrainingSet data, double[] margins, double[] hInverse, IPointwiseLoss loss, CovarianceType type, IReadOnlyList<int>? clusters)
    {
        int k = data.FeatureCount + 1;
        var row = new double[k];
        var meat = new double[k * k];
        var clusterScores = new Dictionary<int, double[]>();
        int n = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            double s = data.WeightOf(i);
            if (s == 0)
            {
                continue;
            }
            n++;
            double y = data.Labels[i], z = margins[i];
            double g = s * loss.Derivative(y, z);
            data.Features.CopyRow(i, row);
            row[k - 1] = 1;
            if (type == CovarianceType.HC3)
            {
                double leverage = s * loss.Curvature(y, z) * Quadratic(hInverse, row, k);
                g /= 1 - leverage;
            }
            if (type == CovarianceType.Cluster)
            {
                if (!clusterScores.TryGetValue(clusters![i], out var u))
                {
                    clusterScores[clusters[i]] = u = new double[k];
                }
                VectorKernels.AddScaled(row, g, u);
                continue;
            }
            AddOuter(meat, row, g * g, k);
        }
        double factor = 1;
        if (type == CovarianceType.Cluster)
        {
            // In order of first appearance: the sum does not depend on the dictionary's order, up to rounding; keep it fixed.
            foreach (var u in clusterScores.Values)
            {
                AddOuter(meat, u, 1, k);
            }
            int groups = clusterScores.Count;
            factor = groups / (groups - 1.0);
        }
        else if (type == CovarianceType.HC1)
        {
            factor = n / (double)(n - k);
        }
        var covariance = DenseLinearAlgebra.Multiply(DenseLinearAlgebra.Multiply(hInverse, meat, k), hInverse, k);
        for (int j = 0; j < covariance.Length; j++)
        {
            covariance[j] *= factor;
        }
        return covariance;
    }

    private static void AddOuter(double[] target, double[] v, double scale, int k)
    {
        for (int a = 0; a < k; a++)
        {
            double va = scale * v[a];
            for (int c = 0; c < k; c++)
            {
                target[a * k + c] += va * v[c];
            }
        }
    }

    private static double Quadratic(double[] m, double[] v, int k)
    {
        double sum = 0;
        for (int a = 0; a < k; a++)
        {
            sum += v[a] * VectorKernels.Dot(new ReadOnlySpan<double>(m, a * k, k), v);
        }
        return sum;
    }
}
