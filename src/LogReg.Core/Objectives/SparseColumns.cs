using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// A sparse matrix by columns (its transpose, made once), for the transposed half of a softmax pass on wide sparse data:
/// each feature's K sums are gathered from the rows' coefficients, Σᵢ x_ij·cᵢ over its column in row order, and written
/// once. Row chunks scattering into partials of their own would clear and add one K·d partial per chunk every pass
/// (8 × 3.2 MB on a 20,000-word, 20-class set) and read-modify-write Wᵀ's rows at random; here nothing is cleared and
/// features are split across threads with each sum in one place, so the result does not depend on the thread count.
/// </summary>
internal sealed class SparseColumns
{
    // Ranges of features of about equal stored-value counts; more than threads, so uneven columns still balance.
    private const int RangeCount = 64;

    private readonly long[] _columnStart;
    private readonly int[] _rows;
    private readonly float[] _values;
    private readonly int[] _rangeStart;
    private readonly ParallelOptions _parallel;

    public SparseColumns(SparseMatrix x, int threads)
    {
        int d = x.ColumnCount;
        long stored = x.StoredValueCount;
        _columnStart = new long[d + 1];
        for (int i = 0; i < x.RowCount; i++)
        {
            foreach (int j in x.RowIndices(i))
            {
                _columnStart[j + 1]++;
            }
        }
        for (int j = 0; j < d; j++)
        {
            _columnStart[j + 1] += _columnStart[j];
        }
        _rows = new int[stored];
        _values = new float[stored];
        var next = _columnStart.AsSpan(0, d).ToArray();
        for (int i = 0; i < x.RowCount; i++)
        {
            var indices = x.RowIndices(i);
            var values = x.RowValues(i);
            for (int t = 0; t < indices.Length; t++)
            {
                long at = next[indices[t]]++;
                _rows[at] = i;
                _values[at] = values[t];
            }
        }
        _rangeStart = new int[RangeCount + 1];
        for (int r = 1, j = 0; r <= RangeCount; r++)
        {
            long bound = stored * r / RangeCount;
            while (j < d && _columnStart[j] < bound)
            {
                j++;
            }
            _rangeStart[r] = r == RangeCount ? d : j;
        }
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var (largest, smallest) = x.ValueRange();
        // Between these a value's square times a direction's entry stays far inside single precision's range (1e±38);
        // and a row's sum of products, rounded to 1e-7 of its largest term, keeps its smallest term to 1e-3 only while
        // the values span at most four decades (an outside tester's columns scaled by 1e10 next to columns near 0.1:
        // Newton-CG on single products stopped 17 % above the optimum where double products stopped 3 % above).
        SuitsSingleProducts = largest <= SingleRange && smallest >= 1 / SingleRange && largest <= SingleSpan * smallest;
    }

    private const float SingleRange = 1e12f;

    private const float SingleSpan = 1e4f;

    /// <summary>Whether every stored |value| lies in [1e-12, 1e12] and they span at most four decades: there single-precision
    /// products neither overflow, nor underflow, nor lose a small value's term to a large one's rounding
    /// (<see cref="SparseSingleProducts"/>).</summary>
    public bool SuitsSingleProducts { get; }

    /// <summary>
    /// target[j·stride + k] = Σᵢ x_ij·c[i·stride + k] (x_ij² if <paramref name="squared"/>) for every feature j and k &lt; stride:
    /// the transposed half for all rows at once, from every row's coefficients (n × stride).
    /// </summary>
    public void Sum(double[] coefficients, int stride, double[] target, bool squared)
    {
        var zero = new double[stride];
        Parallel.For(0, RangeCount, _parallel, r =>
        {
            for (int j = _rangeStart[r]; j < _rangeStart[r + 1]; j++)
            {
                int start = (int)_columnStart[j], length = (int)(_columnStart[j + 1] - start);
                SoftmaxKernels.MultiplySparseRow(_rows.AsSpan(start, length), _values.AsSpan(start, length), coefficients, zero, stride, target.AsSpan(j * stride, stride), squared);
            }
        });
    }

    /// <summary>As <see cref="Sum"/> in single precision (<see cref="SparseSingleProducts"/>): each sum in float, in row order.</summary>
    public void SumSingle(float[] coefficients, int stride, float[] target, bool squared = false)
    {
        Parallel.For(0, RangeCount, _parallel, r =>
        {
            for (int j = _rangeStart[r]; j < _rangeStart[r + 1]; j++)
            {
                int start = (int)_columnStart[j], length = (int)(_columnStart[j + 1] - start);
                SoftmaxKernels.MultiplySparseRowSingle(_rows.AsSpan(start, length), _values.AsSpan(start, length), coefficients, stride, target.AsSpan(j * stride, stride), squared);
            }
        });
    }
}
