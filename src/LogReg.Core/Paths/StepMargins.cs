using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// Carries the binary sparse path's margins from a Newton step's start to where its sweeps end without a pass over the
/// stored values. The sweeps keep the quadratic model's residual ρ = r − v·Δη (as ρ′ + c·v), so each row's change of
/// margin is Δηᵢ = (rᵢ − ρ′ᵢ)/vᵢ − c from the residual at the start. That pass over the rows replaced the margins'
/// pass over every stored value after each step (39 of a sparse benchmark path's 119 steps) and the margins moved with
/// every coordinate in later steps. The difference loses digits where vᵢ is small against the row's weight (rows fitted
/// nearly with certainty): those rows take their exact margin from their own stored values instead.
/// </summary>
internal sealed class StepMargins(SparseStandardizedProblem problem)
{
    // Rows whose curvature weight is below this share of their weight (p(1 − p) < 0.05, p outside 0.053…0.947) are
    // recomputed: a residual's rounding (an ulp of the weight per coordinate move touching the row, ~10² a step) then
    // costs at most 20 ulps of the weight per move in the margin — ~2e-13 a step.
    private const double CurvatureShare = 0.05;

    private readonly double[] _start = new double[problem.RowCount];

    /// <summary>Records the residuals r at a step's start (the sweeps then change <paramref name="residual"/> in place).</summary>
    public void Begin(double[] residual) => Array.Copy(residual, _start, _start.Length);

    /// <summary>
    /// Moves the problem's margin buffer (the margins at the step's start) to (β, b) where the sweeps ended, given their
    /// residual ρ′, the curvature weights <paramref name="v"/> they used and the centring's part <paramref name="c"/>, and
    /// marks it as holding the margins there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void End(double[] rho, double[] v, double c, double[] beta, double intercept)
    {
        var eta = problem.MarginBuffer;
        var weights = problem.NormalizedWeights;
        double[]? coefficients = null;
        double shift = 0;
        for (int i = 0; i < eta.Length; i++)
        {
            if (v[i] >= CurvatureShare * weights[i] && v[i] > 0)
            {
                eta[i] += (_start[i] - rho[i]) / v[i] - c;
            }
            else
            {
                if (coefficients is null)
                {
                    (coefficients, shift) = problem.RawCoefficients(beta, intercept);
                }
                eta[i] = problem.RowMargin(i, coefficients, shift);
            }
        }
        problem.MarginsMovedTo(beta, intercept);
    }
}
