namespace LogReg.Core.Separation;

/// <summary>
/// The dual half of <see cref="SeparationCertificate"/>: multipliers νᵢ &gt; 0 on the boundary rows Q with
/// r = Ã_Qᵀν ≈ 0 bound Konis's optimum over Q by ‖r‖₁ / min ν (Stiemke's alternative), r summed in double-double.
/// </summary>
internal static class StiemkeBound
{
    /// <summary>
    /// Refines ν on the boundary rows (those not <paramref name="strict"/>) towards Ã_Qᵀν = 0 (νᵢ ← νᵢ − νᵢ²·ãᵢΔ with
    /// (Ã_Qᵀdiag(ν²)Ã_Q)Δ = Ã_Qᵀν: a relative change, so ν stays positive while the residual is small) and returns
    /// ‖r‖₁/min ν, ‖r‖₁/Σν, the refined multipliers and ‖r‖₁.
    /// </summary>
    public static (double Bound, double PerWeight, double[] Nu, double L1) Refine(SignedDesign a, double[] nu, bool[] strict)
    {
        int n = nu.Length, k = a.Dimension;
        if (nu.Where((v, i) => !strict[i]).Any(v => !(v > 0)))
        {
            return (double.PositiveInfinity, double.PositiveInfinity, nu, double.PositiveInfinity);
        }
        var theta = nu.Select((v, i) => strict[i] ? 0.0 : v * v).ToArray();
        var factor = SeparationCertificate.Factor(a.WeightedGram(theta), k);
        var (bound, perWeight) = Bounds(a, nu, strict, out var residual);
        for (int round = 0; round < 6 && factor is not null && bound > 1e-6 * SeparationCertificate.SeparationThreshold; round++)
        {
            factor.Solve(residual);
            var change = new double[n];
            a.Multiply(residual, change);
            var next = (double[])nu.Clone();
            for (int i = 0; i < n; i++)
            {
                if (!strict[i])
                {
                    next[i] -= nu[i] * nu[i] * change[i];
                }
            }
            if (next.Where((v, i) => !strict[i]).Any(v => !(v > 0)))
            {
                break;
            }
            var (nextBound, nextPerWeight) = Bounds(a, next, strict, out var nextResidual);
            if (!(nextBound < bound))
            {
                break;
            }
            (nu, bound, perWeight, residual) = (next, nextBound, nextPerWeight, nextResidual);
        }
        return (bound, perWeight, nu, a.MultiplyTransposedAccurately(nu).Sum(Math.Abs));
    }

    private static (double Bound, double PerWeight) Bounds(SignedDesign a, double[] nu, bool[] strict, out double[] residual)
    {
        residual = a.MultiplyTransposedAccurately(nu);
        double l1 = residual.Sum(Math.Abs);
        double smallest = double.PositiveInfinity, total = 0;
        for (int i = 0; i < nu.Length; i++)
        {
            if (!strict[i])
            {
                smallest = Math.Min(smallest, nu[i]);
                total += nu[i];
            }
        }
        return (l1 / smallest, l1 / total);
    }
}
