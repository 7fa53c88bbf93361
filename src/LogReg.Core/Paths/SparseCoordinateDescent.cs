namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the path on sparse columns, glmnet's sparse form of the naive sweeps: the quadratic model's residual is
/// kept as ρ′ + c·v — the stored values' part ρ′ updated per stored value, and the centring's part (a multiple of the
/// curvature weights v, the same for every row) as one number c — so a coordinate move costs its column's stored values,
/// not n. Full sweeps alternate with sweeps over the non-zero coordinates until they settle, as glmnet does.
/// </summary>
internal static class SparseCoordinateDescent
{
    private const int MaxSweeps = 100_000;

    /// <summary>As <see cref="PathProblem.Solve"/>.</summary>
    public static double Solve(SparseStandardizedProblem problem, int[] columns, double[] beta, double intercept, double lambda, double alpha,
        double threshold, int newtonSteps)
    {
        int m = columns.Length;
        var (curvature, crossWeights, total) = problem.ColumnWork(m);
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        // vᵢ·xᵢⱼ for every stored value of the columns in play, written once per Newton step: each coordinate move then
        // reads it in order instead of gathering vᵢ again.
        var weighted = problem.StoredBuffer();
        // Made when first needed: the multinomial rounds call this with one Newton step per class, thousands of times.
        NewtonStepGuard? guard = null;
        bool settled = false;
        for (int step = 0; step < newtonSteps && !settled; step++)
        {
            (var rho, var v, intercept) = NewtonStepGuard.StepStart(ref guard, step, problem, columns, lambda, alpha, beta, intercept);
            double vSum = v.Sum(), rhoSum = rho.Sum(), c = 0;
            double totalIntercept = 0;
            Array.Clear(total);
            bool activeOnly = false;
            for (int sweep = 0; sweep < MaxSweeps; sweep++)
            {
                double largest = 0;
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
                    double mean = problem.Mean(j), scale = problem.Scale(j), dot;
                    if (sweep == 0)
                    {
                        // The step's first sweep reads each column once for its curvature and its dot product.
                        (crossWeights[a], double xxv, dot) = WeightedColumnAndDot(problem, j, v, rho, weighted);
                        curvature[a] = (xxv - 2 * mean * crossWeights[a] + mean * mean * vSum) / (scale * scale);
                    }
                    else
                    {
                        dot = problem.RawDot(j, rho);
                    }
                    // x̃ⱼ·(ρ′ + c·v) = (xⱼ·ρ′ + c·xⱼ·v − μⱼ·Σ(ρ′ + c·v))/σⱼ
                    double g = (dot + c * crossWeights[a] - mean * (rhoSum + c * vSum)) / scale + curvature[a] * old;
                    double updated = CoordinateSteps.Minimizer(g, curvature[a], l1, l2);
                    double delta = updated - old;
                    if (delta == 0)
                    {
                        continue;
                    }
                    beta[j] = updated;
                    total[a] += delta;
                    double step1 = delta / scale;
                    MoveResiduals(problem, j, weighted, step1, rho);
                    rhoSum -= crossWeights[a] * step1;
                    c += mean * step1;
                    largest = Math.Max(largest, curvature[a] * delta * delta);
                }
                if (CoordinateSteps.SweepDone(largest, threshold, ref activeOnly))
                {
                    break;
                }
            }
            settled = CoordinateSteps.Settled(vSum, totalIntercept, a => curvature[a], total, threshold);
        }
        problem.LastSolveSettled = settled;
        return intercept;
    }

    // Writes vᵢ·xᵢⱼ over column j's stored values into their places in `weighted`; returns Σ vᵢxᵢⱼ, Σ vᵢxᵢⱼ² and xⱼ·ρ′
    // (summed as RawDot sums it).
    private static (double Xv, double Xxv, double Dot) WeightedColumnAndDot(SparseStandardizedProblem problem, int j, double[] v, double[] rho,
        double[] weighted)
    {
        int from = problem.ColumnStart[j], count = problem.ColumnStart[j + 1] - from;
        var rows = problem.ColumnRows.AsSpan(from, count);
        var values = problem.ColumnValues.AsSpan(from, count);
        var columnWeighted = weighted.AsSpan(from, count);
        double xv = 0, xxv = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 4 <= count; k += 4)
        {
            int i0 = rows[k], i1 = rows[k + 1], i2 = rows[k + 2], i3 = rows[k + 3];
            double x0 = values[k], x1 = values[k + 1], x2 = values[k + 2], x3 = values[k + 3];
            double vx0 = v[i0] * x0, vx1 = v[i1] * x1, vx2 = v[i2] * x2, vx3 = v[i3] * x3;
            columnWeighted[k] = vx0;
            columnWeighted[k + 1] = vx1;
            columnWeighted[k + 2] = vx2;
            columnWeighted[k + 3] = vx3;
            xv += vx0;
            xxv += vx0 * x0;
            xv += vx1;
            xxv += vx1 * x1;
            xv += vx2;
            xxv += vx2 * x2;
            xv += vx3;
            xxv += vx3 * x3;
            s0 += x0 * rho[i0];
            s1 += x1 * rho[i1];
            s2 += x2 * rho[i2];
            s3 += x3 * rho[i3];
        }
        for (; k < count; k++)
        {
            double x = values[k], vx = v[rows[k]] * x;
            columnWeighted[k] = vx;
            xv += vx;
            xxv += vx * x;
            s0 += x * rho[rows[k]];
        }
        return (xv, xxv, (s0 + s1) + (s2 + s3));
    }

    // ρ′ −= vᵢ·xᵢⱼ·step over column j's stored values.
    private static void MoveResiduals(SparseStandardizedProblem problem, int j, double[] weighted, double step, double[] rho)
    {
        int from = problem.ColumnStart[j], count = problem.ColumnStart[j + 1] - from;
        var rows = problem.ColumnRows.AsSpan(from, count);
        var columnWeighted = weighted.AsSpan(from, count);
        for (int k = 0; k < count; k++)
        {
            rho[rows[k]] -= columnWeighted[k] * step;
        }
    }
}
