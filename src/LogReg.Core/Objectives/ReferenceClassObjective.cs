using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The unpenalised softmax objective with class 0 as the reference (W₀ = 0, b₀ = 0), over
/// β = (W₁, …, W_{K−1}, b₁, …, b_{K−1}): the identifiable parametrisation of multinomial logit
/// (statsmodels' MNLogit, R's nnet::multinom), whose Hessian is non-singular when the maximum-
/// likelihood estimate exists. Value, gradient and curvature are the full objective's at (0, β),
/// restricted to β.
/// </summary>
internal sealed class ReferenceClassObjective : IDifferentiableObjective
{
    private readonly SoftmaxObjective _full;
    private readonly double[] _theta;
    private readonly double[] _gradient;

    /// <summary>Wraps an unpenalised softmax objective.</summary>
    public ReferenceClassObjective(SoftmaxObjective full)
    {
        ArgumentNullException.ThrowIfNull(full);
        if (full.Penalty.L2 != 0 || full.Penalty.L1 != 0 || full.Penalty.NonNegative)
        {
            throw new ArgumentException("The reference-class parametrisation is for the unpenalised likelihood.", nameof(full));
        }
        _full = full;
        _theta = new double[full.Dimension];
        _gradient = new double[full.Dimension];
    }

    /// <summary>(K − 1)·(d + 1).</summary>
    public int Dimension => (_full.Classes - 1) * (_full.FeatureCount + 1);

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; } = ElasticNetPenalty.None;

    /// <inheritdoc/>
    public double ValueScale => _full.ValueScale;

    /// <summary>The full parameter vector (class 0 all zero) of β.</summary>
    public double[] ToFull(ReadOnlySpan<double> beta)
    {
        var theta = new double[_full.Dimension];
        Expand(beta, theta);
        return theta;
    }

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> x)
    {
        Expand(x, _theta);
        return _full.SmoothValue(_theta);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Expand(x, _theta);
        double value = _full.SmoothValueAndGradient(_theta, _gradient);
        Restrict(_gradient, gradient);
        return value;
    }

    /// <inheritdoc/>
    public double[]? CurvatureDiagonalAt(ReadOnlySpan<double> x)
    {
        Expand(x, _theta);
        var beta = new double[Dimension];
        Restrict(_full.CurvatureDiagonalAt(_theta), beta);
        return beta;
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false)
    {
        Expand(x, _theta);
        return new Restricted(this, _full.HessianAt(_theta));
    }

    // β's weight block k − 1 and bias k − 1 go to class k; class 0 stays zero.
    private void Expand(ReadOnlySpan<double> beta, Span<double> theta)
    {
        int d = _full.FeatureCount, K = _full.Classes;
        theta.Clear();
        beta.Slice(0, (K - 1) * d).CopyTo(theta.Slice(d));
        beta.Slice((K - 1) * d, K - 1).CopyTo(theta.Slice(K * d + 1));
    }

    private void Restrict(ReadOnlySpan<double> theta, Span<double> beta)
    {
        int d = _full.FeatureCount, K = _full.Classes;
        theta.Slice(d, (K - 1) * d).CopyTo(beta);
        theta.Slice(K * d + 1, K - 1).CopyTo(beta.Slice((K - 1) * d));
    }

    private sealed class Restricted : ICurvature
    {
        private readonly ReferenceClassObjective _owner;
        private readonly ICurvature _full;
        private readonly double[] _v;
        private readonly double[] _result;

        public Restricted(ReferenceClassObjective owner, ICurvature full)
        {
            _owner = owner;
            _full = full;
            _v = new double[full.Dimension];
            _result = new double[full.Dimension];
        }

        public int Dimension => _owner.Dimension;

        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            _owner.Expand(v, _v);
            _full.Multiply(_v, _result);
            _owner.Restrict(_result, result);
        }

        public double[] ToDense() => CurvatureColumns.ToDense(this);
    }
}
