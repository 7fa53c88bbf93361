using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The active-set system after some of its coefficients have left (stopped at 0 by <see cref="ActiveSetStep"/>), solved
/// with the factor of the system they left rather than a new one: fixing those coordinates' moves at 0 is a bordered
/// system [M E; Eᵀ 0], whose solution is u − Wμ with u = M⁻¹r, W = M⁻¹E (one solve per coefficient that left, kept) and
/// μ from the small capacitance system EᵀWμ = Eᵀu. Each pass then costs two triangular solves (O(k²)) instead of a
/// factorisation (O(k³)): on a 2,000 × 1,000 set of strongly correlated columns at α = 0.5 a path's exact steps stopped
/// at 0 some 1,200 times, over supports of about 550.
/// </summary>
internal sealed class ActiveSetRemovals(ActiveSetStep.ActiveSystem system)
{
    // The original positions that have left and that the factor kept, each bordered with its column of W (one the factor
    // dropped leaves with no border).
    private readonly List<int> _removed = [];
    private readonly List<double[]> _columns = [];

    /// <summary>The system whose factor is reused.</summary>
    public ActiveSetStep.ActiveSystem System { get; } = system;

    /// <summary>
    /// Solves, in place, the system over <paramref name="active"/> (the original active columns less those that left, in
    /// order; the intercept last) for right-hand side <paramref name="move"/>; false — <paramref name="move"/> then
    /// unchanged — when some equation's remaining move r²/Mᵣᵣ is not below <paramref name="target"/> (a column dependent on
    /// one that left would need a factorisation of its own).
    /// A column the factor dropped needs no border to leave: its huge pivot already gives it no move and keeps it out of
    /// every later column's factor, so its own equation, the one the smaller system lacks, is the one the factor let go.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySolve(int[] active, double[] move, double target)
    {
        var (original, matrix, factor) = (System.Active, System.Matrix, System.Factor!);
        int size = original.Length + 1;
        // Position in the original system of each of the current system's rows (the intercept stays last); the original
        // columns not among them have left, and each newly left one gets its column of W.
        var at = new int[active.Length + 1];
        for (int r = 0, o = 0; o < original.Length; o++)
        {
            if (r < active.Length && original[o] == active[r])
            {
                at[r++] = o;
            }
            else if (!factor.IsDropped(o) && !_removed.Contains(o))
            {
                _removed.Add(o);
                var w = new double[size];
                w[o] = 1;
                factor.Solve(w);
                _columns.Add(w);
            }
            if (o == original.Length - 1 && r < active.Length)
            {
                return false;
            }
        }
        at[active.Length] = size - 1;
        int removed = _removed.Count;
        var u = new double[size];
        for (int r = 0; r < at.Length; r++)
        {
            u[at[r]] = move[r];
        }
        factor.Solve(u);
        var capacitance = new double[removed * removed];
        var mu = new double[removed];
        for (int p = 0; p < removed; p++)
        {
            mu[p] = u[_removed[p]];
            for (int q = 0; q < removed; q++)
            {
                capacitance[p * removed + q] = _columns[q][_removed[p]];
            }
        }
        if (removed > 0)
        {
            if (SemidefiniteCholesky.Factor(capacitance, removed) is not { DroppedCount: 0 } small)
            {
                return false;
            }
            small.Solve(mu);
            for (int q = 0; q < removed; q++)
            {
                VectorKernels.AddScaled(_columns[q], -mu[q], u);
            }
        }
        var solution = new double[at.Length];
        for (int r = 0; r < at.Length; r++)
        {
            solution[r] = u[at[r]];
        }
        // The solution at the original positions, 0 where a column left: each equation's residual is then one dot product
        // with its row, not a gather of the row's entries at the current columns (a twelfth of a near-separable sparse
        // cross-validation).
        var full = new double[size];
        for (int r = 0; r < at.Length; r++)
        {
            full[at[r]] = solution[r];
        }
        for (int r = 0; r < at.Length; r++)
        {
            var row = matrix.AsSpan(at[r] * size, size);
            double residual = move[r] - VectorKernels.Dot(row, full);
            if (!ActiveSetStep.Holds(residual, row[at[r]], target))
            {
                return false;
            }
        }
        solution.CopyTo(move, 0);
        return true;
    }
}
