using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The exact minimiser of one Newton step's quadratic model once coordinate descent has found its support and signs:
/// on the non-zero coordinates (and the intercept) the model is smooth, so its minimiser solves one small linear
/// system (H_AA + λ(1 − α)I, with the intercept's row) by Cholesky; it is taken only when it keeps every sign and
/// leaves every zero coordinate inside its L1 bound — then it is the minimiser, and the remaining sweeps are skipped.
/// On correlated columns coordinate descent needs hundreds of sweeps for the last digits; this needs one solve.
/// </summary>
internal static class ActiveSetStep
{
    /// <summary>
    /// Moves <paramref name="beta"/> (at <paramref name="columns"/>) and the intercept to the model's minimiser when the
    /// current support is the minimiser's, updating the model's negative gradient and the step totals; returns whether it did.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryApply(QuadraticModel model, double[] beta, int[] columns, double l1, double l2, double[] total, ref double totalIntercept)
    {
        int m = columns.Length;
        var active = Enumerable.Range(0, m).Where(a => l1 == 0 || beta[columns[a]] != 0).ToArray();
        int k = active.Length, size = k + 1;
        var move = new double[size];
        for (int r = 0; r < k; r++)
        {
            int a = active[r];
            double b = beta[columns[a]];
            move[r] = model.Q[a] - l1 * Math.Sign(b) - l2 * b;
        }
        move[k] = model.Q0;
        var factor = Factor(model, active, l2);
        if (factor is null)
        {
            return false;
        }
        DenseLinearAlgebra.CholeskySolve(factor, size, move);
        for (int r = 0; l1 > 0 && r < k; r++)
        {
            double b = beta[columns[active[r]]], updated = b + move[r];
            if (updated == 0 || Math.Sign(updated) != Math.Sign(b))
            {
                return false;
            }
        }
        var isActive = new bool[m];
        foreach (int a in active)
        {
            isActive[a] = true;
        }
        for (int a = 0; a < m; a++)
        {
            if (!isActive[a])
            {
                double g = model.Q[a] - model.H0[a] * move[k];
                for (int r = 0; r < k; r++)
                {
                    g -= model.H[a * m + active[r]] * move[r];
                }
                if (Math.Abs(g) > l1)
                {
                    return false;
                }
            }
        }
        for (int r = 0; r < k; r++)
        {
            int a = active[r];
            beta[columns[a]] += move[r];
            total[a] += move[r];
            model.Move(a, move[r]);
        }
        totalIntercept += move[k];
        model.MoveIntercept(move[k]);
        return true;
    }

    // The Cholesky factor of the active set's system (H_AA + λ(1 − α)I with the intercept's row), or null when it is not
    // numerically positive definite; the model's own while its curvature and the set stand.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[]? Factor(QuadraticModel model, int[] active, double l2)
    {
        if (model.Factorisation is { } held && held.L2 == l2 && held.Active.AsSpan().SequenceEqual(active))
        {
            return held.Factor;
        }
        int m = model.H0.Length, k = active.Length, size = k + 1;
        var matrix = new double[size * size];
        for (int r = 0; r < k; r++)
        {
            int a = active[r];
            for (int c = 0; c < k; c++)
            {
                matrix[r * size + c] = model.H[a * m + active[c]];
            }
            matrix[r * size + r] += l2;
            matrix[r * size + k] = matrix[k * size + r] = model.H0[a];
        }
        matrix[k * size + k] = model.H00;
        var factor = DenseLinearAlgebra.Cholesky(matrix, size);
        model.Factorisation = (active, l2, factor);
        return factor;
    }
}
