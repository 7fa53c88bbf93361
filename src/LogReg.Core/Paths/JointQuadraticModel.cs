using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial Newton step's quadratic model over every present class's coefficients and intercept (each class's
/// variables in a block of m + 1, its intercept last), with the elastic-net penalty on the coefficients: minimised by
/// coordinate descent in glmnet's sweep schedule, which finds the support, and an active-set method from there, which
/// finishes it exactly (a few Cholesky solves of the support's system). The Hessian is singular along a common shift of
/// the intercepts (the softmax cannot see it) and badly conditioned near it, where sweeps alone crawl — and a Newton step
/// on a half-minimised model looks settled when it is not: on iris the steps then converged linearly, 0.96 a step.
/// </summary>
internal sealed class JointQuadraticModel(double[] hessian, int size, int stride)
{
    private const int MaxSweeps = 100_000;

    /// <summary>The Hessian the model minimises over (size², row-major), its caller's to fill.</summary>
    public double[] Hessian => hessian;

    /// <summary>The number of variables (present classes × stride).</summary>
    public int Size => size;

    /// <summary>The variables of one class: its columns and its intercept.</summary>
    public int Stride => stride;

    // The active-set method's system, its factor and its signs, reused from one solve to the next (a path makes thousands).
    private readonly double[] _matrix = new double[size * size];
    private readonly double[] _factor = new double[size * size];
    private readonly double[] _move = new double[size];
    private readonly int[] _sign = new int[size];
    private readonly bool[] _inSupport = new bool[size];

    /// <summary>
    /// From <paramref name="value"/> (the current point, updated in place to the minimiser), with <paramref name="q"/> the
    /// smooth part's negative gradient there (updated with every move); done when the active-set method lands, else when
    /// a sweep moves no variable v by Hᵥᵥ·move² ≥ <paramref name="threshold"/>.
    /// </summary>
    public void Minimise(double[] value, double[] q, double l1, double l2, double threshold)
    {
        bool activeOnly = false;
        int nextAttempt = 1, misses = 0;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double largest = Sweep(value, q, l1, l2, activeOnly);
            bool done = CoordinateSteps.SweepDone(largest, threshold, ref activeOnly);
            if (done || sweep + 1 >= nextAttempt)
            {
                if (TryExact(value, q, l1, l2))
                {
                    return;
                }
                if (done)
                {
                    return;
                }
                nextAttempt = sweep + 1 + (1 << Math.Min(++misses, 10));
            }
        }
    }

    private bool IsIntercept(int v) => v % stride == stride - 1;

    private double Sweep(double[] value, double[] q, double l1, double l2, bool activeOnly)
    {
        double largest = 0;
        for (int v = 0; v < size; v++)
        {
            bool intercept = IsIntercept(v);
            double old = value[v], curvature = hessian[v * size + v];
            if ((activeOnly && old == 0 && !intercept) || !(curvature > 0))
            {
                continue;
            }
            double updated = intercept ? old + q[v] / curvature : CoordinateSteps.Minimizer(q[v] + curvature * old, curvature, l1, l2);
            double delta = updated - old;
            if (delta == 0)
            {
                continue;
            }
            value[v] = updated;
            VectorKernels.AddScaled(hessian.AsSpan(v * size, size), -delta, q);
            largest = Math.Max(largest, curvature * delta * delta);
        }
        return largest;
    }

    // The model's minimiser by an active-set method from the sweeps' support: solve on the support and signs (one
    // Cholesky solve); a coefficient that would cross zero stops there and leaves the support, a zero coefficient whose
    // gradient passes its L1 bound joins it with that gradient's sign; done when neither happens. False when a solve
    // fails or the steps run out (the sweeps go on).
    private bool TryExact(double[] value, double[] q, double l1, double l2)
    {
        int classes = size / stride;
        var (sign, inSupport) = (_sign, _inSupport);
        for (int v = 0; v < size; v++)
        {
            inSupport[v] = v != size - 1 && (IsIntercept(v) || l1 == 0 || value[v] != 0);
            sign[v] = Math.Sign(value[v]);
        }
        for (int iteration = 0; iteration < 2 * size; iteration++)
        {
            if (l1 > 0 && l2 == 0)
            {
                ZeroMedians(value, q, inSupport, sign, classes);
            }
            var (active, fixedToo) = Variables(inSupport, sign, classes, l1, l2);
            if (active is null)
            {
                return false;
            }
            var move = SolveOn(active, value, q, sign, l1, l2);
            if (move is null)
            {
                return false;
            }
            // The largest part of the move that keeps every coefficient in its orthant.
            double part = 1;
            int leaving = -1;
            for (int r = 0; r < active.Length; r++)
            {
                int v = active[r];
                if (!IsIntercept(v) && l1 > 0 && sign[v] * (value[v] + move[r]) <= 0 && sign[v] * move[r] < 0)
                {
                    double reach = -value[v] / move[r];
                    if (reach < part)
                    {
                        (part, leaving) = (reach, v);
                    }
                }
            }
            for (int r = 0; r < active.Length; r++)
            {
                double step = part * move[r];
                value[active[r]] += step;
                VectorKernels.AddScaled(hessian.AsSpan(active[r] * size, size), -step, q);
            }
            if (leaving >= 0)
            {
                value[leaving] = 0;
                (inSupport[leaving], sign[leaving]) = (false, 0);
                continue;
            }
            int entering = -1;
            double worst = l1;
            for (int v = 0; v < size; v++)
            {
                if (!inSupport[v] && !IsIntercept(v) && !fixedToo.Contains(v) && Math.Abs(q[v]) > worst)
                {
                    (entering, worst) = (v, Math.Abs(q[v]));
                }
            }
            if (entering < 0)
            {
                return true;
            }
            (inSupport[entering], sign[entering]) = (true, Math.Sign(q[entering]));
        }
        return false;
    }

    // Under the L1 penalty alone, a feature whose K coefficients are all non-zero with signs that do not cancel lies on a
    // line the model cannot see (all K moved together) along which the penalty falls until one of them reaches zero: the
    // move by the penalty's minimiser along it (PenaltyShift, a median, as the path shifts between steps), the coefficient
    // it zeroes leaving the support. Without it the active-set method gave up on such a feature and the sweeps crawled (a
    // tiny λ from a cold start ran out of Newton steps on MASS's crabs).
    private void ZeroMedians(double[] value, double[] q, bool[] inSupport, int[] sign, int classes)
    {
        var values = new double[classes];
        for (int a = 0; a < stride - 1; a++)
        {
            var (all, signs) = Coverage(a, inSupport, sign, classes);
            if (!all || signs == 0)
            {
                continue;
            }
            for (int c = 0; c < classes; c++)
            {
                values[c] = value[c * stride + a];
            }
            double shift = PenaltyShift.Of(values, alpha: 1);
            for (int c = 0; c < classes; c++)
            {
                int v = c * stride + a;
                value[v] -= shift;
                VectorKernels.AddScaled(hessian.AsSpan(v * size, size), shift, q);
                (inSupport[v], sign[v]) = value[v] == 0 ? (false, 0) : (true, Math.Sign(value[v]));
            }
        }
    }

    // Whether feature a's coefficients are in the support in every class, and the sum of their signs.
    private (bool All, int Signs) Coverage(int a, bool[] inSupport, int[] sign, int classes)
    {
        int signs = 0;
        for (int c = 0; c < classes; c++)
        {
            if (!inSupport[c * stride + a])
            {
                return (false, signs);
            }
            signs += sign[c * stride + a];
        }
        return (true, signs);
    }

    // The support's variables to solve for, and those held where they are: the last class's intercept, and — without a
    // ridge part, where the loss is as flat along a feature's K coefficients moved together as along the intercepts — the
    // last class's coefficient of a feature whose K are all in the support. Such a feature has a minimiser only if its
    // signs cancel (else the penalty falls along that line until one reaches zero, which the sweeps and the path's shift
    // do): null then.
    private (int[]? Active, HashSet<int> Fixed) Variables(bool[] inSupport, int[] sign, int classes, double l1, double l2)
    {
        var fixedToo = new HashSet<int> { size - 1 };
        for (int a = 0; l2 == 0 && a < stride - 1; a++)
        {
            var (all, signs) = Coverage(a, inSupport, sign, classes);
            if (all)
            {
                if (l1 > 0 && signs != 0)
                {
                    return (null, fixedToo);
                }
                fixedToo.Add((classes - 1) * stride + a);
            }
        }
        return (Enumerable.Range(0, size).Where(v => inSupport[v] && !fixedToo.Contains(v)).ToArray(), fixedToo);
    }

    // The move of the active variables to the model's minimiser on them with their signs fixed, or null (not positive definite).
    private double[]? SolveOn(int[] active, double[] value, double[] q, int[] sign, double l1, double l2)
    {
        int k = active.Length;
        var (matrix, move) = (_matrix, _move);
        for (int r = 0; r < k; r++)
        {
            int v = active[r];
            for (int c = 0; c < k; c++)
            {
                matrix[r * k + c] = hessian[v * size + active[c]];
            }
            bool intercept = IsIntercept(v);
            matrix[r * k + r] += intercept ? 0 : l2;
            move[r] = intercept ? q[v] : q[v] - l1 * sign[v] - l2 * value[v];
        }
        if (!DenseLinearAlgebra.TryCholesky(matrix.AsSpan(0, k * k), k, _factor))
        {
            return null;
        }
        DenseLinearAlgebra.CholeskySolve(_factor, k, move.AsSpan(0, k));
        return move;
    }
}
