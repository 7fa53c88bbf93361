using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The exact minimiser of one Newton step's quadratic model once coordinate descent has found its support and signs:
/// on the non-zero coordinates (and the intercept) the model is smooth, so its minimiser solves one small linear
/// system (H_AA + λ(1 − α)I, with the intercept's row) by Cholesky. When it keeps every sign and leaves every zero
/// coordinate inside its L1 bound it is the minimiser, and the remaining sweeps are skipped; otherwise the move still
/// lowers the model, and the sweeps go on from there.
/// On correlated columns coordinate descent needs hundreds of sweeps for the last digits; this needs one solve. On
/// collinear columns (a category's dummies summing to another's: kernlab's ticdata) the system is singular: a column in
/// the span of those before it is given no move (<see cref="SemidefiniteCholesky"/>), and the solution is taken only if
/// every equation holds to a tenth of the sweeps' threshold.
/// A move that would leave the signs' orthant stops where the first coefficient reaches 0, and an inconsistent singular
/// system moves along its null direction to the first such 0 (<see cref="ActiveSetNullStep"/>); either way that coefficient
/// leaves the support and the system is solved again on the rest — a primal active-set method, the later passes (and their
/// null directions) through the first pass's factor where that holds (<see cref="ActiveSetRemovals"/>). Before, each such stop went back
/// to the sweeps, whose retries of this step then grew further apart: near separation, on ticdata's 2,000-row subsets,
/// tens of stops a Newton step took 800,000 sweeps a path.
/// </summary>
internal static class ActiveSetStep
{
    /// <summary>
    /// Moves <paramref name="beta"/> (at <paramref name="columns"/>) and the intercept towards the minimiser on the current
    /// support and signs, updating the model's negative gradient and the step totals; returns whether the move reached the
    /// model's minimiser (signs kept, every zero coordinate inside its L1 bound).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryApply(QuadraticModel model, double[] beta, int[] columns, double l1, double l2, double threshold, double[] total,
        ref double totalIntercept)
    {
        int m = columns.Length;
        // Each pass that stops at the orthant's boundary sets a non-zero coefficient to exactly 0 (only with an L1 part), so
        // the support shrinks and the passes end; the passes after the first solve with its factor where they can.
        ActiveSetRemovals? removals = null;
        while (true)
        {
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
            if (removals is null || !removals.TrySolve(active, move, threshold / 10))
            {
                // The reduced system may be inconsistent where the factored one was; a null direction of the factor still
                // holds there where it leaves the coefficients that left at 0.
                if (removals is not null && l1 > 0
                    && ActiveSetNullStep.TryApply(model, beta, columns, removals.System, l1, threshold / 10, total, ref totalIntercept))
                {
                    continue;
                }
                var system = Factor(model, active, l2);
                if (system.Factor is not { } factor)
                {
                    return false;
                }
                removals = new ActiveSetRemovals(system);
                if (!Solve(factor, system.Matrix, size, move, threshold / 10))
                {
                    if (l1 > 0 && ActiveSetNullStep.TryApply(model, beta, columns, system, l1, threshold / 10, total, ref totalIntercept))
                    {
                        continue;
                    }
                    return false;
                }
            }
            // Where the minimiser on the signs leaves them, the move stops where the first coefficient reaches 0 (set to
            // exactly 0); the model — convex, and smooth on the orthant — falls along the way.
            double t = 1;
            int cut = -1;
            for (int r = 0; l1 > 0 && r < k; r++)
            {
                double b = beta[columns[active[r]]];
                if (b + move[r] == 0 || Math.Sign(b + move[r]) != Math.Sign(b))
                {
                    (t, cut) = -b / move[r] < t ? (-b / move[r], r) : (t, cut);
                }
            }
            if (cut >= 0)
            {
                Move(model, beta, columns, active, move, t, cut, total, ref totalIntercept);
                continue;
            }
            // The minimiser on the support, taken; it is the model's only when no zero coordinate's gradient passes its bound.
            bool minimiser = true;
            var isActive = new bool[m];
            foreach (int a in active)
            {
                isActive[a] = true;
            }
            for (int a = 0; a < m && minimiser; a++)
            {
                if (!isActive[a])
                {
                    double g = model.Q[a] - model.H0[a] * move[k];
                    for (int r = 0; r < k; r++)
                    {
                        g -= model.H[a * m + active[r]] * move[r];
                    }
                    minimiser = Math.Abs(g) <= l1;
                }
            }
            Move(model, beta, columns, active, move, 1, -1, total, ref totalIntercept);
            return minimiser;
        }
    }

    // Moves the active coefficients and the intercept by t·move, coefficient `cut` (if any) to exactly 0.
    internal static void Move(QuadraticModel model, double[] beta, int[] columns, int[] active, double[] move, double t, int cut, double[] total,
        ref double totalIntercept)
    {
        int k = active.Length;
        for (int r = 0; r < k; r++)
        {
            int a = active[r], j = columns[a];
            double delta = r == cut ? -beta[j] : t * move[r];
            if (delta != 0)
            {
                beta[j] = r == cut ? 0 : beta[j] + delta;
                total[a] += delta;
                model.Move(a, delta);
            }
        }
        totalIntercept += t * move[k];
        model.MoveIntercept(t * move[k]);
    }

    /// <summary>The active set's system and its factor (null when the matrix has a non-finite entry).</summary>
    public sealed record ActiveSystem(int[] Active, double L2, double[] Matrix, SemidefiniteCholesky? Factor);

    /// <summary>A column whose pivot is at most this share of its diagonal entry is taken as in the span of those before it
    /// (here and in the sparse support's direct solve, <see cref="SupportCholeskySolve"/>).</summary>
    internal const double DependentPivot = 1e-10;

    /// <summary>Whether an equation holds at the solution: its remaining move r²/Mᵣᵣ (<paramref name="residual"/> r, diagonal
    /// entry Mᵣᵣ) is below <paramref name="target"/> — here, in <see cref="ActiveSetRemovals"/> and <see cref="ActiveSetNullStep"/>.</summary>
    internal static bool Holds(double residual, double diagonal, double target) => residual * residual < target * diagonal;

    // Solves the system in place; with a column dropped, true only when every equation's remaining move r²/Mᵣᵣ is below
    // the target (the system was consistent).
    private static bool Solve(SemidefiniteCholesky factor, double[] matrix, int size, double[] move, double target)
    {
        var rhs = factor.DroppedCount > 0 ? (double[])move.Clone() : null;
        factor.Solve(move);
        for (int r = 0; rhs is not null && r < size; r++)
        {
            double residual = rhs[r] - VectorKernels.Dot(matrix.AsSpan(r * size, size), move);
            if (!Holds(residual, matrix[r * size + r], target))
            {
                return false;
            }
        }
        return true;
    }

    // The active set's system (H_AA + λ(1 − α)I with the intercept's row) factored; the model's own while its curvature and
    // the set stand.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ActiveSystem Factor(QuadraticModel model, int[] active, double l2)
    {
        if (model.Factorisation is { } held && held.L2 == l2 && held.Active.AsSpan().SequenceEqual(active))
        {
            return held;
        }
        int m = model.H0.Length, k = active.Length, size = k + 1;
        var (matrix, storage) = model.SystemStorage(size * size);
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
        var system = new ActiveSystem(active, l2, matrix, SemidefiniteCholesky.Factor(matrix, size, DependentPivot, storage));
        model.Factorisation = system;
        return system;
    }
}
