using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Statistics;

/// <summary>
/// 95% profile-likelihood intervals of the unpenalised logit (R: confint(glm)): for each coefficient j,
/// the values c where 2·[ℓ(β̂) − max_{β: βⱼ = c} ℓ(β)] = χ²₁(0.95) = 3.8415, the other coefficients
/// re-maximised by warm-started Newton at every c and the root found by bracketing and bisection.
/// A side on which the profile never falls that far (separation) is ±∞. Dense: meant for the sizes
/// the coefficient statistics cover; each bound costs tens of small Newton solves.
/// </summary>
public static class ProfileLikelihood
{
    /// <summary>χ²₁ 95% quantile.</summary>
    public const double ChiSquare95 = 3.841458820694124;

    /// <summary>(low, high) per coefficient, intercept first, at the MLE <paramref name="mle"/> (intercept first).</summary>
    public static (double Low, double High)[] Intervals(TrainingSet data, IReadOnlyList<double> mle, IReadOnlyList<double> standardErrors)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(mle);
        ArgumentNullException.ThrowIfNull(standardErrors);
        var x = InterceptDesign.Rows(data);
        var beta = mle.ToArray();
        double best = Maximize(data, x, beta, fixedIndex: -1);
        double target = best - ChiSquare95 / 2;
        var result = new (double, double)[beta.Length];
        for (int j = 0; j < beta.Length; j++)
        {
            result[j] = (Bound(data, x, beta, j, -1, standardErrors[j], target), Bound(data, x, beta, j, +1, standardErrors[j], target));
        }
        return result;
    }

    // Walk out from β̂ⱼ in steps of 2·se (doubling) until the profile drops below the target, then bisect.
    private static double Bound(TrainingSet data, double[][] x, double[] mle, int j, int direction, double se, double target)
    {
        double step = 2 * (double.IsFinite(se) && se > 0 ? se : Math.Max(1, Math.Abs(mle[j])));
        double inside = mle[j], outside = double.NaN;
        var start = (double[])mle.Clone();
        for (int expand = 0; expand < 40; expand++, step *= 2)
        {
            double c = mle[j] + direction * step;
            var point = (double[])start.Clone();
            point[j] = c;
            if (Maximize(data, x, point, j) < target)
            {
                outside = c;
                break;
            }
            inside = c;
            start = point;
        }
        if (double.IsNaN(outside))
        {
            return direction * double.PositiveInfinity;
        }
        for (int iteration = 0; iteration < 100 && Math.Abs(outside - inside) > 1e-12 * Math.Max(1, Math.Abs(inside)); iteration++)
        {
            double c = 0.5 * (inside + outside);
            var point = (double[])start.Clone();
            point[j] = c;
            if (Maximize(data, x, point, j) < target)
            {
                outside = c;
            }
            else
            {
                inside = c;
                start = point;
            }
        }
        return 0.5 * (inside + outside);
    }

    /// <summary>Maximises ℓ over every coefficient but <paramref name="fixedIndex"/> (−1: none) by Newton with step halving; updates <paramref name="beta"/>; returns ℓ.</summary>
    private static double Maximize(TrainingSet data, double[][] x, double[] beta, int fixedIndex)
    {
        int k = beta.Length;
        var free = Enumerable.Range(0, k).Where(a => a != fixedIndex).ToArray();
        int m = free.Length;
        double current = LogLikelihood(data, x, beta, null, null, free);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var gradient = new double[m];
            var hessian = new double[m * m];
            LogLikelihood(data, x, beta, gradient, hessian, free);
            if (VectorKernels.MaxAbs(gradient) <= 1e-10 * Math.Max(1, Math.Abs(current)))
            {
                break;
            }
            var factor = DenseLinearAlgebra.Cholesky(hessian, m) ?? DenseLinearAlgebra.Cholesky(hessian, m, 1e-8);
            if (factor is null)
            {
                break;
            }
            DenseLinearAlgebra.CholeskySolve(factor, m, gradient);
            bool improved = false;
            for (double scale = 1; scale > 1e-10; scale /= 2)
            {
                var candidate = (double[])beta.Clone();
                for (int a = 0; a < m; a++)
                {
                    candidate[free[a]] += scale * gradient[a];
                }
                double value = LogLikelihood(data, x, candidate, null, null, free);
                if (value >= current)
                {
                    improved = value > current;
                    candidate.CopyTo(beta, 0);
                    current = value;
                    break;
                }
            }
            if (!improved)
            {
                break;
            }
        }
        return current;
    }

    // ℓ(β); with buffers, also its gradient and the negated Hessian over the free coordinates.
    private static double LogLikelihood(TrainingSet data, double[][] x, double[] beta, double[]? gradient, double[]? hessian, int[] free)
    {
        int m = free.Length;
        double value = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = data.WeightOf(i), z = VectorKernels.Dot(x[i], beta);
            value += s * (data.Labels[i] == 1.0 ? StableMath.LogSigmoid(z) : StableMath.LogSigmoid(-z));
            if (gradient is null || hessian is null)
            {
                continue;
            }
            double p = StableMath.Sigmoid(z), r = s * (data.Labels[i] - p), w = s * p * (1 - p);
            for (int a = 0; a < m; a++)
            {
                double xa = x[i][free[a]];
                gradient[a] += r * xa;
                for (int b = 0; b < m; b++)
                {
                    hessian[a * m + b] += w * xa * x[i][free[b]];
                }
            }
        }
        return value;
    }

}
