namespace LogReg.Core.Numerics;

/// <summary>
/// Cholesky factorisation L·Lᵀ of a symmetric positive semidefinite matrix as interior-point codes do it
/// (LIPSOL, Zhang 1996): a pivot lost to cancellation — at or below 1e-30 of the largest diagonal entry —
/// is replaced by a huge one, so that component of every solution is ~0 instead of the factorisation
/// failing. Solves then return a solution of the consistent part of a singular or ill-conditioned system.
/// One instance factors many matrices of its size into the same storage. A caller that wants a column nearly in the span
/// of the ones before it dropped too (its solution component ~0) gives a relative pivot: a pivot at or below that share of
/// the column's own diagonal entry is replaced as well.
/// </summary>
internal sealed class SemidefiniteCholesky
{
    private const double HugePivot = 1e64;

    private readonly double[] _l;
    private readonly int _n;
    private readonly double _relativePivot;

    /// <summary>Storage for n×n factors; pivots at or below <paramref name="relativePivot"/> of their diagonal entry are dropped.</summary>
    public SemidefiniteCholesky(int n, double relativePivot = 0)
    {
        _n = n;
        _l = new double[n * n];
        _relativePivot = relativePivot;
    }

    /// <summary>Factors a new matrix; null when it has a non-finite entry.</summary>
    public static SemidefiniteCholesky? Factor(double[] m, int n, double relativePivot = 0)
    {
        var factor = new SemidefiniteCholesky(n, relativePivot);
        return factor.TryFactor(m) ? factor : null;
    }

    /// <summary>How many pivots the last factorisation replaced (the columns it treated as dependent).</summary>
    public int DroppedCount { get; private set; }

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
        DroppedCount = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = m[i * n + j] - VectorKernels.Dot(new ReadOnlySpan<double>(l, i * n, j), new ReadOnlySpan<double>(l, j * n, j));
                if (i == j)
                {
                    bool kept = sum > tiny && sum > _relativePivot * m[i * n + i];
                    DroppedCount += kept ? 0 : 1;
                    l[i * n + i] = kept ? Math.Sqrt(sum) : Math.Sqrt(HugePivot);
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

    /// <summary>Whether the last factorisation dropped column <paramref name="i"/>.</summary>
    public bool IsDropped(int i) => _l[i * _n + i] == Math.Sqrt(HugePivot);

    /// <summary>Solves L·Lᵀ·x = rhs in place.</summary>
    public void Solve(Span<double> rhs) => DenseLinearAlgebra.CholeskySolve(_l, _n, rhs);
}
