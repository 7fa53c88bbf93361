using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the path on sparse columns, glmnet's sparse form of the naive sweeps: the quadratic model's residual is
/// kept as ρ′ + c·v — the stored values' part ρ′ updated per stored value, and the centring's part (a multiple of the
/// curvature weights v, the same for every row) as one number c — so a coordinate move costs its column's stored values,
/// not n. Full sweeps alternate with sweeps over the non-zero coordinates until they settle, as glmnet does.
/// </summary>
internal static partial class SparseCoordinateDescent
{
    private const int MaxSweeps = 100_000;

    // Sweeps before the first exact step on the support: the benchmark paths settle in a few sweeps a Newton step and never
    // reach it.
    private const int FirstActiveSetAttempt = 20;

    /// <summary>
    /// As <see cref="PathProblem.Solve"/>, and the Newton steps left (the one cut short included) when
    /// <paramref name="mayHandOver"/> and a step's sweeps crawled (<see cref="NaiveCoordinateDescent"/>'s reading) after
    /// the solve had visited as many stored values as the covariance form's Gram and factorisation cost
    /// (<see cref="SparseCovarianceChoice.GramCost"/>): the caller finishes the λ in that form from where they stopped; else 0.
    /// The exact step on the support (<see cref="SparseActiveSetStep"/>) does not end every crawl: 300 rows × 1,500 sparse
    /// columns, each column at three scales, swept 381,906 times over 9 Newton steps on the first λ with more columns than
    /// rows, four fifths of its path's time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Intercept, int StepsLeft) Solve(SparseStandardizedProblem problem, int[] columns, double[] beta, double intercept,
        double lambda, double alpha, double threshold, int newtonSteps, bool mayHandOver)
    {
        int m = columns.Length;
        var (curvature, crossWeights, total) = problem.ColumnWork(m);
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        // vᵢ·xᵢⱼ for every stored value of the columns in play, written once per Newton step: each coordinate move then
        // reads it in order instead of gathering vᵢ again.
        var weighted = problem.StoredBuffer();
        // Made when first needed: the multinomial rounds call this with one Newton step per class, thousands of times.
        NewtonStepGuard? guard = null;
        // Where each Newton step leaves the margins without a pass over the stored values (StepMargins): the caller's linear
        // part in a one-step solve (the rounds would otherwise recompute a class's margins over every stored value in play
        // after each step, a fifth of a text path's time; later Newton steps start from the coefficients), else without
        // offsets the binary path's margin buffer, which the next step and the check after the λ take.
        var linearPart = newtonSteps == 1 ? problem.StartingLinearPart : null;
        var carried = linearPart ?? (problem.Offsets is null ? problem.MarginBuffer : null);
        var margins = carried is null ? null : problem.StepMargins;
        bool settled = false;
        var held = problem.HeldCurvature;
        held?.StartAt(beta, intercept, problem.Labels);
        var tolerance = new InexactNewtonTolerance(threshold, newtonSteps);
        int steps = 0, sweeps = 0;
        long visited = 0;
        double? gramCost = null;
        for (int step = 0; step < newtonSteps && !settled; step++)
        {
            steps++;
            tolerance.BeginStep(step);
            (var rho, var v, intercept) = NewtonStepGuard.StepStart(ref guard, step, problem, columns, lambda, alpha, beta, intercept);
            if (held is not null)
            {
                // A held model's step settles a little later than an exact one: it is taken only while two exact steps
                // may still follow, so that few steps allowed (MaxNewtonSteps 2 or 3) do not end a path earlier than
                // exact steps would (an outside tester's 120,000 × 150 rows: 8 λ instead of 63 at MaxNewtonSteps 2).
                if (held.Drift > CoordinateSteps.FreshCurvatureMove || step + 2 >= newtonSteps)
                {
                    held.Renew(v);
                }
                v = held.Weights;
            }
            margins?.Begin(rho);
            double vSum = held?.WeightSum ?? VectorKernels.Sum(v), rhoSum = VectorKernels.Sum(rho), c = 0;
            // A column's curvature not held is formed where the first sweep (a full one) reaches it, in the same pass over
            // its stored values as its dot product: NaN marks it until then.
            for (int a = 0; a < m; a++)
            {
                if (held is null || !held.TryGet(columns[a], out curvature[a], out crossWeights[a]))
                {
                    curvature[a] = double.NaN;
                }
            }
            double totalIntercept = 0;
            Array.Clear(total, 0, m);
            bool activeOnly = false;
            // Sweeps that crawl with their support and signs kept for ten sweeps hand over to the exact minimiser on them,
            // from the 20th sweep on — later the more of this problem's attempts were cut short, and after each miss.
            int nextAttempt = FirstActiveSetAttempt << problem.ActiveSetReluctance, misses = 0, stable = 0;
            var crawl = new CrawlReading();
            bool crawling = false;
            for (int sweep = 0; sweep < MaxSweeps; sweep++)
            {
                sweeps++;
                double largest = 0;
                bool supportChanged = false;
                // The model's residual sums to rhoSum + c·vSum: the intercept takes all of it.
                double d0 = vSum > 0 ? (rhoSum + c * vSum) / vSum : 0;
                if (d0 != 0)
                {
                    intercept += d0;
                    totalIntercept += d0;
                    c -= d0;
                    largest = vSum * d0 * d0;
                }
                for (int a = 0; a < m; a++)
                {
                    int j = columns[a];
                    double old = beta[j];
                    if (activeOnly && old == 0)
                    {
                        continue;
                    }
                    visited += problem.ColumnStart[j + 1] - problem.ColumnStart[j];
                    // The reciprocals are formed before the dot product: a division after it held each column's move back
                    // by its latency, three times a column.
                    double mean = problem.Mean(j), scale = problem.Scale(j), inverseScale = 1 / scale, reciprocal, dot;
                    if (double.IsNaN(curvature[a]))
                    {
                        (crossWeights[a], double xxv, dot) = WeightedColumn(problem, j, v, weighted, rho);
                        curvature[a] = (xxv - 2 * mean * crossWeights[a] + mean * mean * vSum) / (scale * scale);
                        held?.Set(j, curvature[a], crossWeights[a]);
                        reciprocal = 1 / (curvature[a] + l2);
                    }
                    else
                    {
                        reciprocal = 1 / (curvature[a] + l2);
                        dot = problem.RawDot(j, rho);
                    }
                    // x̃ⱼ·(ρ′ + c·v) = (xⱼ·ρ′ + c·xⱼ·v − μⱼ·Σ(ρ′ + c·v))/σⱼ
                    double g = (dot + c * crossWeights[a] - mean * (rhoSum + c * vSum)) * inverseScale + curvature[a] * old;
                    double updated = CoordinateSteps.MinimizerByReciprocal(g, reciprocal, l1);
                    double delta = updated - old;
                    if (delta == 0)
                    {
                        continue;
                    }
                    supportChanged |= (updated > 0) != (old > 0) || (updated < 0) != (old < 0);
                    beta[j] = updated;
                    total[a] += delta;
                    double step1 = delta * inverseScale;
                    MoveResiduals(problem, j, weighted, step1, rho);
                    rhoSum -= crossWeights[a] * step1;
                    c += mean * step1;
                    largest = Math.Max(largest, curvature[a] * delta * delta);
                }
                if (tolerance.SweepDone(sweep, largest, ref activeOnly))
                {
                    break;
                }
                // Crawling (CrawlReading): sweeps still settling their support gain faster, and there the support's
                // minimiser mostly leaves the signs' orthant.
                if (crawl.Read(sweep, largest) is { } reading)
                {
                    crawling = reading;
                    if (crawling && mayHandOver && visited >= (gramCost ??= problem.CovarianceChoice.GramCost(columns)))
                    {
                        problem.LastSolveSettled = false;
                        return (intercept, newtonSteps - step);
                    }
                }
                stable = supportChanged ? 0 : stable + 1;
                if (crawling && stable >= CrawlReading.Window && sweep + 1 >= nextAttempt)
                {
                    var state = new SparseActiveSetStep.Residual(rho) { RhoSum = rhoSum, C = c, Intercept = intercept, InterceptTotal = totalIntercept };
                    var outcome = new SparseActiveSetStep(problem, v, vSum, weighted).TryApply(columns, beta, curvature, crossWeights, l1, l2,
                        tolerance.Inner, state, total);
                    (rhoSum, c, intercept, totalIntercept) = (state.RhoSum, state.C, state.Intercept, state.InterceptTotal);
                    bool shortStep = outcome == SparseActiveSetStep.Outcome.ShortStep;
                    problem.ActiveSetReluctance = Math.Clamp(problem.ActiveSetReluctance + (shortStep ? 1 : -1), 0, 10);
                    nextAttempt = sweep + 1 + (FirstActiveSetAttempt << (shortStep ? Math.Min(++misses, 10) : problem.ActiveSetReluctance));
                }
            }
            settled = tolerance.EndStep(CoordinateSteps.StepSize(vSum, totalIntercept, a => curvature[a], total.AsSpan(0, m)));
            held?.Moved(CoordinateSteps.LargestMove(totalIntercept, total.AsSpan(0, m)));
            if (carried is not null)
            {
                margins!.End(carried, rho, v, c, beta, intercept);
                if (linearPart is not null)
                {
                    problem.LastSolveMovedLinearPart = true;
                }
                else
                {
                    problem.MarginsMovedTo(beta, intercept);
                }
            }
        }
        held?.EndedAt(beta, intercept, problem.Labels);
        problem.LastSolveSettled = settled;
        problem.CovarianceChoice.SweepsPerStep = steps > 0 ? (double)sweeps / steps : 0;
        return (intercept, 0);
    }
}
