namespace LogReg.Core.Optimization;

/// <summary>
/// Backtracking line search with the Armijo sufficient-decrease test
/// F(x + α·d) ≤ F(x) + c₁·g·(x⁺ − x), g the pseudo-gradient, shrinking α by safeguarded quadratic
/// interpolation (into [0.1α, 0.5α]; halving when the penalty is not smooth). Each trial point is
/// projected by the penalty onto the orthant of x (OWL-QN; nothing happens without L1). Every trial
/// is one fused value-and-gradient pass, so the accepted point's gradient comes free.
/// </summary>
internal static class BacktrackingLineSearch
{
    public const double SufficientDecrease = 1e-4;
    private const int MaximumTrials = 60;

    /// <summary>
    /// Searches along <paramref name="direction"/> from the state's point, leaving the last trial in
    /// the state's candidate. Returns false when no trial met the test.
    /// </summary>
    public static bool Search(IterationState state, ReadOnlySpan<double> direction, double alpha, out double alphaUsed)
    {
        int n = state.Dimension;
        var x = state.X;
        var pg = state.PseudoGradient;
        var penalty = state.Penalty;
        double slope = 0;
        for (int j = 0; j < n; j++)
        {
            slope += pg[j] * direction[j];
        }
        alphaUsed = alpha;
        for (int trial = 0; trial < MaximumTrials; trial++)
        {
            var candidate = state.Candidate;
            for (int j = 0; j < n; j++)
            {
                candidate[j] = x[j] + alpha * direction[j];
            }
            penalty.ProjectOntoOrthant(candidate, x, pg);
            state.EvaluateCandidate();
            double totalNew = state.CandidateTotal;
            double decrease = 0;
            for (int j = 0; j < n; j++)
            {
                decrease += pg[j] * (candidate[j] - x[j]);
            }
            alphaUsed = alpha;
            if (double.IsFinite(totalNew) && totalNew <= state.Total + SufficientDecrease * decrease)
            {
                return true;
            }
            double next = 0.5 * alpha;
            if (double.IsFinite(totalNew) && penalty.IsSmooth)
            {
                double curvature = totalNew - state.Total - slope * alpha;
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
