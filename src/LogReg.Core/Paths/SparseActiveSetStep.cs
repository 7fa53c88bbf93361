using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The sparse sweeps' counterpart of <see cref="ActiveSetStep"/>: once the sweeps keep the support and signs, the Newton
/// step's quadratic model restricted to them is smooth, and its minimiser solves (H_AA + λ(1 − α)I)d = q with the
/// intercept's row — here by conjugate gradients (Jacobi-preconditioned, H applied through the columns' stored values),
/// since the support may hold tens of thousands of columns. On many nearly collinear columns (rare words of a Zipf
/// vocabulary at small λ) coordinate descent gains a fixed fraction per sweep — thousands of sweeps a Newton step at
/// tight tolerances — where conjugate gradients need about the square root of that; where they too need hundreds of
/// products (collinear one-hot columns: nested categories, shares summing to 100 %), the system is solved directly once
/// they have cost what that would (<see cref="SupportCholeskySolve"/>). The step stays on the signs' orthant (cut, or
/// projected), so the objective (convex, smooth there) falls; the sweeps that follow remain the judge.
/// </summary>
internal sealed class SparseActiveSetStep(SparseStandardizedProblem problem, double[] v, double vSum, double[] weighted)
{
    private const int MaxIterations = 2000;

    /// <summary>What a step did.</summary>
    public enum Outcome
    {
        /// <summary>It reached the model's minimiser on the support and signs.</summary>
        Minimiser,

        /// <summary>It moved the whole way its solve went, or set several coefficients leaving their signs to 0.</summary>
        Progress,

        /// <summary>It stopped where the first coefficient reached 0, or made no move.</summary>
        ShortStep,
    }

    /// <summary>What one sweep left: the residual's stored part ρ′, its centring multiple c, and their sums.</summary>
    public sealed class Residual(double[] rho)
    {
        /// <summary>ρ′, the stored values' part of the model's residual.</summary>
        public double[] Rho { get; } = rho;

        /// <summary>Σ ρ′ᵢ.</summary>
        public double RhoSum { get; set; }

        /// <summary>The multiple of the curvature weights that completes the residual: ρ = ρ′ + c·v.</summary>
        public double C { get; set; }

        /// <summary>The intercept, moved with the step.</summary>
        public double Intercept { get; set; }

        /// <summary>The intercept's move in this Newton step so far.</summary>
        public double InterceptTotal { get; set; }
    }

    /// <summary>
    /// Moves the non-zero coefficients among <paramref name="columns"/> and the intercept towards the model's minimiser on
    /// their signs, updating the residual and the step totals; <see cref="Outcome.Minimiser"/> when it reached that minimiser
    /// (on the orthant, every coordinate's remaining move below a tenth of <paramref name="threshold"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Outcome TryApply(int[] columns, double[] beta, double[] curvature, double[] crossWeights, double l1, double l2, double threshold,
        Residual state, double[] total)
    {
        if (vSum <= 0)
        {
            return Outcome.ShortStep;
        }
        var active = Enumerable.Range(0, columns.Length).Where(a => l1 == 0 || beta[columns[a]] != 0).ToArray();
        int k = active.Length;
        // The negative gradient of the smooth model on the support: x̃ⱼ·ρ − λα·sign(βⱼ) − λ(1 − α)βⱼ, the intercept's Σρ.
        var q = new double[k + 1];
        var diagonal = new double[k + 1];
        double residualSum = state.RhoSum + state.C * vSum;
        for (int r = 0; r < k; r++)
        {
            int a = active[r], j = columns[a];
            double b = beta[j];
            // x̃ⱼ·(ρ′ + c·v): the column's dot with ρ′ centred by the whole residual's sum, plus c·Σvᵢxᵢⱼ scaled.
            double dot = problem.ColumnDot(j, state.Rho, residualSum) + state.C * crossWeights[a] / problem.Scale(j);
            q[r] = dot - l1 * Math.Sign(b) - l2 * b;
            diagonal[r] = curvature[a] + l2;
        }
        q[k] = residualSum;
        diagonal[k] = vSum;
        var u = new double[problem.RowCount];
        var d = Solve(columns, active, crossWeights, q, diagonal, l2, threshold / 10, u, out bool converged);
        if (d is null)
        {
            return Outcome.ShortStep;
        }
        // Where d leaves the orthant, two candidates: d cut where the first coefficient reaches 0, and d with every
        // coefficient that would change sign set to 0 instead; the one that lowers the model more (both stay on the
        // closed orthant, where the model with the L1 term is the smooth quadratic below) is taken.
        double t = 1;
        int cut = -1, crossings = 0;
        var projected = (double[])d.Clone();
        for (int r = 0; l1 > 0 && r < k; r++)
        {
            double b = beta[columns[active[r]]];
            if (b * (b + d[r]) < 0)
            {
                crossings++;
                projected[r] = -b;
                if (-b / d[r] < t)
                {
                    (t, cut) = (-b / d[r], r);
                }
            }
        }
        var step = d;
        var outcome = converged ? Outcome.Minimiser : Outcome.Progress;
        if (crossings > 0)
        {
            var shortened = new double[k + 1];
            for (int r = 0; r <= k; r++)
            {
                shortened[r] = r == cut ? projected[r] : t * d[r];
            }
            bool projectedLower = crossings > 1
                && ModelChange(columns, active, crossWeights, q, l2, projected, u) < ModelChange(columns, active, crossWeights, q, l2, shortened, u);
            (step, outcome) = projectedLower ? (projected, Outcome.Progress) : (shortened, Outcome.ShortStep);
        }
        for (int r = 0; r < k; r++)
        {
            int a = active[r], j = columns[a];
            double delta = step[r];
            if (delta == 0)
            {
                continue;
            }
            // A coefficient projected or cut to 0 is set to exactly 0, not to β + (−β).
            double updated = step[r] == -beta[j] ? 0 : beta[j] + delta;
            delta = updated - beta[j];
            beta[j] = updated;
            total[a] += delta;
            double scaled = delta / problem.Scale(j);
            SparseCoordinateDescent.MoveResiduals(problem, j, weighted, scaled, state.Rho);
            state.RhoSum -= crossWeights[a] * scaled;
            state.C += problem.Mean(j) * scaled;
        }
        state.Intercept += step[k];
        state.InterceptTotal += step[k];
        state.C -= step[k];
        return outcome;
    }

    // The model's change along s on the support's orthant: −qᵀs + ½sᵀ(H + l2·I)s.
    private double ModelChange(int[] columns, int[] active, double[] crossWeights, double[] q, double l2, double[] s, double[] u)
    {
        var hs = new double[s.Length];
        Multiply(columns, active, crossWeights, s, l2, u, hs);
        return -VectorKernels.Dot(q, s) + 0.5 * VectorKernels.Dot(s, hs);
    }

    // Preconditioned conjugate gradients on (H + l2·I_coefficients)d = q from d = 0, until every coordinate's remaining
    // move r²/diagonal is below the target; null when the model shows no positive curvature along a direction.
    private double[]? Solve(int[] columns, int[] active, double[] crossWeights, double[] q, double[] diagonal, double l2, double target, double[] u,
        out bool converged)
    {
        int size = q.Length;
        var d = new double[size];
        var r = (double[])q.Clone();
        var z = new double[size];
        var p = new double[size];
        var hp = new double[size];
        for (int i = 0; i < size; i++)
        {
            p[i] = z[i] = r[i] / diagonal[i];
        }
        double rz = VectorKernels.Dot(r, z);
        converged = false;
        // When the gradients have cost what the direct solve would (SupportCholeskySolve), it is tried once; its answer
        // replaces theirs if its residual, through the same products, is smaller, and the gradients go on from there.
        int k = active.Length;
        double productCost = u.Length, spent = 0;
        foreach (int a in active)
        {
            productCost += 2.0 * (problem.ColumnStart[columns[a] + 1] - problem.ColumnStart[columns[a]]);
        }
        // The factorisation alone, before the Gram's cost is counted (a pass over the support's stored values).
        double directFloor = (k + 1.0) * (k + 1.0) * (k + 1.0) / 24 + productCost / 2;
        double? directCost = null;
        bool directTried = k > SupportCholeskySolve.MaxColumns;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            spent += productCost;
            if (!directTried && spent >= directFloor && spent >= (directCost ??= SupportCholeskySolve.Cost(problem, active.Select(a => columns[a]).ToArray(), new int[u.Length])))
            {
                directTried = true;
                if (SupportCholeskySolve.Solve(problem, columns, active, v, l2, q) is { } direct
                    && AdoptIfCloser(columns, active, crossWeights, q, diagonal, l2, u, direct, d, r, z, p, hp, ref rz, target, out converged)
                    && converged)
                {
                    return d;
                }
            }
            Multiply(columns, active, crossWeights, p, l2, u, hp);
            double curvatureAlong = VectorKernels.Dot(p, hp);
            if (!(curvatureAlong > 0))
            {
                return iteration == 0 ? null : d;
            }
            double step = rz / curvatureAlong, largest = 0;
            for (int i = 0; i < size; i++)
            {
                d[i] += step * p[i];
                r[i] -= step * hp[i];
                z[i] = r[i] / diagonal[i];
                largest = Math.Max(largest, r[i] * z[i]);
            }
            if (largest < target)
            {
                converged = true;
                return d;
            }
            double rzNext = VectorKernels.Dot(r, z), ratio = rzNext / rz;
            rz = rzNext;
            for (int i = 0; i < size; i++)
            {
                p[i] = z[i] + ratio * p[i];
            }
        }
        return d;
    }

    // d, r, z, p (and rz) restart from the direct solution when its preconditioned residual's largest entry is below
    // that of the gradients' current r; converged when it meets the target.
    private bool AdoptIfCloser(int[] columns, int[] active, double[] crossWeights, double[] q, double[] diagonal, double l2, double[] u,
        double[] direct, double[] d, double[] r, double[] z, double[] p, double[] hp, ref double rz, double target, out bool converged)
    {
        Multiply(columns, active, crossWeights, direct, l2, u, hp);
        double largest = 0, current = 0;
        for (int i = 0; i < q.Length; i++)
        {
            double ri = q[i] - hp[i];
            largest = Math.Max(largest, ri * ri / diagonal[i]);
            current = Math.Max(current, r[i] * z[i]);
        }
        converged = false;
        if (!(largest < current))
        {
            return false;
        }
        for (int i = 0; i < q.Length; i++)
        {
            d[i] = direct[i];
            r[i] = q[i] - hp[i];
            p[i] = z[i] = r[i] / diagonal[i];
        }
        rz = VectorKernels.Dot(r, z);
        converged = largest < target;
        return true;
    }

    // hp = (X̃ᵀVX̃ + l2·I)p on the support with the intercept's row and column: X̃p over the stored values plus one shift for
    // the centring and the intercept, weighted by v, then each column's dot with it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Multiply(int[] columns, int[] active, double[] crossWeights, double[] p, double l2, double[] u, double[] hp)
    {
        int k = active.Length;
        Array.Clear(u);
        double shift = p[k];
        int[] start = problem.ColumnStart, rows = problem.ColumnRows;
        float[] values = problem.ColumnValues;
        for (int r = 0; r < k; r++)
        {
            int j = columns[active[r]];
            double coefficient = p[r] / problem.Scale(j);
            shift -= problem.Mean(j) * coefficient;
            for (int s = start[j], end = start[j + 1]; s < end; s++)
            {
                u[rows[s]] += values[s] * coefficient;
            }
        }
        // w = v·(u + shift) = v·u + shift·v: Σw, and each column's xⱼ·w = xⱼ·(v·u) + shift·Σ vᵢxᵢⱼ.
        double weightedSum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            u[i] *= v[i];
            weightedSum += u[i];
        }
        weightedSum += shift * vSum;
        for (int r = 0; r < k; r++)
        {
            int a = active[r], j = columns[a], from = start[j], count = start[j + 1] - from;
            double xw = VectorKernels.GatheredDot(rows.AsSpan(from, count), values.AsSpan(from, count), u)
                + shift * crossWeights[a];
            hp[r] = (xw - problem.Mean(j) * weightedSum) / problem.Scale(j) + l2 * p[r];
        }
        hp[k] = weightedSum;
    }
}
