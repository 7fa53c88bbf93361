using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// A smooth, unpenalised objective with one coordinate held at a value: F(θ₋ⱼ) = f(θ with θⱼ = c) over the other
/// coordinates — the profile likelihood's inner maximisation, on the optimizer loop like every fit. Its gradient and
/// curvature are f's without row and column j.
/// </summary>
internal sealed class PinnedCoordinateObjective : IDifferentiableObjective
{
    private readonly IDifferentiableObjective _inner;
    private readonly int _pinned;
    private readonly double _value;
    private readonly double[] _full;
    private readonly double[] _fullGradient;

    public PinnedCoordinateObjective(IDifferentiableObjective inner, int pinned, double value)
    {
        _inner = inner;
        _pinned = pinned;
        _value = value;
        _full = new double[inner.Dimension];
        _fullGradient = new double[inner.Dimension];
        Dimension = inner.Dimension - 1;
        Penalty = new ElasticNetPenalty(0, 0, Dimension - 1);
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <inheritdoc/>
    public double ValueScale => _inner.ValueScale;

    /// <summary>The full point: the free coordinates with the pinned one inserted.</summary>
    public double[] Expand(ReadOnlySpan<double> x)
    {
        var full = new double[_inner.Dimension];
        Fill(x, full);
        return full;
    }

    /// <summary>The free coordinates of a full point.</summary>
    public double[] Restrict(ReadOnlySpan<double> full)
    {
        var x = new double[Dimension];
        for (int a = 0, b = 0; a < full.Length; a++)
        {
            if (a != _pinned)
            {
                x[b++] = full[a];
            }
        }
        return x;
    }

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> x)
    {
        Fill(x, _full);
        return _inner.SmoothValue(_full);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Fill(x, _full);
        double value = _inner.SmoothValueAndGradient(_full, _fullGradient);
        for (int a = 0, b = 0; a < _fullGradient.Length; a++)
        {
            if (a != _pinned)
            {
                gradient[b++] = _fullGradient[a];
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false)
    {
        Fill(x, _full);
        var dense = _inner.HessianAt(_full, gaussNewton).ToDense();
        int k = _inner.Dimension, m = Dimension;
        var restricted = new double[m * m];
        for (int a = 0, ra = 0; a < k; a++)
        {
            if (a == _pinned)
            {
                continue;
            }
            for (int b = 0, rb = 0; b < k; b++)
            {
                if (b != _pinned)
                {
                    restricted[ra * m + rb++] = dense[a * k + b];
                }
            }
            ra++;
        }
        return new DenseCurvature(restricted, m);
    }

    private void Fill(ReadOnlySpan<double> x, double[] full)
    {
        for (int a = 0, b = 0; a < full.Length; a++)
        {
            full[a] = a == _pinned ? _value : x[b++];
        }
    }
}
