using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// The Newton systems of <see cref="MinimumMarginProgram"/> in normal-equations form: with D = X·Z⁻¹,
/// <code>
///   M = A·D·Aᵀ = [ ÃᵀD_νÃ + diag(D_u + D_v)   ÃᵀD_ν1 ]
///                [ 1ᵀD_νÃ                      ΣD_ν + D_w ]      ((k+1)×(k+1), positive definite),
/// </code>
/// factored once per iteration and used for the predictor and the corrector. Near the optimum D spans many orders of
/// magnitude and M is ill-conditioned by design (<see cref="SemidefiniteCholesky"/> copes with it). The matrices and
/// the vectors of one solve are allocated once.
/// </summary>
internal sealed class NormalEquations
{
    private readonly SignedDesign _a;
    private readonly int _size;
    private readonly double[] _gram;
    private readonly double[] _m;
    private readonly double[] _column;
    private readonly double[] _hNu;
    private readonly double[] _aDy;
    private readonly SemidefiniteCholesky _factor;
    private InteriorPoint.Weights? _d;

    public NormalEquations(SignedDesign a)
    {
        _a = a;
        int k = a.Dimension;
        _size = k + 1;
        _gram = new double[k * k];
        _m = new double[_size * _size];
        _column = new double[k];
        _hNu = new double[a.RowCount];
        _aDy = new double[a.RowCount];
        _factor = new SemidefiniteCholesky(_size);
    }

    /// <summary>Builds and factors M for the weights <paramref name="d"/> (kept for <see cref="Direction"/>); false when M has a non-finite entry.</summary>
    public bool Factor(InteriorPoint.Weights d)
    {
        _d = d;
        int k = _a.Dimension, size = _size;
        _a.WeightedGram(d.Nu, _gram);
        for (int i = 0; i < k; i++)
        {
            Array.Copy(_gram, i * k, _m, i * size, k);
            _m[i * size + i] += d.U[i] + d.V[i];
        }
        _a.MultiplyTransposed(d.Nu, _column);
        for (int j = 0; j < k; j++)
        {
            _m[j * size + k] = _column[j];
            _m[k * size + j] = _column[j];
        }
        _m[k * size + k] = d.Nu.Sum() + d.W;
        return _factor.TryFactor(_m);
    }

    /// <summary>Solves M·x = rhs in place.</summary>
    public void Solve(Span<double> rhs) => _factor.Solve(rhs);

    /// <summary>
    /// The Newton direction at <paramref name="s"/> for the residuals and the complementarity targets
    /// (x∘Δz + z∘Δx = target, in <paramref name="targets"/>' x-slots): Δy from M, then Δz = σ − AᵀΔy and
    /// Δx = Z⁻¹(target − X·Δz), written into <paramref name="d"/>.
    /// </summary>
    public void Direction(InteriorPoint s, InteriorPoint.Residual residual, InteriorPoint targets, InteriorPoint d)
    {
        var w = _d!;
        int n = _a.RowCount, k = _a.Dimension;
        var hNu = _hNu;
        double hNuSum = 0;
        for (int i = 0; i < n; i++)
        {
            hNu[i] = w.Nu[i] * residual.DualNu[i] - targets.Nu[i] / s.R[i];
            hNuSum += hNu[i];
        }
        var rhs = new double[_size];
        _a.MultiplyTransposed(hNu, rhs);
        for (int j = 0; j < k; j++)
        {
            double hU = w.U[j] * residual.DualU[j] - targets.U[j] / s.P[j];
            double hV = w.V[j] * residual.DualV[j] - targets.V[j] / s.Q[j];
            rhs[j] += residual.PrimalBeta[j] - hU + hV;
        }
        double hW = w.W * residual.DualW - targets.W / s.Omega;
        rhs[k] = residual.PrimalT + hNuSum + hW;
        Solve(rhs);

        Array.Copy(rhs, d.YBeta, k);
        d.YT = rhs[k];
        _a.Multiply(d.YBeta, _aDy);
        for (int i = 0; i < n; i++)
        {
            d.R[i] = residual.DualNu[i] - (_aDy[i] + d.YT);
            d.Nu[i] = (targets.Nu[i] - s.Nu[i] * d.R[i]) / s.R[i];
        }
        for (int j = 0; j < k; j++)
        {
            d.P[j] = residual.DualU[j] + d.YBeta[j];
            d.Q[j] = residual.DualV[j] - d.YBeta[j];
            d.U[j] = (targets.U[j] - s.U[j] * d.P[j]) / s.P[j];
            d.V[j] = (targets.V[j] - s.V[j] * d.Q[j]) / s.Q[j];
        }
        d.Omega = residual.DualW - d.YT;
        d.W = (targets.W - s.W * d.Omega) / s.Omega;
    }
}
