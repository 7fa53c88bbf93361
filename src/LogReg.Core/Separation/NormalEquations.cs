using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// One Newton system of <see cref="MinimumMarginProgram"/> in normal-equations form: with D = X·Z⁻¹,
/// <code>
///   M = A·D·Aᵀ = [ ÃᵀD_νÃ + diag(D_u + D_v)   ÃᵀD_ν1 ]
///                [ 1ᵀD_νÃ                      ΣD_ν + D_w ]      ((k+1)×(k+1), positive definite),
/// </code>
/// factored once and used for the predictor and the corrector. Near the optimum D spans many orders of
/// magnitude and M is ill-conditioned by design (<see cref="SemidefiniteCholesky"/> copes with it).
/// </summary>
internal sealed class NormalEquations
{
    private readonly SignedDesign _a;
    private readonly InteriorPoint.Weights _d;
    private readonly int _size;
    private readonly SemidefiniteCholesky? _factor;

    public NormalEquations(SignedDesign a, InteriorPoint.Weights d)
    {
        _a = a;
        _d = d;
        int k = a.Dimension;
        _size = k + 1;
        var gram = a.WeightedGram(d.Nu);
        var m = new double[_size * _size];
        for (int i = 0; i < k; i++)
        {
            Array.Copy(gram, i * k, m, i * _size, k);
            m[i * _size + i] += d.U[i] + d.V[i];
        }
        var column = new double[k];
        a.MultiplyTransposed(d.Nu, column);
        for (int j = 0; j < k; j++)
        {
            m[j * _size + k] = column[j];
            m[k * _size + j] = column[j];
        }
        m[k * _size + k] = d.Nu.Sum() + d.W;
        _factor = SemidefiniteCholesky.Factor(m, _size);
    }

    /// <summary>False when M had a non-finite entry (then no direction can be computed).</summary>
    public bool Factored => _factor is not null;

    /// <summary>Solves M·x = rhs in place.</summary>
    public void Solve(Span<double> rhs) => _factor!.Solve(rhs);

    /// <summary>
    /// The Newton direction at <paramref name="s"/> for the residuals and the complementarity targets
    /// (x∘Δz + z∘Δx = target, in <paramref name="targets"/>' x-slots): Δy from M, then Δz = σ − AᵀΔy and
    /// Δx = Z⁻¹(target − X·Δz).
    /// </summary>
    public InteriorPoint Direction(InteriorPoint s, InteriorPoint.Residual residual, InteriorPoint targets)
    {
        int n = _a.RowCount, k = _a.Dimension;
        var hNu = new double[n];
        double hNuSum = 0;
        for (int i = 0; i < n; i++)
        {
            hNu[i] = _d.Nu[i] * residual.DualNu[i] - targets.Nu[i] / s.R[i];
            hNuSum += hNu[i];
        }
        var rhs = new double[_size];
        _a.MultiplyTransposed(hNu, rhs);
        for (int j = 0; j < k; j++)
        {
            double hU = _d.U[j] * residual.DualU[j] - targets.U[j] / s.P[j];
            double hV = _d.V[j] * residual.DualV[j] - targets.V[j] / s.Q[j];
            rhs[j] += residual.PrimalBeta[j] - hU + hV;
        }
        double hW = _d.W * residual.DualW - targets.W / s.Omega;
        rhs[k] = residual.PrimalT + hNuSum + hW;
        Solve(rhs);

        var d = InteriorPoint.Zero(n, k);
        Array.Copy(rhs, d.YBeta, k);
        d.YT = rhs[k];
        var aDy = new double[n];
        _a.Multiply(d.YBeta, aDy);
        for (int i = 0; i < n; i++)
        {
            d.R[i] = residual.DualNu[i] - (aDy[i] + d.YT);
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
        return d;
    }
}
