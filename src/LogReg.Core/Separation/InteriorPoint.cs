namespace LogReg.Core.Separation;

/// <summary>
/// An iterate (or a direction) of <see cref="MinimumMarginProgram"/>: the standard-form primal x = (ν, u, v, w),
/// the dual y = (y_β, y_t) with β = −y_β and t = y_t, and the dual slacks z = (r, p, q, ω) with
/// r = Ãβ − t·1, p = 1 − β, q = 1 + β, ω = 1 − t at feasibility. Element-wise arithmetic only, into storage
/// allocated once per solve (the program's n-length vectors would otherwise be large-object garbage every iteration).
/// </summary>
internal sealed class InteriorPoint
{
    private InteriorPoint(int n, int k)
    {
        Nu = new double[n];
        R = new double[n];
        U = new double[k];
        V = new double[k];
        P = new double[k];
        Q = new double[k];
        YBeta = new double[k];
    }

    public double[] Nu { get; }
    public double[] U { get; }
    public double[] V { get; }
    public double W { get; set; }
    public double[] R { get; }
    public double[] P { get; }
    public double[] Q { get; }
    public double Omega { get; set; }
    public double[] YBeta { get; }
    public double YT { get; set; }

    /// <summary>Complementary pairs: n + 2k + 1.</summary>
    public int Count => Nu.Length + 2 * U.Length + 1;

    /// <summary>D = X·Z⁻¹ per standard-form variable, the weights of the normal equations.</summary>
    public sealed class Weights(double[] nu, double[] u, double[] v, double w)
    {
        public double[] Nu { get; } = nu;
        public double[] U { get; } = u;
        public double[] V { get; } = v;
        public double W { get; set; } = w;

        public static Weights Create(int n, int k) => new(new double[n], new double[k], new double[k], 0);
    }

    /// <summary>The primal residual b − Ax (k entries for β, one for t) and the dual residual c − Aᵀy − z.</summary>
    public sealed class Residual(int n, int k)
    {
        public double[] PrimalBeta { get; } = new double[k];
        public double PrimalT { get; set; }
        public double[] DualNu { get; } = new double[n];
        public double[] DualU { get; } = new double[k];
        public double[] DualV { get; } = new double[k];
        public double DualW { get; set; }

        /// <summary>The largest absolute entry of both residuals.</summary>
        public double Norm => Math.Max(
            Math.Max(Math.Abs(PrimalT), Math.Abs(DualW)),
            Math.Max(MaxAbs(PrimalBeta), Math.Max(MaxAbs(DualNu), Math.Max(MaxAbs(DualU), MaxAbs(DualV)))));
    }

    public static InteriorPoint Zero(int n, int k) => new(n, k);

    public void CopyTo(InteriorPoint c)
    {
        c.W = W; c.Omega = Omega; c.YT = YT;
        Nu.CopyTo(c.Nu, 0); U.CopyTo(c.U, 0); V.CopyTo(c.V, 0); R.CopyTo(c.R, 0);
        P.CopyTo(c.P, 0); Q.CopyTo(c.Q, 0); YBeta.CopyTo(c.YBeta, 0);
    }

    public void ScalingWeights(Weights d)
    {
        Divide(Nu, R, d.Nu);
        Divide(U, P, d.U);
        Divide(V, Q, d.V);
        d.W = W / Omega;
    }

    /// <summary>The residuals at this point, into <paramref name="r"/> (<paramref name="scratch"/>: n entries).</summary>
    public void Residuals(SignedDesign a, Residual r, double[] scratch)
    {
        int n = Nu.Length, k = U.Length;
        a.MultiplyTransposed(Nu, r.PrimalBeta);
        for (int j = 0; j < k; j++)
        {
            r.PrimalBeta[j] = -r.PrimalBeta[j] + U[j] - V[j];
            r.DualU[j] = 1 + YBeta[j] - P[j];
            r.DualV[j] = 1 - YBeta[j] - Q[j];
        }
        r.PrimalT = 1 - Nu.Sum() - W;
        a.Multiply(YBeta, scratch);
        for (int i = 0; i < n; i++)
        {
            r.DualNu[i] = -(scratch[i] + YT) - R[i];
        }
        r.DualW = 1 - YT - Omega;
    }

    /// <summary>xᵀz.</summary>
    public double Complementarity() => Dot(Nu, R) + Dot(U, P) + Dot(V, Q) + W * Omega;

    /// <summary>The affine target −x∘z, written into <paramref name="t"/>'s x-slots (ν, u, v, w).</summary>
    public void NegatedProducts(InteriorPoint t)
    {
        Fill(t.Nu, Nu, R, null, null, 0);
        Fill(t.U, U, P, null, null, 0);
        Fill(t.V, V, Q, null, null, 0);
        t.W = -W * Omega;
    }

    /// <summary>Mehrotra's corrector target −x∘z − Δx_aff∘Δz_aff + σμ, into <paramref name="t"/>'s x-slots.</summary>
    public void CorrectorTargets(InteriorPoint affine, double centre, InteriorPoint t)
    {
        Fill(t.Nu, Nu, R, affine.Nu, affine.R, centre);
        Fill(t.U, U, P, affine.U, affine.P, centre);
        Fill(t.V, V, Q, affine.V, affine.Q, centre);
        t.W = -W * Omega - affine.W * affine.Omega + centre;
    }

    /// <summary>The largest α with x + α·Δx ≥ 0 (∞ when no entry decreases).</summary>
    public double PrimalStepTo(InteriorPoint d) =>
        Math.Min(Math.Min(Step(Nu, d.Nu), Step(U, d.U)), Math.Min(Step(V, d.V), Step(W, d.W)));

    /// <summary>The largest α with z + α·Δz ≥ 0.</summary>
    public double DualStepTo(InteriorPoint d) =>
        Math.Min(Math.Min(Step(R, d.R), Step(P, d.P)), Math.Min(Step(Q, d.Q), Step(Omega, d.Omega)));

    public double ComplementarityAfter(InteriorPoint d, double alphaPrimal, double alphaDual)
    {
        double sum = (W + alphaPrimal * d.W) * (Omega + alphaDual * d.Omega);
        sum += After(Nu, d.Nu, R, d.R, alphaPrimal, alphaDual);
        sum += After(U, d.U, P, d.P, alphaPrimal, alphaDual);
        sum += After(V, d.V, Q, d.Q, alphaPrimal, alphaDual);
        return sum;
    }

    public void Step(InteriorPoint d, double alphaPrimal, double alphaDual)
    {
        Axpy(Nu, d.Nu, alphaPrimal); Axpy(U, d.U, alphaPrimal); Axpy(V, d.V, alphaPrimal);
        W += alphaPrimal * d.W;
        Axpy(R, d.R, alphaDual); Axpy(P, d.P, alphaDual); Axpy(Q, d.Q, alphaDual);
        Omega += alphaDual * d.Omega;
        Axpy(YBeta, d.YBeta, alphaDual);
        YT += alphaDual * d.YT;
    }

    /// <summary>Mehrotra's shift of a least-squares start into the interior, balanced between x and z.</summary>
    public void ShiftIntoInterior()
    {
        double minX = Math.Min(Math.Min(Nu.DefaultIfEmpty(0).Min(), U.Min()), Math.Min(V.Min(), W));
        double minZ = Math.Min(Math.Min(R.DefaultIfEmpty(0).Min(), P.Min()), Math.Min(Q.Min(), Omega));
        AddToX(Math.Max(-1.5 * minX, 0));
        AddToZ(Math.Max(-1.5 * minZ, 0));
        double xz = Complementarity();
        double sumX = Nu.Sum() + U.Sum() + V.Sum() + W;
        double sumZ = R.Sum() + P.Sum() + Q.Sum() + Omega;
        // A start exactly on the boundary (x̃ or z̃ all zero) still gets a positive shift.
        AddToX(Math.Max(0.5 * xz / Math.Max(sumZ, 1e-300), 1e-2));
        AddToZ(Math.Max(0.5 * xz / Math.Max(sumX, 1e-300), 1e-2));
    }

    /// <summary>The iterate as the separation program's variables.</summary>
    public MinimumMarginProgram.Solution ToSolution(SignedDesign a, int iterations, double merit)
    {
        var beta = YBeta.Select(v => -v).ToArray();
        var margins = new double[Nu.Length];
        a.Multiply(beta, margins);
        var slacks = margins.Select(m => m - YT).ToArray();
        return new MinimumMarginProgram.Solution(beta, YT, (double[])Nu.Clone(), slacks, iterations, Complementarity() / Count, merit);
    }

    private void AddToX(double delta)
    {
        Add(Nu, delta); Add(U, delta); Add(V, delta);
        W += delta;
    }

    private void AddToZ(double delta)
    {
        Add(R, delta); Add(P, delta); Add(Q, delta);
        Omega += delta;
    }

    private static void Fill(double[] target, double[] x, double[] z, double[]? dx, double[]? dz, double centre)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = -x[i] * z[i] + centre - (dx is null ? 0 : dx[i] * dz![i]);
        }
    }

    private static double Step(double[] x, double[] dx)
    {
        double alpha = double.PositiveInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            if (dx[i] < 0)
            {
                alpha = Math.Min(alpha, -x[i] / dx[i]);
            }
        }
        return alpha;
    }

    private static double Step(double x, double dx) => dx < 0 ? -x / dx : double.PositiveInfinity;

    private static double After(double[] x, double[] dx, double[] z, double[] dz, double ap, double ad)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (x[i] + ap * dx[i]) * (z[i] + ad * dz[i]);
        }
        return sum;
    }

    private static void Divide(double[] x, double[] z, double[] d)
    {
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = x[i] / z[i];
        }
    }

    private static void Axpy(double[] y, double[] x, double alpha)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    private static void Add(double[] x, double delta)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += delta;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double MaxAbs(double[] v)
    {
        double m = 0;
        foreach (double x in v)
        {
            m = Math.Max(m, Math.Abs(x));
        }
        return m;
    }
}
