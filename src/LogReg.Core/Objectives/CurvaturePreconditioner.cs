using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>
/// P = T·Tᵀ, built once from the curvature moments at a point and immutable afterwards. T maps
/// parameters u to θ: wⱼ = uⱼ/√hⱼ and b = u_b/√h_b − Σⱼ mⱼ·wⱼ, where mⱼ = Σ cᵢxᵢⱼ / Σ cᵢ is the
/// curvature-weighted column mean, hⱼ = Σ cᵢ(xᵢⱼ − mⱼ)² + L2 the curvature of the centred column
/// with its penalty, and h_b = Σ cᵢ. In u the Gauss–Newton Hessian has a unit diagonal and no
/// bias–weight coupling, which is what makes raw, badly scaled features (breast cancer: 1e-3 … 4e3)
/// cost tens of quasi-Newton iterations instead of thousands, without touching the data.
/// </summary>
internal sealed class CurvaturePreconditioner : IPreconditioner
{
    private readonly double[] _inverseScale;
    private readonly double[] _centre;
    private readonly double _inverseBiasScale;

    private CurvaturePreconditioner(double[] inverseScale, double[] centre, double inverseBiasScale)
    {
        _inverseScale = inverseScale;
        _centre = centre;
        _inverseBiasScale = inverseBiasScale;
    }

    /// <summary>The preconditioner from the moments.</summary>
    /// <param name="moments">The curvature moments at the point.</param>
    /// <param name="l2">The L2 weight added to each column's curvature.</param>
    /// <param name="center">
    /// Centre the columns (m as above) or not (m = 0). Under L1 the columns are scaled but not
    /// centred: centring couples every weight to the bias, and OWL-QN's orthant projection of the
    /// weights then spoils the bias part of the step.
    /// </param>
    public static CurvaturePreconditioner FromMoments(CurvatureMoments moments, double l2, bool center)
    {
        ArgumentNullException.ThrowIfNull(moments);
        return FromSums(moments.Sum, moments.SumOfSquares, moments.Total, 0, l2, center);
    }

    /// <summary>
    /// As <see cref="FromMoments"/> from spans, the squares' sums given as <paramref name="squaresPlusOffset"/> − <paramref name="offset"/>
    /// (the softmax model's diagonal holds them with L2 added): no copies of a class's columns.
    /// </summary>
    internal static CurvaturePreconditioner FromSums(ReadOnlySpan<double> sum, ReadOnlySpan<double> squaresPlusOffset, double total, double offset, double l2, bool center)
    {
        int d = sum.Length;
        center = center && total > 0;
        var inv = new double[d];
        var mean = new double[d];
        double maxH = 0;
        for (int j = 0; j < d; j++)
        {
            double s = sum[j];
            mean[j] = center ? s / total : 0;
            double h = Math.Max(0, (squaresPlusOffset[j] - offset) - (center ? s * s / total : 0)) + l2;
            inv[j] = h;
            maxH = Math.Max(maxH, h);
        }
        maxH = Math.Max(maxH, total);
        double floor = Math.Max(1e-12 * maxH, 1e-300);
        for (int j = 0; j < d; j++)
        {
            inv[j] = 1 / Math.Sqrt(Math.Max(inv[j], floor));
        }
        return new CurvaturePreconditioner(inv, mean, 1 / Math.Sqrt(Math.Max(total, floor)));
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> v, Span<double> result)
    {
        int d = _centre.Length;
        result[d] = Apply(v.Slice(0, d), v[d], result.Slice(0, d));
    }

    /// <summary>P·(w, b) for weights and bias held apart: writes the weights' part to <paramref name="resultWeights"/>, returns the bias's.</summary>
    internal double Apply(ReadOnlySpan<double> weights, double bias, Span<double> resultWeights)
    {
        int d = _centre.Length;
        // t = Tᵀ·v: t_w = (v_w − m·v_b)/√h, t_b = v_b/√h_b.  result = T·t.
        double centreDot = 0;
        for (int j = 0; j < d; j++)
        {
            double w = (weights[j] - _centre[j] * bias) * _inverseScale[j] * _inverseScale[j];
            resultWeights[j] = w;
            centreDot += _centre[j] * w;
        }
        return bias * _inverseBiasScale * _inverseBiasScale - centreDot;
    }
}
