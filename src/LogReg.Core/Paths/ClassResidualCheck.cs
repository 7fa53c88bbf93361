namespace LogReg.Core.Paths;

/// <summary>
/// Whether the multinomial rounds left a λ short of its optimum, read from the gradients the path's KKT check computes
/// anyway. The rounds stop when the distance left, extrapolated from how fast their moves shrink, is below the threshold;
/// from a close (predicted) start the first rounds' fast directions shrink quickly and the rule can stop while slow ones
/// remain (an outside tester's 20-class text: a median objective gap 1.1e-5 where glmnet's defaults leave 2.5e-6). A
/// screened-in coefficient whose optimality condition is off by r would move its coordinate's quadratic model by about
/// r²/Hⱼⱼ in one step; with Hⱼⱼ taken as its class's mean curvature Σ wᵢpᵢₖ(1 − pᵢₖ) (a standardised column's, were its
/// squares spread evenly), r² above threshold × that says the λ is unfinished — an estimate, not a bound: a slow
/// direction spread over many coordinates passes it.
/// </summary>
internal static class ClassResidualCheck
{
    /// <summary>
    /// Whether some class's screened-in coefficient is that far from its optimality condition, gₖⱼ = λ(α·sign βₖⱼ +
    /// (1 − α)βₖⱼ) for a non-zero one and |gₖⱼ| ≤ λα for a zero one (<paramref name="curvatures"/> per class; a class with
    /// none, every row certain, is never unfinished). <paramref name="gradients"/> holds |gₖⱼ|
    /// (<see cref="SoftmaxMargins.GradientsAndDeviance"/>): for a non-zero coefficient the residual of |gₖⱼ| is a lower
    /// bound on the signed one, so the residual read is never larger than the true one.
    /// </summary>
    public static bool Unfinished(double[][] gradients, double[][] beta, int[][] screened, double[] curvatures, double lambda, double alpha, double threshold)
    {
        for (int k = 0; k < beta.Length; k++)
        {
            var (g, b) = (gradients[k], beta[k]);
            foreach (int j in screened[k])
            {
                double residual = b[j] != 0
                    ? Math.Abs(g[j] - lambda * (alpha + (1 - alpha) * Math.Abs(b[j])))
                    : Math.Max(g[j] - lambda * alpha, 0);
                if (residual * residual > threshold * curvatures[k])
                {
                    return true;
                }
            }
        }
        return false;
    }
}
