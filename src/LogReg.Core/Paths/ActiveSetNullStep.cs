using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The exact step's move on an inconsistent singular system (<see cref="ActiveSetStep"/>): a dropped column's null direction,
/// along which the smooth model is flat and the L1 part falls, to where a coefficient reaches 0.
/// </summary>
internal static class ActiveSetNullStep
{
    /// <summary>
    /// On an inconsistent singular system: along the null direction d of a dropped column (that column against the kept
    /// ones, Md ≈ 0) the model's smooth part is flat and its L1 part falls, so the move goes along d, downhill, to where a
    /// coefficient reaches 0 (set to exactly 0). Coefficients that have left the system since it was factored stay at 0 (d
    /// is cut to 0 there; if that leaves d far from null, its line minimum comes first and the direction is not taken).
    /// False, with nothing moved, when no dropped column's direction is downhill and reaches a 0 before its line minimum.
    /// </summary>
    public static bool TryApply(QuadraticModel model, double[] beta, int[] columns, ActiveSetStep.ActiveSystem system, double l1,
        double target, double[] total, ref double totalIntercept)
    {
        var (active, factor) = (system.Active, system.Factor!);
        int k = active.Length;
        // The coefficients on the factored system's rows (the intercept's last) and the model's negative gradient on their
        // signs (a coefficient that left, at 0, has d = 0 and so no part in it).
        var b = new double[k + 1];
        var rhs = new double[k + 1];
        for (int r = 0; r < k; r++)
        {
            b[r] = beta[columns[active[r]]];
            rhs[r] = model.Q[active[r]] - l1 * Math.Sign(b[r]) - system.L2 * b[r];
        }
        rhs[k] = model.Q0;
        // Along dropped column j's null direction d the smooth model's slope is the residual of equation j at the factor's
        // solution (Md ≈ 0 and the kept equations hold), so the columns are tried from the largest residual r²/Mⱼⱼ down: a
        // direction costs a solve and a product with M, and on many duplicated columns most are flat (their pair's signs agree).
        var solution = (double[])rhs.Clone();
        factor.Solve(solution);
        var candidates = new List<(double Residual, int Column)>();
        for (int r = 0; r < k; r++)
        {
            if (factor.IsDropped(r) && b[r] != 0)
            {
                double residual = rhs[r] - VectorKernels.Dot(system.Matrix.AsSpan(r * (k + 1), k + 1), solution);
                double diagonal = system.Matrix[r * (k + 1) + r];
                if (!ActiveSetStep.Holds(residual, diagonal, target))
                {
                    candidates.Add((-residual * residual / diagonal, r));
                }
            }
        }
        candidates.Sort();
        foreach (var (_, dropped) in candidates.Take(NullDirectionsTried))
        {
            if (NullDirection(system, b, rhs, dropped) is ({ } d, var t, var cut))
            {
                ActiveSetStep.Move(model, beta, columns, active, d, t, cut, total, ref totalIntercept);
                return true;
            }
        }
        return false;
    }

    // Beyond the few largest residuals a direction is rarely downhill enough to reach a 0; a new factor is cheaper than
    // trying them all.
    private const int NullDirectionsTried = 3;

    // The downhill null direction of dropped column `dropped`, the step along it and the coefficient it sets to 0 (the first
    // to reach 0); null d when the direction is flat or its line minimum comes first (a column only nearly dependent).
    private static (double[]? D, double T, int Cut) NullDirection(ActiveSetStep.ActiveSystem system, double[] b, double[] rhs, int dropped)
    {
        var (matrix, factor) = (system.Matrix, system.Factor!);
        int size = b.Length, k = size - 1;
        var d = new double[size];
        for (int r = 0; r < size; r++)
        {
            d[r] = matrix[r * size + dropped];
        }
        factor.Solve(d);
        for (int r = 0; r < size; r++)
        {
            d[r] = r == dropped ? 1 : factor.IsDropped(r) || (r < k && b[r] == 0) ? 0 : -d[r];
        }
        double slope = VectorKernels.Dot(rhs, d), curvature = 0;
        // Downhill: the model's change along t·d is −t·rhsᵀd + t²/2·dᵀMd on the signs.
        if (slope < 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Negate(d, d);
            slope = -slope;
        }
        if (!(slope > 0))
        {
            return (null, 0, -1);
        }
        for (int r = 0; r < size; r++)
        {
            curvature += d[r] * VectorKernels.Dot(matrix.AsSpan(r * size, size), d);
        }
        double t = curvature > 0 ? slope / curvature : double.PositiveInfinity;
        int cut = -1;
        for (int r = 0; r < k; r++)
        {
            if (d[r] != 0 && Math.Sign(d[r]) != Math.Sign(b[r]) && -b[r] / d[r] <= t)
            {
                (t, cut) = (-b[r] / d[r], r);
            }
        }
        if (cut < 0)
        {
            return (null, 0, -1);
        }
        return (d, t, cut);
    }
}
