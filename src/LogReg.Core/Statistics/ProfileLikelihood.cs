using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// 95% profile-likelihood intervals of the unpenalised logit (R: confint(glm)): for each coefficient j,
/// the values c where 2·[ℓ(β̂) − max_{β: βⱼ = c} ℓ(β)] = χ²₁(0.95) = 3.8415, the other coefficients
/// re-maximised by warm-started Newton on the optimizer loop (the BCE objective with βⱼ pinned,
/// <see cref="FixedCoordinatesObjective"/>) at every c and the root found by bracketing and bisection.
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
        var objective = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy);
        var beta = mle.ToArray();
        double best = Maximize(objective, beta, fixedIndex: -1);
        double target = best - ChiSquare95 / 2;
        var result = new (double, double)[beta.Length];
        for (int j = 0; j < beta.Length; j++)
        {
            result[j] = (Bound(objective, beta, j, -1, standardErrors[j], target), Bound(objective, beta, j, +1, standardErrors[j], target));
        }
        return result;
    }

    // Walk out from β̂ⱼ in steps of 2·se (doubling) until the profile drops below the target, then bisect.
    private static double Bound(ILinearModelObjective objective, double[] mle, int j, int direction, double se, double target)
    {
        double step = 2 * (double.IsFinite(se) && se > 0 ? se : Math.Max(1, Math.Abs(mle[j])));
        double inside = mle[j], outside = double.NaN;
        var start = (double[])mle.Clone();
        for (int expand = 0; expand < 40; expand++, step *= 2)
        {
            double c = mle[j] + direction * step;
            var point = (double[])start.Clone();
            point[j] = c;
            if (Maximize(objective, point, j) < target)
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
            if (Maximize(objective, point, j) < target)
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

    /// <summary>
    /// Maximises ℓ over every coefficient but <paramref name="fixedIndex"/> (−1: none) by Newton on the optimizer loop
    /// (the BCE objective, with that coordinate pinned); updates <paramref name="beta"/> (intercept first); returns ℓ.
    /// </summary>
    private static double Maximize(ILinearModelObjective objective, double[] beta, int fixedIndex)
    {
        int d = beta.Length - 1;
        // β is intercept first; θ, the objective's, weights then bias.
        var theta = beta.Skip(1).Append(beta[0]).ToArray();
        IDifferentiableObjective problem = objective;
        FixedCoordinatesObjective? pinned = null;
        if (fixedIndex >= 0)
        {
            int j = fixedIndex == 0 ? d : fixedIndex - 1;
            pinned = new FixedCoordinatesObjective(objective, theta, a => a == j);
            problem = pinned;
        }
        var start = pinned?.Restrict(theta) ?? theta;
        var result = OptimizerCatalog.Create(OptimizerKind.Newton).Minimize(problem, start, Settings);
        var found = pinned?.Expand(result.Minimizer) ?? result.Minimizer;
        beta[0] = found[d];
        found.AsSpan(0, d).CopyTo(beta.AsSpan(1));
        return -result.Objective;
    }

    private static readonly OptimizerSettings Settings = new() { OptimizationTolerance = 1e-10, MaximumNumberOfIterations = 100 };
}
