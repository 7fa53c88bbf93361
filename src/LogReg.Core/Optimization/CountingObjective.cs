using LogReg.Core.Penalties;

namespace LogReg.Core.Optimization;

/// <summary>
/// Wraps the objective an optimizer minimises and counts every evaluation by kind, so that all
/// optimizers report <see cref="EvaluationCounts"/> the same way. Forwards the preconditioner and
/// the mini-batch view when the inner objective has them.
/// </summary>
internal sealed class CountingObjective : IDifferentiableObjective
{
    private readonly IDifferentiableObjective _inner;
    private int _values;
    private int _gradients;
    private int _hessians;
    private int _products;
    private int _preconditioners;

    public CountingObjective(IDifferentiableObjective inner) => _inner = inner;

    public int Dimension => _inner.Dimension;

    public ElasticNetPenalty Penalty => _inner.Penalty;

    public double ValueScale => _inner.ValueScale;

    public double ValueResolution => _inner.ValueResolution;

    /// <summary>The inner objective's curvature diagonal (one pass, counted as a preconditioner evaluation).</summary>
    public double[]? CurvatureDiagonalAt(ReadOnlySpan<double> x)
    {
        _preconditioners++;
        return _inner.CurvatureDiagonalAt(x);
    }

    public bool CanPrecondition => _inner is IPreconditionedObjective;

    /// <summary>The mini-batch view, or null when the objective is not a sum over samples.</summary>
    public ISampleEstimator? Samples => (_inner as IStochasticObjective)?.Samples;

    public EvaluationCounts Counts => new(_values, _gradients, _hessians, _products, _preconditioners);

    public double SmoothValue(ReadOnlySpan<double> x)
    {
        _values++;
        return _inner.SmoothValue(x);
    }

    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        _gradients++;
        return _inner.SmoothValueAndGradient(x, gradient);
    }

    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false)
    {
        _hessians++;
        return new CountingCurvature(_inner.HessianAt(x, gaussNewton), this);
    }

    /// <summary>The inner objective's preconditioner at x (callers check <see cref="CanPrecondition"/>).</summary>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> x)
    {
        _preconditioners++;
        return ((IPreconditionedObjective)_inner).PreconditionerAt(x);
    }

    private sealed class CountingCurvature : ICurvature
    {
        private readonly ICurvature _inner;
        private readonly CountingObjective _owner;

        public CountingCurvature(ICurvature inner, CountingObjective owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public int Dimension => _inner.Dimension;

        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            _owner._products++;
            _inner.Multiply(v, result);
        }

        public double[] ToDense() => _inner.ToDense();

        public bool TryGetDiagonal(Span<double> diagonal)
        {
            bool made = _inner.TryGetDiagonal(diagonal);
            if (made)
            {
                _owner._preconditioners++;
            }
            return made;
        }
    }
}
