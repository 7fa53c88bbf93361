namespace LogReg.Core.Separation;

/// <summary>
/// The minimum-margin linear program of the separation check and its dual,
/// <code>
///   maximise t   subject to  Ãβ ≥ t·1,  −1 ≤ βⱼ ≤ 1,  t ≤ 1
///   minimise Σuⱼ + Σvⱼ + w   subject to  Ãᵀν − u + v = 0,  Σνᵢ + w = 1,  ν, u, v, w ≥ 0,
/// </code>
/// solved by Mehrotra's predictor–corrector primal–dual interior-point method (Wright, "Primal-Dual
/// Interior-Point Methods", 1997, ch. 10) on the dual as the standard-form problem. Both programs have
/// strictly feasible points (β = 0 with t &lt; 0; ν = 1/(2n), w = ½), so the central path exists and the
/// iterates approach the analytic centre of the optimal faces: a strictly complementary pair, which tells
/// which rows any separating direction can put strictly on their side (margin &gt; 0 with νᵢ → 0) and which
/// it cannot (νᵢ &gt; 0, margin → 0). Degenerate vertices — the separation programs are full of them, every row
/// is active at β = 0 — do not slow it: each iteration solves one (k+1)×(k+1) normal system Ãᵀ·D·Ã + diag,
/// O(n·k²), and the count of iterations hardly grows with the size. The answer is a candidate only;
/// <see cref="SeparationCertificate"/> proves or rejects it.
/// </summary>
internal sealed class MinimumMarginProgram
{
    /// <summary>Iterations before giving up (a run needs 15–40).</summary>
    public const int MaximumIterations = 120;

    private readonly SignedDesign _a;
    private readonly int _n;
    private readonly int _k;

    public MinimumMarginProgram(SignedDesign a)
    {
        _a = a;
        _n = a.RowCount;
        _k = a.Dimension;
    }

    /// <summary>The last iterate: the direction β, the minimum margin t, the row multipliers ν and the slacks Ãβ − t.</summary>
    public sealed record Solution(double[] Beta, double MinimumMargin, double[] Multipliers, double[] Slacks, int Iterations, double Complementarity, double Infeasibility);

    /// <summary>
    /// Runs the method until the complementarity and the residuals are at rounding level, or it stops improving, and
    /// returns the iterate with the smallest residuals, then the last one when that differs: on an ill-conditioned
    /// design the residuals can grow in the last steps while the direction still improves, and the certificates,
    /// which trust neither, may prove either.
    /// </summary>
    public IReadOnlyList<Solution> Solve(CancellationToken cancellationToken)
    {
        var system = new NormalEquations(_a);
        var s = StartingPoint(system);
        var best = InteriorPoint.Zero(_n, _k);
        s.CopyTo(best);
        var residual = new InteriorPoint.Residual(_n, _k);
        var weights = InteriorPoint.Weights.Create(_n, _k);
        var targets = InteriorPoint.Zero(_n, _k);
        var affine = InteriorPoint.Zero(_n, _k);
        var direction = InteriorPoint.Zero(_n, _k);
        var scratch = new double[_n];
        double bestMerit = double.PositiveInfinity, merit = double.NaN;
        int stalled = 0, iteration = 0, bestIteration = 0;
        for (; iteration < MaximumIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            s.Residuals(_a, residual, scratch);
            double mu = s.Complementarity() / s.Count;
            merit = Math.Max(mu, residual.Norm);
            if (!double.IsFinite(merit))
            {
                break;
            }
            if (merit < bestMerit * 0.9)
            {
                s.CopyTo(best);
                (bestMerit, bestIteration) = (merit, iteration);
                stalled = 0;
            }
            else if (++stalled >= 4)
            {
                break;
            }
            if (mu <= 1e-15 && residual.Norm <= 1e-12)
            {
                break;
            }
            s.ScalingWeights(weights);
            if (!system.Factor(weights))
            {
                break;
            }
            // Predictor: the affine-scaling direction (complementarity driven to 0).
            s.NegatedProducts(targets);
            system.Direction(s, residual, targets, affine);
            double alphaPrimal = s.PrimalStepTo(affine), alphaDual = s.DualStepTo(affine);
            double muAffine = s.ComplementarityAfter(affine, alphaPrimal, alphaDual) / s.Count;
            double centering = Math.Pow(muAffine / mu, 3);
            // Corrector: second-order term and centring, from the same factorisation.
            s.CorrectorTargets(affine, centering * mu, targets);
            system.Direction(s, residual, targets, direction);
            double eta = Math.Max(0.9, 1 - 10 * mu);
            s.Step(direction, Math.Min(1, eta * s.PrimalStepTo(direction)), Math.Min(1, eta * s.DualStepTo(direction)));
        }
        var solutions = new List<Solution> { best.ToSolution(_a, iteration, bestMerit) };
        if (bestIteration != iteration && double.IsFinite(merit))
        {
            solutions.Add(s.ToSolution(_a, iteration, merit));
        }
        return solutions;
    }

    // Mehrotra's starting point: least-norm x̃ and least-squares (ỹ, z̃), shifted into the positive orthant
    // and balanced so that neither side dominates the complementarity.
    private InteriorPoint StartingPoint(NormalEquations system)
    {
        var s = InteriorPoint.Zero(_n, _k);
        var unit = new InteriorPoint.Weights(Enumerable.Repeat(1.0, _n).ToArray(), Enumerable.Repeat(1.0, _k).ToArray(), Enumerable.Repeat(1.0, _k).ToArray(), 1);
        system.Factor(unit);
        // A·Aᵀ·ξ = b = (0, 1); A·c = (0, 1) too, so x̃ = Aᵀξ, ỹ = ξ and z̃ = c − Aᵀξ.
        var xi = new double[_k + 1];
        xi[_k] = 1;
        system.Solve(xi);
        var atXi = new double[_n];
        _a.Multiply(xi.AsSpan(0, _k), atXi);
        for (int i = 0; i < _n; i++)
        {
            s.Nu[i] = atXi[i] + xi[_k];
            s.R[i] = -(atXi[i] + xi[_k]);
        }
        for (int j = 0; j < _k; j++)
        {
            s.U[j] = -xi[j];
            s.V[j] = xi[j];
            s.P[j] = 1 + xi[j];
            s.Q[j] = 1 - xi[j];
            s.YBeta[j] = xi[j];
        }
        s.W = xi[_k];
        s.Omega = 1 - xi[_k];
        s.YT = xi[_k];
        s.ShiftIntoInterior();
        return s;
    }
}
