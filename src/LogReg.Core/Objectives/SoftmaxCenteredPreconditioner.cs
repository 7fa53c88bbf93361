using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>
/// The binary model's centred-diagonal preconditioner (<see cref="CurvaturePreconditioner"/>) for each class of the softmax:
/// class k's weights scaled by their centred curvature and its bias freed of their curvature-weighted means, with
/// cᵢₖ = sᵢ·p_{ik}(1 − p_{ik}) (the Hessian's diagonal blocks; the classes' coupling is left to the quasi-Newton memory).
/// </summary>
internal sealed class SoftmaxCenteredPreconditioner : IPreconditioner
{
    private readonly CurvaturePreconditioner[] _classes;
    private readonly int _features;

    private SoftmaxCenteredPreconditioner(CurvaturePreconditioner[] classes, int features)
    {
        _classes = classes;
        _features = features;
    }

    /// <param name="diagonal">The Hessian's diagonal in θ's layout, L2 included on the weights.</param>
    /// <param name="columnSums">Σᵢ cᵢₖ·xᵢⱼ in θ's layout.</param>
    /// <param name="classes">K.</param>
    /// <param name="features">d.</param>
    /// <param name="l2">The L2 weight included in the diagonal's weight entries.</param>
    public static SoftmaxCenteredPreconditioner From(double[] diagonal, double[] columnSums, int classes, int features, double l2)
    {
        int d = features;
        var perClass = new CurvaturePreconditioner[classes];
        for (int k = 0; k < classes; k++)
        {
            perClass[k] = CurvaturePreconditioner.FromSums(columnSums.AsSpan(k * d, d), diagonal.AsSpan(k * d, d), diagonal[classes * d + k], offset: l2, l2, center: true);
        }
        return new SoftmaxCenteredPreconditioner(perClass, features);
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> v, Span<double> result)
    {
        int d = _features, K = _classes.Length;
        for (int k = 0; k < K; k++)
        {
            result[K * d + k] = _classes[k].Apply(v.Slice(k * d, d), v[K * d + k], result.Slice(k * d, d));
        }
    }
}
