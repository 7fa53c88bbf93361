using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The softmax objective where every weight is zero (W = 0, any biases) — where every fit without a warm start begins.
/// There every row has the same scores (the biases), so the same probabilities p = softmax(b), and each pass over the
/// rows reduces to moments of the data that do not depend on the point:
/// <code>
///   f      = N·logsumexp(b) − Σₖ nₖ·bₖ
///   ∂f/∂Wₖ = pₖ·M − Sₖ,   ∂f/∂bₖ = pₖ·N − nₖ
///   diag   = pₖ(1 − pₖ)·Q (weights), pₖ(1 − pₖ)·N (biases);   Σᵢ cᵢₖxᵢ = pₖ(1 − pₖ)·M
/// </code>
/// with Sₖ = Σ_{yᵢ = k} sᵢxᵢ, M = Σᵢ sᵢxᵢ, Q = Σᵢ sᵢxᵢ², nₖ = Σ_{yᵢ = k} sᵢ, N = Σᵢ sᵢ. The moments take one walk over
/// the rows with one addition per stored value (a pass proper multiplies each value by all K classes' weights, twice),
/// made once and kept; they then serve the start's value, gradient, Hessian diagonal and L-BFGS's preconditioner
/// (on an 80,000 × 50 × 5 dense fit of 9 L-BFGS iterations those were a gradient pass and a preconditioner build of the
/// eleven passes' cost). The sums are made in row order, so they do not depend on the thread count.
/// </summary>
internal sealed class SoftmaxZeroWeights
{
    private readonly MulticlassTrainingSet _data;
    private Moments? _moments;

    public SoftmaxZeroWeights(MulticlassTrainingSet data) => _data = data;

    private int Classes => _data.ClassCount;

    private int Features => _data.FeatureCount;

    private Moments Sums => _moments ??= Moments.Of(_data);

    /// <summary>Whether θ's weights are all zero (biases free).</summary>
    public bool AppliesAt(ReadOnlySpan<double> theta) => !theta.Slice(0, Classes * Features).ContainsAnyExcept(0.0);

    /// <summary>f(θ) without the penalty (zero at W = 0), and when <paramref name="gradient"/> is not empty its gradient.</summary>
    public double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var m = Sums;
        int K = Classes, d = Features;
        var bias = theta.Slice(K * d, K);
        var p = Probabilities(bias, out double logSumExp);
        double value = m.Total * logSumExp;
        for (int k = 0; k < K; k++)
        {
            value -= m.ClassTotals[k] * bias[k];
        }
        if (!gradient.IsEmpty)
        {
            for (int k = 0; k < K; k++)
            {
                var gk = gradient.Slice(k * d, d);
                var sk = m.ClassSums.AsSpan(k * d, d);
                for (int j = 0; j < d; j++)
                {
                    gk[j] = p[k] * m.ColumnSums[j] - sk[j];
                }
                gradient[K * d + k] = p[k] * m.Total - m.ClassTotals[k];
            }
        }
        return value;
    }

    /// <summary>
    /// Σᵢ cᵢₖ·xᵢⱼ² + <paramref name="l2"/> (<paramref name="squared"/>, the Hessian's diagonal) or Σᵢ cᵢₖ·xᵢⱼ, with
    /// cᵢₖ = sᵢ·pₖ(1 − pₖ), in θ's layout (the biases' entries Σᵢ cᵢₖ) — what <see cref="SoftmaxDiagonal"/> computes by a pass.
    /// </summary>
    public double[] CurvatureSums(ReadOnlySpan<double> theta, double l2, bool squared)
    {
        var m = Sums;
        int K = Classes, d = Features;
        var p = Probabilities(theta.Slice(K * d, K), out _);
        var moments = squared ? m.Squares : m.ColumnSums;
        var result = new double[K * (d + 1)];
        for (int k = 0; k < K; k++)
        {
            double c = p[k] * (1 - p[k]);
            for (int j = 0; j < d; j++)
            {
                result[k * d + j] = c * moments[j] + l2;
            }
            result[K * d + k] = c * m.Total;
        }
        return result;
    }

    /// <summary>Every row's probabilities in the passes' layout (n × <paramref name="stride"/>, 0 in the padding).</summary>
    public double[] PaddedProbabilities(ReadOnlySpan<double> theta, int stride)
    {
        int K = Classes, n = _data.RowCount;
        var p = Probabilities(theta.Slice(K * Features, K), out _);
        var padded = new double[n * stride];
        for (int i = 0; i < n; i++)
        {
            p.CopyTo(padded.AsSpan(i * stride, K));
        }
        return padded;
    }

    private static double[] Probabilities(ReadOnlySpan<double> bias, out double logSumExp)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (double b in bias)
        {
            max = Math.Max(max, b);
        }
        foreach (double b in bias)
        {
            sum += Math.Exp(b - max);
        }
        logSumExp = max + Math.Log(sum);
        var p = bias.ToArray();
        Softmax.InPlace(p);
        return p;
    }

    // Sₖ (K × d, θ's layout), M = Σₖ Sₖ, Q, nₖ and N, made in row order.
    private sealed record Moments(double[] ClassSums, double[] ColumnSums, double[] Squares, double[] ClassTotals, double Total)
    {
        public static Moments Of(MulticlassTrainingSet data)
        {
            int K = data.ClassCount, d = data.FeatureCount;
            var x = data.Features;
            var y = data.Labels;
            var s = data.ExampleWeights;
            var classSums = new double[K * d];
            var squares = new double[d];
            var classTotals = new double[K];
            for (int i = 0; i < x.RowCount; i++)
            {
                double si = s is null ? 1.0 : s[i];
                if (si == 0)
                {
                    continue;
                }
                x.AddScaledRowAndSquares(i, si, classSums.AsSpan(y[i] * d, d), squares);
                classTotals[y[i]] += si;
            }
            var columnSums = new double[d];
            for (int k = 0; k < K; k++)
            {
                for (int j = 0; j < d; j++)
                {
                    columnSums[j] += classSums[k * d + j];
                }
            }
            return new Moments(classSums, columnSums, squares, classTotals, classTotals.Sum());
        }
    }
}
