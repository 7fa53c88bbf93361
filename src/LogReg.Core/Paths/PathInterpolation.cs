namespace LogReg.Core.Paths;

/// <summary>
/// A path's model at a λ it was not solved at, as glmnet's <c>predict(s = …)</c> gives it: linear in λ between the two
/// neighbouring points, the first point above the path's largest λ and the last below its smallest.
/// </summary>
internal static class PathInterpolation
{
    /// <summary>
    /// The probabilities (of class 0, of class 1) of rows <paramref name="rows"/> of <paramref name="features"/> under the
    /// binary path at each of <paramref name="lambdas"/>, one λ at a time: one work vector of the features' length serves
    /// them all, its entries set from the two points' non-zero coefficients and cleared after.
    /// </summary>
    public static IEnumerable<double[][]> Probabilities(Data.DesignMatrix features, RegularizationPath path, IReadOnlyList<double> lambdas, int[] rows)
    {
        var coefficients = new double[path.Coefficients.Length];
        foreach (double lambda in lambdas)
        {
            var (left, right, fraction) = Neighbours(path.Lambdas, lambda);
            Interpolate(path.Coefficients, left, right, fraction, coefficients);
            double intercept = fraction * path.Intercepts[left] + (1 - fraction) * path.Intercepts[right];
            yield return Sigmoid(features, rows, intercept, coefficients);
            path.Coefficients.ClearIn(left, coefficients);
            path.Coefficients.ClearIn(right, coefficients);
        }
    }

    /// <summary>The softmax probabilities of rows <paramref name="rows"/> of <paramref name="features"/> under the multinomial path at each of <paramref name="lambdas"/>.</summary>
    public static IEnumerable<double[][]> Probabilities(Data.DesignMatrix features, MultinomialRegularizationPath path, IReadOnlyList<double> lambdas, int[] rows)
    {
        int classes = path.Intercepts[0].Length;
        var byClass = path.Coefficients.ByClass;
        var coefficients = Enumerable.Range(0, classes).Select(_ => new double[byClass.Length]).ToArray();
        var intercepts = new double[classes];
        foreach (double lambda in lambdas)
        {
            var (left, right, fraction) = Neighbours(path.Lambdas, lambda);
            for (int k = 0; k < classes; k++)
            {
                // A class without weight in the fold's rows stays at −∞ (0·∞ would be NaN).
                double low = path.Intercepts[left][k], high = path.Intercepts[right][k];
                intercepts[k] = double.IsNegativeInfinity(low) ? low : fraction * low + (1 - fraction) * high;
                Interpolate(byClass, left * classes + k, right * classes + k, fraction, coefficients[k]);
            }
            yield return Softmax(features, rows, intercepts, coefficients);
            for (int k = 0; k < classes; k++)
            {
                byClass.ClearIn(left * classes + k, coefficients[k]);
                byClass.ClearIn(right * classes + k, coefficients[k]);
            }
        }
    }

    /// <summary>The probabilities (of class 0, of class 1) of rows <paramref name="rows"/> of <paramref name="features"/> under
    /// one binary model: its intercept and dense coefficients.</summary>
    internal static double[][] Sigmoid(Data.DesignMatrix features, int[] rows, double intercept, double[] coefficients) =>
        rows.Select(i =>
        {
            Numerics.StableMath.SigmoidPair(intercept + features.Dot(i, coefficients), out double p, out double q);
            return new[] { q, p };
        }).ToArray();

    /// <summary>The softmax probabilities of rows <paramref name="rows"/> of <paramref name="features"/> under one model: its
    /// K intercepts and K dense coefficient vectors.</summary>
    internal static double[][] Softmax(Data.DesignMatrix features, int[] rows, double[] intercepts, double[][] coefficients) =>
        rows.Select(i =>
        {
            var z = intercepts.Select((b, k) => b + features.Dot(i, coefficients[k])).ToArray();
            double max = z.Max();
            var e = z.Select(v => Math.Exp(v - max)).ToArray();
            double total = e.Sum();
            return e.Select(v => v / total).ToArray();
        }).ToArray();

    // fraction·left + (1 − fraction)·right into a zero vector, each entry as that one expression would round it.
    private static void Interpolate(PathCoefficients coefficients, int left, int right, double fraction, double[] into)
    {
        coefficients.AddTo(left, fraction, into);
        if (right != left)
        {
            coefficients.AddTo(right, 1 - fraction, into);
        }
    }

    // The two points around λ and the weight of the left (larger-λ) one: glmnet interpolates on (λ₁ − λ)/(λ₁ − λ_last),
    // which is linear in λ; outside the path, its first or last point.
    internal static (int Left, int Right, double Fraction) Neighbours(IReadOnlyList<double> lambdas, double lambda)
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
