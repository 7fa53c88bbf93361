using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the path by Newton steps whose quadratic model is minimised coordinate by coordinate in glmnet's
/// "covariance" form: per Newton step the curvature-weighted inner products H = X̃ₖᵀVX̃ₖ of the screened-in columns are
/// formed once (n·m²/2), after which a coordinate move costs O(m) instead of O(n). Chosen when few columns are in play
/// (the lasso's active set, strong rules): on 569 × 30 it is about a hundred times faster than sweeping rows.
/// </summary>
internal static class CovarianceCoordinateDescent
{
    private const int MaxSweeps = 100_000;

    /// <summary>
    /// Minimises the objective at λ over <paramref name="columns"/> (the others stay zero) from <paramref name="beta"/>
    /// (updated in place); returns the intercept. Converged when every coordinate's move m satisfies Hⱼⱼ·m² below
    /// <paramref name="threshold"/> (glmnet's test, the threshold already scaled by the null deviance).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Solve(PathProblem problem, int[] columns, double[] beta, double intercept, double lambda, double alpha,
        double threshold, int newtonSteps)
    {
        int m = columns.Length, n = problem.RowCount, stride = m + 1;
        var total = new double[m];
        // The last solve's model when this one starts where it ended (the next λ of a path), with how far the coefficients
        // had moved since its curvature was formed: over the same columns taken as it is (centring the Gram again was a
        // tenth of a nearly separable multinomial path's time), over others extended to them.
        var held = problem.TakeGram(columns, beta, intercept);
        // The Gram of the stored values (PathProblem.AddRawGram), centred and scaled from its sums. H only shapes each
        // Newton step: the gradient q is computed on the centred columns.
        double[]? mean = null, scale = null;
        var model = held is null ? new QuadraticModel(m, problem.Scratch.Rent(m * m))
            : held.Covers(columns) ? held.Model
            : GramExtension.Of(problem, held, columns, mean = Means(problem, columns), scale = Scales(problem, columns));
        var (h, h0, q) = (model.H, model.H0, model.Q);
        double[]? gram = model.Formed?.Gram;
        double drift = held?.Drift ?? double.PositiveInfinity;
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        bool settled = false, stalled = false;
        bool byWeights = StaleCurvature.Applies(problem, m);
        double lastMove = double.PositiveInfinity;
        NewtonStepGuard? guard = null;
        // A step on a stale curvature (StaleCurvature) is not counted against newtonSteps: which steps are stale does not depend
        // on the allowance, so a path allowed few steps solves the λ it solves exactly as an unlimited one does.
        for (int step = 0, counted = 0; counted < newtonSteps && step - counted < StaleCurvature.MaxUncountedSteps && !settled; step++)
        {
            (var residual, var v, intercept) = NewtonStepGuard.StepStart(ref guard, step, problem, columns, lambda, alpha, beta, intercept);
            model.Q0 = VectorKernels.Sum(residual);
            // While the coefficients have moved little in all since the Gram was formed, the curvature has hardly changed:
            // that H still gives a superlinear step, and its Gram (n·m²/2) was most of a step's cost. Summed over steps and
            // over λ, so that small moves do not add up to a stale curvature. On many rows per column, the rows' weights
            // judge it instead (StaleCurvature).
            var judged = byWeights ? model.Formed : null;
            double? change = judged is { } formed ? StaleCurvature.Change(formed.Weights, v) : null;
            bool fresh = stalled || (change is { } moved ? moved > StaleCurvature.MaxChange : drift > CoordinateSteps.FreshCurvatureMove);
            if (fresh && !stalled && judged is { } kept && StaleCurvature.Refresh(problem, columns, kept.Gram, kept.Weights, v) is { } left)
            {
                model.Factorisation = null;
                model.CentreFrom(kept.Gram, mean ??= Means(problem, columns), scale ??= Scales(problem, columns));
                (fresh, change) = (false, left);
            }
            double staleness = fresh ? 0 : change ?? 0;
            if (fresh)
            {
                gram ??= problem.Scratch.Rent(stride * stride);
                mean ??= Means(problem, columns);
                scale ??= Scales(problem, columns);
                Array.Clear(gram, 0, stride * stride);
                problem.AddRawGram(columns, v, gram);
                drift = 0;
                model.Factorisation = null;
                model.CentreFrom(gram, mean, scale);
                // Kept for an extension by the next solve; the multinomial class solves (with offsets) never extend.
                model.Formed = problem.Offsets is null ? (gram, CopyInto(model.Formed?.Weights, v)) : null;
            }
            double h00 = model.H00;
            for (int a = 0; a < m; a++)
            {
                q[a] = problem.ColumnDot(columns[a], residual, model.Q0);
            }
            Array.Clear(total);
            double totalIntercept = 0;
            // Sweeps until the support and signs stop changing, then the exact minimiser on them (retried less often
            // after each miss).
            int nextAttempt = 1, misses = 0;
            bool attempted = false;
            for (int sweep = 0; sweep < MaxSweeps; sweep++)
            {
                double largest = 0;
                bool supportChanged = false;
                if (h00 > 0 && model.Q0 != 0)
                {
                    double d0 = model.Q0 / h00;
                    totalIntercept += d0;
                    model.MoveIntercept(d0);
                    largest = h00 * d0 * d0;
                }
                for (int a = 0; a < m; a++)
                {
                    double haa = h[a * m + a];
                    double old = beta[columns[a]];
                    double g = q[a] + haa * old;
                    double updated = CoordinateSteps.Minimizer(g, haa, l1, l2);
                    double delta = updated - old;
                    if (delta == 0)
                    {
                        continue;
                    }
                    supportChanged |= Math.Sign(updated) != Math.Sign(old);
                    beta[columns[a]] = updated;
                    total[a] += delta;
                    model.Move(a, delta);
                    largest = Math.Max(largest, haa * delta * delta);
                }
                if (largest < threshold)
                {
                    // A multinomial class solve (one Newton step a round, with offsets) whose sweeps settle before the exact
                    // step was tried takes it once: on collinear columns — each of a factor's full set of dummies against
                    // the intercept, mlbench Soybean's 35 factors — a sweep moves little long before the model's minimiser,
                    // and the rounds then crawl along those directions at the pace the penalty's small curvature sets
                    // (0.99 a round; thousands of rounds a path). A step on a stale curvature takes it too: its sweeps' small
                    // moves would not show how far off its point still is.
                    if (!attempted && !supportChanged && (problem.Offsets is not null || staleness > 0))
                    {
                        ActiveSetStep.TryApply(model, beta, columns, l1, l2, threshold, total, ref totalIntercept);
                    }
                    break;
                }
                if (!supportChanged && sweep + 1 >= nextAttempt)
                {
                    attempted = true;
                    if (ActiveSetStep.TryApply(model, beta, columns, l1, l2, threshold, total, ref totalIntercept))
                    {
                        break;
                    }
                    nextAttempt = sweep + 1 + (1 << Math.Min(++misses, 10));
                }
            }
            intercept += totalIntercept;
            double move = CoordinateSteps.LargestMove(totalIntercept, total);
            drift += move;
            stalled = staleness > 0 && StaleCurvature.Stalled(move, lastMove);
            // Stale steps that stopped contracting (rounding in a curvature centred from large raw sums: an outside tester's
            // column near 1e4 with a tiny spread, at a tolerance of 1e-18) leave the rest of the λ to the coefficient rule.
            byWeights &= !stalled;
            lastMove = move;
            counted += staleness > 0 ? 0 : 1;
            settled = CoordinateSteps.Settled(h00, totalIntercept, a => h[a * m + a], total, StaleCurvature.SettleThreshold(threshold, staleness));
        }
        problem.LastSolveSettled = settled;
        if (gram is not null && model.Formed is null)
        {
            // With offsets the raw Gram is not kept with the model (the class solves never extend one).
            problem.Scratch.Return(gram);
        }
        // A curvature judged by the weights is judged again at the next λ's first step, so the coefficients' drift does not
        // keep it from being extended.
        problem.HoldGram(columns, model, byWeights ? 0 : drift, beta, intercept, settled);
        return intercept;
    }

    private static double[] Means(PathProblem problem, int[] columns) => columns.Select(problem.GramMean).ToArray();

    private static double[] Scales(PathProblem problem, int[] columns) => columns.Select(problem.Scale).ToArray();

    private static double[] CopyInto(double[]? target, double[] values)
    {
        target = target?.Length == values.Length ? target : new double[values.Length];
        Array.Copy(values, target, values.Length);
        return target;
    }
}
