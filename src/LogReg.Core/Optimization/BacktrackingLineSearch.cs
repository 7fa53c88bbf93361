namespace LogReg.Core.Optimization;

/// <summary>
/// Backtracking line search with the Armijo sufficient-decrease test
/// F(x + α·d) ≤ F(x) + c₁·∇F(x)·(x⁺ − x), shrinking α by safeguarded quadratic interpolation
/// (into [0.1α, 0.5α]). With an L1 term the trial point is projected onto the orthant of x
/// (OWL-QN, Andrew &amp; Gao 2007): a coordinate that would change sign is set to zero.
/// Every trial is one fused value-and-gradient pass, so the accepted point's gradient comes free.
/// </summary>
internal static class BacktrackingLineSearch
{
    public const double SufficientDecrease = 1e-4;
    private const int MaximumTrials = 60;

    /// <summary>Returns false when no trial met the test (x⁺ then holds the last trial).</summary>
    public static bool Search(
        IDifferentiableObjective objective,
        double[] x, double total, double[] pseudoGradient, double[] direction, double alpha,
        double[] xNew, double[] gradientNew, out double smoothNew, out double totalNew, out double alphaUsed,
        ref int evaluations)
    {
        int n = x.Length;
        double l1 = objective.L1;
        double slope = 0;
        for (int j = 0; j < n; j++)
        {
            slope += pseudoGradient[j] * direction[j];
        }
        smoothNew = double.NaN;
        totalNew = double.NaN;
        alphaUsed = alpha;
        for (int trial = 0; trial < MaximumTrials; trial++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = x[j] + alpha * direction[j];
                if (l1 > 0 && j < objective.L1Count)
                {
                    double orthant = x[j] != 0 ? Math.Sign(x[j]) : -Math.Sign(pseudoGradient[j]);
                    if (Math.Sign(v) != orthant)
                    {
                        v = 0;
                    }
                }
                xNew[j] = v;
            }
            smoothNew = objective.SmoothValueAndGradient(xNew, gradientNew);
            totalNew = smoothNew + OptimizerCommon.L1Term(objective, xNew);
            evaluations++;
            double decrease = 0;
            for (int j = 0; j < n; j++)
            {
                decrease += pseudoGradient[j] * (xNew[j] - x[j]);
            }
            alphaUsed = alpha;
            if (double.IsFinite(totalNew) && totalNew <= total + SufficientDecrease * decrease)
            {
                return true;
            }
            double next = 0.5 * alpha;
            if (double.IsFinite(totalNew) && l1 == 0)
            {
                double curvature = totalNew - total - slope * alpha;
                if (curvature > 0)
                {
                    next = Math.Clamp(-slope * alpha * alpha / (2 * curvature), 0.1 * alpha, 0.5 * alpha);
                }
            }
            else if (!double.IsFinite(totalNew))
            {
                next = 0.1 * alpha;
            }
            alpha = next;
        }
        return false;
    }
}
