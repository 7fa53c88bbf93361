using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Paths;

/// <summary>
/// Carries a sparse solve's margins (the binary path's, or a multinomial class's linear part) from a Newton step's start
/// to where its sweeps end without a pass over the stored values. The sweeps keep the quadratic model's residual ρ = r − v·Δη (as ρ′ + c·v), so each row's change of
/// margin is Δηᵢ = (rᵢ − ρ′ᵢ)/vᵢ − c from the residual at the start. That pass over the rows replaced the margins'
/// pass over every stored value after each step (39 of a sparse benchmark path's 119 steps) and the margins (or a class's
/// linear part) moved with every coordinate. The difference loses digits where vᵢ is small against the residuals (rows fitted
/// with certainty on the wrong side: rᵢ ≈ wᵢ, vᵢ ≈ 0): those rows take their exact margin from their own stored values.
/// </summary>
internal sealed class StepMargins(SparseStandardizedProblem problem)
{
    // Rows whose curvature weight is at most this share of their residuals are recomputed: a residual's rounding (an ulp
    // of it per coordinate move touching the row, ~10² a step) then costs at most 20 ulps of it per move in the margin.
    // Rows fitted with certainty on the right side keep vᵢ ≈ |rᵢ| and are carried.
    private const double CurvatureShare = 0.05;

    private readonly double[] _start = new double[problem.RowCount];

    /// <summary>Records the residuals r at a step's start (the sweeps then change <paramref name="residual"/> in place).</summary>
    public void Begin(double[] residual) => Array.Copy(residual, _start, _start.Length);

    /// <summary>
    /// Moves <paramref name="eta"/> (the linear parts b + x̃ᵢ·β at the step's start, offsets not included) to (β, b) where
    /// the sweeps ended, given their residual ρ′, the curvature weights <paramref name="v"/> they used and the centring's
    /// part <paramref name="c"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void End(double[] eta, double[] rho, double[] v, double c, double[] beta, double intercept)
    {
        int n = eta.Length, i = 0;
        ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(rho.Length, v.Length), n);
        double[]? coefficients = null;
        double shift = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four rows at a time, and a branch only where one of them needs its exact margin (the per-row branch
            // mispredicted on the benchmark path's rows).
            var share = Vector256.Create(CurvatureShare);
            var centring = Vector256.Create(c);
            for (; i + 4 <= n; i += 4)
            {
                var start = Vector256.LoadUnsafe(ref _start[0], (nuint)i);
                var residual = Vector256.LoadUnsafe(ref rho[0], (nuint)i);
                var weights = Vector256.LoadUnsafe(ref v[0], (nuint)i);
                var carried = Vector256.GreaterThan(weights, share * Vector256.Max(Vector256.Abs(start), Vector256.Abs(residual)));
                var margins = Vector256.LoadUnsafe(ref eta[0], (nuint)i);
                Vector256.ConditionalSelect(carried, margins + ((start - residual) / weights - centring), margins).StoreUnsafe(ref eta[0], (nuint)i);
                for (uint exact = ~carried.ExtractMostSignificantBits() & 0xF; exact != 0; exact &= exact - 1)
                {
                    int row = i + System.Numerics.BitOperations.TrailingZeroCount(exact);
                    eta[row] = ExactMargin(row, ref coefficients, ref shift, beta, intercept);
                }
            }
        }
        for (; i < n; i++)
        {
            if (v[i] > CurvatureShare * Math.Max(Math.Abs(_start[i]), Math.Abs(rho[i])))
            {
                eta[i] += (_start[i] - rho[i]) / v[i] - c;
            }
            else
            {
                eta[i] = ExactMargin(i, ref coefficients, ref shift, beta, intercept);
            }
        }
    }

    // Row i's margin from its stored values, the coefficients on their scale formed on the first call of a step.
    private double ExactMargin(int i, ref double[]? coefficients, ref double shift, double[] beta, double intercept)
    {
        if (coefficients is null)
        {
            (coefficients, shift) = problem.RawCoefficients(beta, intercept);
        }
        return problem.RowMargin(i, coefficients, shift);
    }
}
