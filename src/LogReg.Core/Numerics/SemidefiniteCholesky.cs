using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private static readonly double DroppedDiagonal = Math.Sqrt(HugePivot);

    private readonly double[] _l;
    private readonly int _n;
    private readonly double _relativePivot;
    private readonly double[] _reciprocals;

    /// <summary>Storage for n×n factors; pivots at or below <paramref name="relativePivot"/> of their diagonal entry are dropped.</summary>
    public SemidefiniteCholesky(int n, double relativePivot = 0, double[]? storage = null)
    {
        if (storage is not null && storage.Length < n * n)
        {
            throw new ArgumentException($"The storage holds {storage.Length} values; an {n} × {n} factor needs {n * n}.", nameof(storage));
        }
        _n = n;
        _l = storage ?? new double[n * n];
        _relativePivot = relativePivot;
        _reciprocals = new double[n];
    }

    /// <summary>Factors a new matrix, into <paramref name="storage"/> (at least n² values, which the factor then owns) when
    /// given; null when it has a non-finite entry.</summary>
    public static SemidefiniteCholesky? Factor(double[] m, int n, double relativePivot = 0, double[]? storage = null)
    {
        var factor = new SemidefiniteCholesky(n, relativePivot, storage);
        return factor.TryFactor(m) ? factor : null;
    }

    /// <summary>How many pivots the last factorisation replaced (the columns it treated as dependent).</summary>
    public int DroppedCount { get; private set; }

    /// <summary>Factors the row-major n×n matrix <paramref name="m"/> (read only) into this storage; false when it has a non-finite entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        // Rows four at a time, their entries left of the group four columns at a time (CholeskyTile): each earlier row is read
        // once for all four rows, where one row at a time read the whole factor above it again for every row — a 450-column
        // factor no longer fits in L2.
        Span<double> sums = stackalloc double[16];
        var reciprocals = _reciprocals;
        for (int i0 = 0; i0 < n; i0 += GroupRows)
        {
            int rows = Math.Min(GroupRows, n - i0);
            if (rows == GroupRows)
            {
                for (int j0 = 0; j0 < i0; j0 += GroupRows)
                {
                    CholeskyTile.Dots(l, i0, j0, n, j0, sums);
                    CholeskyTile.Finish(l, m, i0, j0, n, sums, reciprocals);
                }
            }
            else
            {
                for (int j = 0; j < i0; j++)
                {
                    var lj = new ReadOnlySpan<double>(l, j * n, j);
                    for (int i = i0; i < i0 + rows; i++)
                    {
                        l[i * n + j] = (m[i * n + j] - VectorKernels.Dot(new ReadOnlySpan<double>(l, i * n, j), lj)) / l[j * n + j];
                    }
                }
            }
            for (int i = i0; i < i0 + rows; i++)
            {
                for (int j = i0; j <= i; j++)
                {
                    double sum = m[i * n + j] - VectorKernels.Dot(new ReadOnlySpan<double>(l, i * n, j), new ReadOnlySpan<double>(l, j * n, j));
                    if (i == j)
                    {
                        // A non-finite entry anywhere in row i reaches its pivot's sum (through l[i, j] for one off the diagonal).
                        if (!double.IsFinite(sum))
                        {
                            return false;
                        }
                        bool kept = sum > tiny && sum > _relativePivot * m[i * n + i];
                        DroppedCount += kept ? 0 : 1;
                        l[i * n + i] = kept ? Math.Sqrt(sum) : DroppedDiagonal;
                        reciprocals[i] = 1 / l[i * n + i];
                    }
                    else
                    {
                        l[i * n + j] = sum / l[j * n + j];
                    }
                }
            }
        }
        return true;
    }

    private const int GroupRows = 4;

    /// <summary>Whether the last factorisation dropped column <paramref name="i"/>.</summary>
    public bool IsDropped(int i) => _l[i * _n + i] == DroppedDiagonal;

    /// <summary>Solves L·Lᵀ·x = rhs in place.</summary>
    public void Solve(Span<double> rhs) => DenseLinearAlgebra.CholeskySolveByRows(_l, _n, rhs);
}
