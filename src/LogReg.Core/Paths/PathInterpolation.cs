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
        var (left, right, fraction) = Neighbours(path.Lambdas, lambda);
        var coefficients = new double[path.Coefficients[left].Length];
        for (int j = 0; j < coefficients.Length; j++)
        {
            coefficients[j] = fraction * path.Coefficients[left][j] + (1 - fraction) * path.Coefficients[right][j];
        }
        return (fraction * path.Intercepts[left] + (1 - fraction) * path.Intercepts[right], coefficients);
    }

    /// <summary>The softmax probabilities of rows <paramref name="rows"/> of <paramref name="features"/> under the multinomial path at <paramref name="lambda"/>.</summary>
    public static double[][] Probabilities(Data.DesignMatrix features, MultinomialRegularizationPath path, double lambda, int[] rows)
    {
        var (left, right, fraction) = Neighbours(path.Lambdas, lambda);
        int classes = path.Intercepts[0].Length;
        var intercepts = new double[classes];
        var coefficients = new double[classes][];
        for (int k = 0; k < classes; k++)
        {
            // A class without weight in the fold's rows stays at −∞ (0·∞ would be NaN).
            double low = path.Intercepts[left][k], high = path.Intercepts[right][k];
            intercepts[k] = double.IsNegativeInfinity(low) ? low : fraction * low + (1 - fraction) * high;
            coefficients[k] = path.Coefficients[left][k].Select((v, j) => fraction * v + (1 - fraction) * path.Coefficients[right][k][j]).ToArray();
        }
        return rows.Select(i =>
        {
            var z = intercepts.Select((b, k) => b + features.Dot(i, coefficients[k])).ToArray();
            double max = z.Max();
            var e = z.Select(v => Math.Exp(v - max)).ToArray();
            double total = e.Sum();
            return e.Select(v => v / total).ToArray();
        }).ToArray();
    }

    // The two points around λ and the weight of the left (larger-λ) one: glmnet interpolates on (λ₁ − λ)/(λ₁ − λ_last),
    // which is linear in λ; outside the path, its first or last point.
    private static (int Left, int Right, double Fraction) Neighbours(IReadOnlyList<double> lambdas, double lambda)
    {
        int last = lambdas.Count - 1;
        if (last == 0 || lambda >= lambdas[0])
        {
            return (0, 0, 1);
        }
        if (lambda <= lambdas[last])
        {
            return (last, last, 1);
        }
        int right = 1;
        while (lambdas[right] > lambda)
        {
            right++;
        }
        return lambdas[right] == lambda ? (right, right, 1) : (right - 1, right, (lambda - lambdas[right]) / (lambdas[right - 1] - lambdas[right]));
    }
}
