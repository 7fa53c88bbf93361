using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>
/// The curvature in centred-bias coordinates: H_u = Tᵀ·H_θ·T with T·(v_w, v_b′) = (v_w, v_b′ − m·v_w).
/// </summary>
internal sealed class CenteredBiasCurvature : ICurvature
{
    private readonly ICurvature _inner;
    private readonly double[] _mean;

    public CenteredBiasCurvature(ICurvature inner, double[] mean)
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
