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
    private const int MaxNewtonSteps = 100;
    private const int MaxSweeps = 100_000;

    /// <summary>
    /// Minimises the objective at λ over <paramref name="columns"/> (the others stay zero) from <paramref name="beta"/>
    /// (updated in place); returns the intercept. Converged when every coordinate's move m satisfies Hⱼⱼ·m² below
    /// <paramref name="threshold"/> (glmnet's test, the threshold already scaled by the null deviance).
    /// </summary>
    public static double Solve(StandardizedProblem problem, int[] columns, double[] beta, double intercept, double lambda, double alpha,
        double threshold)
    {
        int m = columns.Length, n = problem.RowCount;
        var h = new double[m * m];
        var h0 = new double[m];
        var q = new double[m];
        var total = new double[m];
        var u = new double[n];
        double l1 = lambda * alpha, l2 = lambda * (1 - alpha);
        for (int step = 0; step < MaxNewtonSteps; step++)
        {
            var residual = problem.Residuals(problem.Margins(beta, intercept), out var v);
            double h00 = v.Sum(), q0 = residual.Sum();
            for (int a = 0; a < m; a++)
            {
                var xa = problem.Column(columns[a]);
                for (int i = 0; i < n; i++)
                {
                    u[i] = v[i] * xa[i];
                }
                h0[a] = u.Sum();
                q[a] = VectorKernels.Dot(xa, residual);
                for (int b = a; b < m; b++)
                {
                    h[a * m + b] = h[b * m + a] = VectorKernels.Dot(u, problem.Column(columns[b]));
                }
            }
            Array.Clear(total);
            double totalIntercept = 0;
            // q is the negative gradient of the quadratic model at the current move; every coordinate's move updates it.
            for (int sweep = 0; sweep < MaxSweeps; sweep++)
            {
                double largest = 0;
                if (h00 > 0 && q0 != 0)
                {
                    double d0 = q0 / h00;
                    totalIntercept += d0;
                    VectorKernels.AddScaled(h0, -d0, q);
                    q0 = 0;
                    largest = h00 * d0 * d0;
                }
                for (int a = 0; a < m; a++)
                {
                    double haa = h[a * m + a];
                    double old = beta[columns[a]];
                    double g = q[a] + haa * old;
                    double updated = (g > l1 ? g - l1 : g < -l1 ? g + l1 : 0) / (haa + l2);
                    double delta = updated - old;
                    if (delta == 0)
                    {
                        continue;
                    }
                    beta[columns[a]] = updated;
                    total[a] += delta;
                    VectorKernels.AddScaled(h.AsSpan(a * m, m), -delta, q);
                    q0 -= h0[a] * delta;
                    largest = Math.Max(largest, haa * delta * delta);
                }
                if (largest < threshold)
                {
                    break;
                }
            }
            intercept += totalIntercept;
            double moved = h00 * totalIntercept * totalIntercept;
            for (int a = 0; a < m; a++)
            {
                moved = Math.Max(moved, h[a * m + a] * total[a] * total[a]);
            }
            if (moved < threshold)
            {
                break;
            }
        }
        return intercept;
    }
}
