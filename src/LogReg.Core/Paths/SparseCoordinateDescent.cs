namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the path on sparse columns, glmnet's sparse form of the naive sweeps: the quadratic model's residual is
/// kept as ρ′ + c·v — the stored values' part ρ′ updated per stored value, and the centring's part (a multiple of the
/// curvature weights v, the same for every row) as one number c — so a coordinate move costs its column's stored values,
/// not n. Full sweeps alternate with sweeps over the non-zero coordinates until they settle, as glmnet does.
/// </summary>
internal static class SparseCoordinateDescent
{
    private const int MaxNewtonSteps = 100;
    private const int MaxSweeps = 100_000;

    /// <summary>As <see cref="PathProblem.Solve"/>.</summary>
    public static double Solve(SparseStandardizedProblem problem, int[] columns, double[] beta, double intercept, double lambda, double alpha,
        double threshold, int newtonSteps)
    {
        int m = columns.Length;
        var (start, rows, values) = (problem.ColumnStart, problem.ColumnRows, problem.ColumnValues);
        var curvature = new double[m];
        var crossWeights = new double[m];
        var total = new double[m];
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        var (eta, rho, v) = problem.RowBuffers();
        for (int step = 0; step < Math.Min(newtonSteps, MaxNewtonSteps); step++)
        {
            problem.Residuals(problem.Margins(beta, intercept, eta), rho, v);
            double vSum = v.Sum(), rhoSum = rho.Sum(), c = 0;
            for (int a = 0; a < m; a++)
            {
                int j = columns[a];
                double xv = 0, xxv = 0;
                for (int k = start[j]; k < start[j + 1]; k++)
                {
                    double x = values[k], vi = v[rows[k]];
                    xv += vi * x;
                    xxv += vi * x * x;
                }
                double mean = problem.Mean(j), scale = problem.Scale(j);
                crossWeights[a] = xv;
                curvature[a] = (xxv - 2 * mean * xv + mean * mean * vSum) / (scale * scale);
            }
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
                    double mean = problem.Mean(j), scale = problem.Scale(j);
                    // x̃ⱼ·(ρ′ + c·v) = (xⱼ·ρ′ + c·xⱼ·v − μⱼ·Σ(ρ′ + c·v))/σⱼ
                    double g = (problem.RawDot(j, rho) + c * crossWeights[a] - mean * (rhoSum + c * vSum)) / scale + curvature[a] * old;
                    double updated = CoordinateSteps.Minimizer(g, curvature[a], l1, l2);
                    double delta = updated - old;
                    if (delta == 0)
                    {
                        continue;
                    }
                    beta[j] = updated;
                    total[a] += delta;
                    double step1 = delta / scale;
                    for (int k = start[j]; k < start[j + 1]; k++)
                    {
                        rho[rows[k]] -= v[rows[k]] * values[k] * step1;
                    }
                    rhoSum -= crossWeights[a] * step1;
                    c += mean * step1;
                    largest = Math.Max(largest, curvature[a] * delta * delta);
                }
                if (CoordinateSteps.SweepDone(largest, threshold, ref activeOnly))
                {
                    break;
                }
            }
            if (CoordinateSteps.Settled(vSum, totalIntercept, a => curvature[a], total, threshold))
            {
                break;
            }
        }
        return intercept;
    }
}
