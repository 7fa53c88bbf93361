namespace LogReg.Core.Paths;

/// <summary>
/// A path's model at a λ it was not solved at, as glmnet's <c>predict(s = …)</c> gives it: linear in λ between the two
/// neighbouring points, the first point above the path's largest λ and the last below its smallest.
/// </summary>
internal static class PathInterpolation
{
    /// <summary>The intercept and coefficients of <paramref name="path"/> at <paramref name="lambda"/>.</summary>
    public static (double Intercept, double[] Coefficients) At(RegularizationPath path, double lambda)
    {
        var lambdas = path.Lambdas;
        int last = lambdas.Count - 1;
        if (last == 0 || lambda >= lambdas[0])
        {
            return (path.Intercepts[0], path.Coefficients[0]);
        }
        if (lambda <= lambdas[last])
        {
            return (path.Intercepts[last], path.Coefficients[last]);
        }
        int right = 1;
        while (lambdas[right] > lambda)
        {
            right++;
        }
        int left = right - 1;
        if (lambdas[right] == lambda)
        {
            return (path.Intercepts[right], path.Coefficients[right]);
        }
        // glmnet interpolates on (λ₁ − λ)/(λ₁ − λ_last), which is linear in λ: the same weights.
        double fraction = (lambda - lambdas[right]) / (lambdas[left] - lambdas[right]);
        var coefficients = new double[path.Coefficients[left].Length];
        for (int j = 0; j < coefficients.Length; j++)
        {
            coefficients[j] = fraction * path.Coefficients[left][j] + (1 - fraction) * path.Coefficients[right][j];
        }
        return (fraction * path.Intercepts[left] + (1 - fraction) * path.Intercepts[right], coefficients);
    }
}
