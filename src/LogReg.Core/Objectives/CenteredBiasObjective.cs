using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The linear-model objective in centred-bias coordinates u = (w, b′) with b′ = b + m·w, m the
/// (example-weighted) column means: the margin is w·(x − m) + b′. The weights — and so the L1 term —
/// are the same in both coordinates, which is why OWL-QN may run here: the change of variables only
/// removes the coupling between the bias and weights of features with large means, which is what
/// makes L1 fits on raw, badly scaled features slow. Its preconditioner is diagonal (one scale per
/// coordinate keeps OWL-QN's orthants): 1/hⱼ with hⱼ = Σ cᵢ(xᵢⱼ − mⱼ)² + L2 and 1/Σ cᵢ for b′.
/// </summary>
internal sealed class CenteredBiasObjective : IPreconditionedObjective
{
    private readonly ILinearModelObjective _inner;
    private readonly double[] _mean;
    private readonly double[] _theta;
    private readonly double[] _gradient;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public CenteredBiasObjective(ILinearModelObjective inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        int d = inner.FeatureCount;
        var data = inner.Data;
        _mean = new double[d];
        double total = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            double s = data.WeightOf(i);
            if (s != 0)
            {
                data.Features.AddScaledRow(i, s, _mean); // O(stored values): sparse stays sparse
                total += s;
            }
        }
        for (int j = 0; j < d; j++)
        {
            _mean[j] = total > 0 ? _mean[j] / total : 0;
        }
        _theta = new double[inner.Dimension];
        _gradient = new double[inner.Dimension];
    }

    /// <inheritdoc/>
    public int Dimension => _inner.Dimension;

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty => _inner.Penalty;

    /// <inheritdoc/>
    public double ValueScale => _inner.ValueScale;

    /// <summary>θ = (w, b′ − m·w) from u = (w, b′).</summary>
    public void ToOriginal(ReadOnlySpan<double> u, Span<double> theta)
    {
        int d = _inner.FeatureCount;
        double shift = 0;
        for (int j = 0; j < d; j++)
        {
            theta[j] = u[j];
            shift += _mean[j] * u[j];
        }
        theta[d] = u[d] - shift;
    }

    /// <summary>u = (w, b + m·w) from θ = (w, b).</summary>
    public double[] FromOriginal(ReadOnlySpan<double> theta)
    {
        int d = _inner.FeatureCount;
        var u = theta.Slice(0, d + 1).ToArray();
        for (int j = 0; j < d; j++)
        {
            u[d] += _mean[j] * theta[j];
        }
        return u;
    }

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> u)
    {
        ToOriginal(u, _theta);
        return _inner.SmoothValue(_theta);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> u, Span<double> gradient)
    {
        ToOriginal(u, _theta);
        double f = _inner.SmoothValueAndGradient(_theta, _gradient);
        int d = _inner.FeatureCount;
        double gb = _gradient[d];
        for (int j = 0; j < d; j++)
        {
            gradient[j] = _gradient[j] - _mean[j] * gb; // chain rule through b = b′ − m·w
        }
        gradient[d] = gb;
        return f;
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> u, bool gaussNewton = false)
    {
        var theta = new double[Dimension];
        ToOriginal(u, theta);
        return new CenteredBiasCurvature(_inner.HessianAt(theta, gaussNewton), _mean);
    }

    /// <inheritdoc/>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> u) => new DiagonalPreconditioner(CurvatureDiagonalAt(u));

    /// <inheritdoc/>
    public double[] CurvatureDiagonalAt(ReadOnlySpan<double> u)
    {
        ToOriginal(u, _theta);
        return _inner.MomentsAt(_theta).CenteredDiagonal(_mean, Penalty.L2);
    }
}
