using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// A smooth, unpenalised objective with some coordinates held at given values, over the others: F(β) = f(θ) with θ the
/// held values and β scattered into the free places. Its gradient, curvature diagonal and curvature are f's restricted to
/// the free coordinates. Serves the multinomial logit's reference-class parametrisation (class 0's coordinates held at
/// 0, <see cref="ReferenceClassObjective"/>) and the profile likelihood's inner maximisation (one coordinate held).
/// </summary>
internal sealed class FixedCoordinatesObjective : IDifferentiableObjective
{
    private readonly IDifferentiableObjective _full;
    private readonly double[] _held;
    private readonly int[] _free;
    private readonly double[] _theta;
    private readonly double[] _gradient;

    /// <param name="full">f, unpenalised.</param>
    /// <param name="held">f's coordinates: the held values where <paramref name="isHeld"/> is true (the others are ignored).</param>
    /// <param name="isHeld">Which coordinates are held.</param>
    public FixedCoordinatesObjective(IDifferentiableObjective full, double[] held, Func<int, bool> isHeld)
    {
        ArgumentNullException.ThrowIfNull(full);
        if (full.Penalty.L2 != 0 || full.Penalty.L1 != 0 || full.Penalty.NonNegative)
        {
            throw new ArgumentException("Holding coordinates is for an unpenalised objective.", nameof(full));
        }
        _full = full;
        _held = (double[])held.Clone();
        _free = Enumerable.Range(0, full.Dimension).Where(j => !isHeld(j)).ToArray();
        _theta = new double[full.Dimension];
        _gradient = new double[full.Dimension];
    }

    /// <inheritdoc/>
    public int Dimension => _free.Length;

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; } = ElasticNetPenalty.None;

    /// <inheritdoc/>
    public double ValueScale => _full.ValueScale;

    /// <summary>f's coordinates for β: the held values, β in the free places.</summary>
    public double[] Expand(ReadOnlySpan<double> beta)
    {
        var theta = new double[_full.Dimension];
        Expand(beta, theta);
        return theta;
    }

    /// <summary>The free coordinates of f's point <paramref name="theta"/>.</summary>
    public double[] Restrict(ReadOnlySpan<double> theta)
    {
        var beta = new double[Dimension];
        Restrict(theta, beta);
        return beta;
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
        return _full.CurvatureDiagonalAt(_theta) is { } diagonal ? Restrict(diagonal) : null;
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false)
    {
        Expand(x, _theta);
        return new Restricted(this, _full.HessianAt(_theta, gaussNewton));
    }

    private void Expand(ReadOnlySpan<double> beta, Span<double> theta)
    {
        _held.CopyTo(theta);
        for (int a = 0; a < _free.Length; a++)
        {
            theta[_free[a]] = beta[a];
        }
    }

    private void Restrict(ReadOnlySpan<double> theta, Span<double> beta)
    {
        for (int a = 0; a < _free.Length; a++)
        {
            beta[a] = theta[_free[a]];
        }
    }

    // f's curvature on the free coordinates: products through f's, and the dense form as the free rows and columns of
    // f's own (whatever way f forms it: a Gram kernel, or one product per column).
    private sealed class Restricted(FixedCoordinatesObjective owner, ICurvature full) : ICurvature
    {
        private readonly double[] _v = new double[full.Dimension];
        private readonly double[] _result = new double[full.Dimension];

        public int Dimension => owner.Dimension;

        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            Array.Clear(_v);
            for (int a = 0; a < owner._free.Length; a++)
            {
                _v[owner._free[a]] = v[a];
            }
            full.Multiply(_v, _result);
            owner.Restrict(_result, result);
        }

        public double[] ToDense()
        {
            var dense = full.ToDense();
            int k = full.Dimension, m = owner._free.Length;
            var restricted = new double[m * m];
            for (int a = 0; a < m; a++)
            {
                for (int b = 0; b < m; b++)
                {
                    restricted[a * m + b] = dense[owner._free[a] * k + owner._free[b]];
                }
            }
            return restricted;
        }
    }
}
