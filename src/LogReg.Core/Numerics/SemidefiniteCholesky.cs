namespace LogReg.Core.Numerics;

/// <summary>
/// Cholesky factorisation L·Lᵀ of a symmetric positive semidefinite matrix as interior-point codes do it
/// (LIPSOL, Zhang 1996): a pivot lost to cancellation — at or below 1e-30 of the largest diagonal entry —
/// is replaced by a huge one, so that component of every solution is ~0 instead of the factorisation
/// failing. Solves then return a solution of the consistent part of a singular or ill-conditioned system.
/// One instance factors many matrices of its size into the same storage.
/// </summary>
internal sealed class SemidefiniteCholesky
{
    private const double HugePivot = 1e64;

    private readonly double[] _l;
    private readonly int _n;

    /// <summary>Storage for n×n factors.</summary>
    public SemidefiniteCholesky(int n)
    {
        _n = n;
        _l = new double[n * n];
    }

    /// <summary>Factors a new matrix; null when it has a non-finite entry.</summary>
    public static SemidefiniteCholesky? Factor(double[] m, int n)
    {
        var factor = new SemidefiniteCholesky(n);
        return factor.TryFactor(m) ? factor : null;
    }

    /// <summary>Factors the row-major n×n matrix <paramref name="m"/> (read only) into this storage; false when it has a non-finite entry.</summary>
    public bool TryFactor(double[] m)
    {
        int n = _n;
        var l = _l;
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(m[i * n + i]))
            {
                return false;
            }
            largest = Math.Max(largest, Math.Abs(m[i * n + i]));
        }
        double tiny = 1e-30 * Math.Max(largest, double.Epsilon);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = m[i * n + j] - VectorKernels.Dot(new ReadOnlySpan<double>(l, i * n, j), new ReadOnlySpan<double>(l, j * n, j));
                if (i == j)
                {
                    l[i * n + i] = sum > tiny ? Math.Sqrt(sum) : Math.Sqrt(HugePivot);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
            if (!double.IsFinite(l[i * n + i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Solves L·Lᵀ·x = rhs in place.</summary>
    public void Solve(Span<double> rhs) => DenseLinearAlgebra.CholeskySolve(_l, _n, rhs);
}
