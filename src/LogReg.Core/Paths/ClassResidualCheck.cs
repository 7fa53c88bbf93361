namespace LogReg.Core.Paths;

/// <summary>
/// Whether the multinomial rounds left a λ short of its optimum, read from the gradients the path's KKT check computes
/// anyway. The rounds stop when the distance left, extrapolated from how fast their moves shrink, is below the threshold;
/// from a close (predicted) start the first rounds' fast directions shrink quickly and the rule can stop while slow ones
/// remain (an outside tester's 20-class text: a median objective gap 1.1e-5 where glmnet's defaults leave 2.5e-6). A
/// screened-in coefficient whose optimality condition is off by r would move its coordinate's quadratic model by r²/Hⱼⱼ
/// in one step, and Hⱼⱼ ≤ ¼ for standardised columns — so 4r² at or above the threshold proves the λ unfinished.
/// </summary>
internal static class ClassResidualCheck
{
    /// <summary>
    /// Whether some class's screened-in coefficient is that far from its optimality condition, gₖⱼ = λ(α·sign βₖⱼ +
    /// (1 − α)βₖⱼ) for a non-zero one and |gₖⱼ| ≤ λα for a zero one. <paramref name="gradients"/> holds |gₖⱼ|
    /// (<see cref="SoftmaxMargins.GradientsAndDeviance"/>): for a non-zero coefficient the residual of |gₖⱼ| is a lower
    /// bound on the signed one, so the check never claims more than is there.
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
                if (residual * residual >= threshold * curvatures[k])
                {
                    return true;
                }
            }
        }
        return false;
    }
}
