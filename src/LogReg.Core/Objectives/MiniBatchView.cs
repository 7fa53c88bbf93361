using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The mini-batch view of a linear-model objective f = Σᵢ sᵢ·ℓ(yᵢ, zᵢ) + (L2/2)‖w‖²: unbiased
/// estimates of f/n from a few rows, and the average per-row curvature bound that sets SGD's step.
/// Averaged over batches of equal size that partition the rows, the estimates equal ∇f/n exactly.
/// </summary>
/// <typeparam name="TLoss">The point-wise loss.</typeparam>
internal sealed class MiniBatchView<TLoss> : ISampleEstimator
    where TLoss : struct, IPointwiseLoss
{
    private readonly TrainingSet _data;
    private readonly ElasticNetPenalty _penalty;

    /// <summary>A view of <paramref name="data"/> with the smooth part of <paramref name="penalty"/>.</summary>
    public MiniBatchView(TrainingSet data, ElasticNetPenalty penalty)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _penalty = penalty ?? throw new ArgumentNullException(nameof(penalty));
    }

    /// <inheritdoc/>
    public int SampleCount => _data.RowCount;

    /// <inheritdoc/>
    public double MeanValueAndGradient(ReadOnlySpan<double> theta, ReadOnlySpan<int> samples, Span<double> gradient)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(samples));
        }
        int d = _data.FeatureCount;
        var loss = default(TLoss);
        var x = _data.Features;
        gradient.Slice(0, d + 1).Clear();
        var w = theta.Slice(0, d);
        double b = theta[d];
        double value = 0, gb = 0;
        foreach (int i in samples)
        {
            double s = _data.WeightOf(i);
            value += s * loss.ValueAndDerivative(_data.Labels[i], x.Dot(i, w) + b, out double d1);
            double coefficient = s * d1;
            if (coefficient != 0)
            {
                x.AddScaledRow(i, coefficient, gradient);
                gb += coefficient;
            }
        }
        double scale = 1.0 / samples.Length;
        double n = SampleCount;
        for (int j = 0; j < d; j++)
        {
            gradient[j] = gradient[j] * scale + _penalty.L2 / n * w[j];
        }
        gradient[d] = gb * scale;
        return value * scale + _penalty.SmoothValue(theta) / n;
    }

    /// <summary>
    /// The average over rows of sᵢ·κ·‖x̃ᵢ‖², plus L2/n, with κ the loss's curvature bound: it bounds
    /// the curvature of f/n along any row direction on average (a mini-batch averages rows, so the
    /// average, not the worst row, sets the safe step).
    /// </summary>
    public double LipschitzBound()
    {
        int d = _data.FeatureCount;
        // Σᵢ sᵢ‖xᵢ‖² as the sum over columns of Σᵢ sᵢxᵢⱼ² (touches stored values only).
        var squares = new double[d];
        double totalWeight = 0;
        for (int i = 0; i < SampleCount; i++)
        {
            double s = _data.WeightOf(i);
            _data.Features.AddScaledSquaredRow(i, s, squares);
            totalWeight += s;
        }
        double sum = totalWeight;
        foreach (double v in squares)
        {
            sum += v;
        }
        return default(TLoss).CurvatureBound * sum / Math.Max(totalWeight, double.Epsilon) + _penalty.L2 / Math.Max(1, SampleCount);
    }
}
