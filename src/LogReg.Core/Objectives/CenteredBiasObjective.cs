using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>
/// The linear-model objective in centred-bias coordinates u = (w, b′) with b′ = b + m·w, m the
/// (example-weighted) column means: the margin is w·(x − m) + b′. The weights — and so the L1 term —
/// are the same in both coordinates, which is why OWL-QN may run here: the change of variables only
/// removes the coupling between the bias and weights of features with large means, which is what
/// makes L1 fits on raw, badly scaled features slow. Its preconditioner is diagonal (one scale per
/// coordinate keeps OWL-QN's orthants): 1/hⱼ with hⱼ = Σ cᵢ(xᵢⱼ − mⱼ)² + L2 and 1/Σ cᵢ for b′.
/// </summary>
public sealed class CenteredBiasObjective : IPreconditionedObjective
{
    private readonly LinearModelObjective _inner;
    private readonly double[] _mean;
    private readonly double[] _theta;
    private readonly double[] _gradient;
    private double[]? _inverseCurvature;

    public CenteredBiasObjective(LinearModelObjective inner)
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

    public int Dimension => _inner.Dimension;

    public double L1 => _inner.L1;

    public int L1Count => _inner.L1Count;

    public bool IsConvex => _inner.IsConvex;

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

    public double SmoothValue(ReadOnlySpan<double> u)
    {
        ToOriginal(u, _theta);
        return _inner.SmoothValue(_theta);
    }

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

    public ICurvature HessianAt(ReadOnlySpan<double> u, bool gaussNewton = false)
    {
        var theta = new double[Dimension];
        ToOriginal(u, theta);
        return new Transformed(_inner.HessianAt(theta, gaussNewton), _mean);
    }

    public void UpdatePreconditioner(ReadOnlySpan<double> u)
    {
        ToOriginal(u, _theta);
        var (sum, sumSq) = _inner.CurvatureMoments(_theta);
        int d = _inner.FeatureCount;
        double total = sum[d];
        var inv = _inverseCurvature ?? new double[Dimension];
        double max = total;
        for (int j = 0; j < d; j++)
        {
            // Σ c(x − m)² = Σ cx² − 2m·Σ cx + m²·Σ c
            double h = Math.Max(0, sumSq[j] - 2 * _mean[j] * sum[j] + _mean[j] * _mean[j] * total) + _inner.L2;
            inv[j] = h;
            max = Math.Max(max, h);
        }
        inv[d] = total;
        double floor = Math.Max(1e-12 * max, 1e-300);
        for (int j = 0; j <= d; j++)
        {
            inv[j] = 1 / Math.Max(inv[j], floor);
        }
        _inverseCurvature = inv;
    }

    public void Precondition(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int j = 0; j < Dimension; j++)
        {
            result[j] = _inverseCurvature is null ? v[j] : v[j] * _inverseCurvature[j];
        }
    }

    // H_u = Tᵀ·H_θ·T with T·(v_w, v_b′) = (v_w, v_b′ − m·v_w).
    private sealed class Transformed : ICurvature
    {
        private readonly ICurvature _inner;
        private readonly double[] _mean;

        public Transformed(ICurvature inner, double[] mean)
        {
            _inner = inner;
            _mean = mean;
        }

        public int Dimension => _inner.Dimension;

        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            int d = Dimension - 1;
            var tv = new double[Dimension];
            double shift = 0;
            for (int j = 0; j < d; j++)
            {
                tv[j] = v[j];
                shift += _mean[j] * v[j];
            }
            tv[d] = v[d] - shift;
            var r = new double[Dimension];
            _inner.Multiply(tv, r);
            for (int j = 0; j < d; j++)
            {
                result[j] = r[j] - _mean[j] * r[d];
            }
            result[d] = r[d];
        }

        public double[] ToDense()
        {
            int n = Dimension;
            var dense = new double[n * n];
            var e = new double[n];
            var column = new double[n];
            for (int k = 0; k < n; k++)
            {
                Array.Clear(e);
                e[k] = 1;
                Multiply(e, column);
                for (int i = 0; i < n; i++)
                {
                    dense[i * n + k] = column[i];
                }
            }
            return dense;
        }
    }
}
