using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the path by Newton steps whose quadratic model is minimised coordinate by coordinate over the rows (glmnet's
/// "naive" form): the model's residual is kept per row and every coordinate move costs O(n). Chosen when many columns
/// are in play (ridge on wide data), where the covariance form's m² inner products would not pay or fit. After each
/// full sweep it cycles over the non-zero coordinates alone until they settle, as glmnet does.
/// </summary>
internal static class NaiveCoordinateDescent
{
    private const int MaxSweeps = 100_000;

    /// <summary>
    /// As <see cref="CovarianceCoordinateDescent.Solve"/>, and the Newton steps left (the one cut short included) when
    /// <paramref name="mayHandOver"/> and a step's sweeps crawled (<see cref="CrawlReading"/>) after as many coordinate
    /// visits as the covariance form's Gram costs (m²/2 columns' worth): the caller finishes the λ in that form from where
    /// they stopped; else 0. Sweeps have no exact step to end a crawl, and on
    /// columns copied at other scales (60 rows, 151 columns, 50 of them copies) a path at a tolerance of 1e-18 swept for
    /// minutes where the covariance form's exact step takes a second.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Intercept, int StepsLeft) Solve(StandardizedProblem problem, int[] columns, double[] beta, double intercept,
        double lambda, double alpha, double threshold, int newtonSteps, bool mayHandOver)
    {
        int m = columns.Length;
        var curvature = new double[m];
        var total = new double[m];
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        NewtonStepGuard? guard = null;
        bool settled = false;
        var tolerance = new InexactNewtonTolerance(threshold, newtonSteps);
        for (int step = 0; step < newtonSteps && !settled; step++)
        {
            tolerance.BeginStep(step);
            (var rho, var v, intercept) = NewtonStepGuard.StepStart(ref guard, step, problem, columns, lambda, alpha, beta, intercept);
            for (int a = 0; a < m; a++)
            {
                curvature[a] = VectorKernels.WeightedSquares(v, problem.Column(columns[a]));
            }
            double vTotal = VectorKernels.Sum(v), totalIntercept = 0;
            Array.Clear(total);
            bool activeOnly = false;
            long visits = 0, gramVisits = (long)m * m / 2;
            var crawl = new CrawlReading();
            for (int sweep = 0; sweep < MaxSweeps; sweep++)
            {
                double largest = 0;
                double d0 = vTotal > 0 ? VectorKernels.Sum(rho) / vTotal : 0;
                if (d0 != 0)
                {
                    intercept += d0;
                    totalIntercept += d0;
                    VectorKernels.AddScaled(v, -d0, rho);
                    largest = vTotal * d0 * d0;
                }
                for (int a = 0; a < m; a++)
                {
                    double old = beta[columns[a]];
                    if (activeOnly && old == 0)
                    {
                        continue;
                    }
                    visits++;
                    var x = problem.Column(columns[a]);
                    double g = VectorKernels.Dot(x, rho) + curvature[a] * old;
                    double updated = CoordinateSteps.Minimizer(g, curvature[a], l1, l2);
                    double delta = updated - old;
                    if (delta == 0)
                    {
                        continue;
                    }
                    beta[columns[a]] = updated;
                    total[a] += delta;
                    VectorKernels.SubtractWeighted(v, x, delta, rho);
                    largest = Math.Max(largest, curvature[a] * delta * delta);
                }
                if (tolerance.SweepDone(sweep, largest, ref activeOnly))
                {
                    break;
                }
                if (crawl.Read(sweep, largest) is true && mayHandOver && visits >= gramVisits)
                {
                    problem.LastSolveSettled = false;
                    return (intercept, newtonSteps - step);
                }
            }
            settled = tolerance.EndStep(CoordinateSteps.StepSize(vTotal, totalIntercept, a => curvature[a], total));
        }
        problem.LastSolveSettled = settled;
        return (intercept, 0);
    }
}
