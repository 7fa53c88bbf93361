using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Data;

/// <summary>
/// Compressed sparse rows: row i holds the pairs (indices[k], values[k]) for
/// k in [rowStart[i], rowStart[i+1]), indices strictly increasing; entries of the arrays past
/// rowStart[rowCount] are spare capacity and never read. Only stored values are touched,
/// so a bag-of-words matrix is never densified.
/// </summary>
public sealed partial class SparseMatrix : DesignMatrix
{
    private readonly long[] _rowStart;
    private readonly int[] _indices;
    private readonly float[] _values;

    /// <summary>Wraps CSR arrays without copying; checks their shape and index order.</summary>
    public SparseMatrix(int rowCount, int columnCount, long[] rowStart, int[] indices, float[] values)
        : base(rowCount, columnCount)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowStart.Length != rowCount + 1)
        {
            throw new ArgumentException($"rowStart needs {rowCount + 1} entries; got {rowStart.Length}.", nameof(rowStart));
        }
        // The arrays may be longer than the stored values (a reader's spare capacity); rowStart[rowCount] counts them.
        if (rowStart[0] != 0 || rowStart[rowCount] > indices.LongLength || rowStart[rowCount] > values.LongLength)
        {
            throw new ArgumentException("rowStart, indices and values do not describe the same number of stored values.");
        }
        for (int i = 0; i < rowCount; i++)
        {
            long start = rowStart[i];
            long end = rowStart[i + 1];
            if (end < start)
            {
                throw new ArgumentException($"rowStart decreases at row {i}.", nameof(rowStart));
            }
            int previous = -1;
            for (long k = start; k < end; k++)
            {
                int j = indices[k];
                if (j <= previous || j >= columnCount)
                {
                    throw new ArgumentException(
                        $"Row {i}: column indices must be strictly increasing and in [0, {columnCount}); found {j} after {previous}.",
                        nameof(indices));
                }
                previous = j;
            }
        }
        _rowStart = rowStart;
        _indices = indices;
        _values = values;
    }

    /// <summary>Builds a sparse matrix from dense double rows, keeping only the non-zero values.</summary>
    public static SparseMatrix FromDenseRows(IReadOnlyList<double[]> rows, int columnCount)
    {
        var rowStart = new long[rows.Count + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < columnCount; j++)
            {
                float v = (float)rows[i][j];
                if (v != 0f)
                {
                    indices.Add(j);
                    values.Add(v);
                }
            }
            rowStart[i + 1] = values.Count;
        }
        return new SparseMatrix(rows.Count, columnCount, rowStart, indices.ToArray(), values.ToArray());
    }

    /// <inheritdoc/>
    public override bool IsSparse => true;

    /// <inheritdoc/>
    public override long StoredValueCount => _rowStart[RowCount];

    /// <summary>The column indices of row i.</summary>
    public ReadOnlySpan<int> RowIndices(int row) =>
        new(_indices, (int)_rowStart[row], (int)(_rowStart[row + 1] - _rowStart[row]));

    /// <summary>The largest stored |value| and the smallest non-zero one (0 and +∞ when there is none). Computed on each call.</summary>
    public (float Largest, float Smallest) ValueRange()
    {
        float largest = 0, smallest = float.PositiveInfinity;
        foreach (float v in _values.AsSpan(0, (int)StoredValueCount))
        {
            float size = Math.Abs(v);
            largest = Math.Max(largest, size);
            smallest = size > 0 ? Math.Min(smallest, size) : smallest;
        }
        return (largest, smallest);
    }

    /// <summary>The largest stored |value| over the smallest non-zero one (1 when there is none): how many scales the columns mix.</summary>
    public double ValueSpan()
    {
        var (largest, smallest) = ValueRange();
        return largest > 0 ? (double)largest / smallest : 1;
    }

    /// <summary>The stored values of row i.</summary>
    public ReadOnlySpan<float> RowValues(int row) =>
        new(_values, (int)_rowStart[row], (int)(_rowStart[row + 1] - _rowStart[row]));

    /// <inheritdoc/>
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddScaledSquaredRow(int row, double alpha, Span<double> target)
    {
        var idx = RowIndices(row);
        var val = RowValues(row);
        for (int k = 0; k < idx.Length; k++)
        {
            target[idx[k]] += alpha * val[k] * val[k];
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddWeightedOuterProduct(int row, double weight, Span<double> upper, Span<double> scratch)
    {
        int d = ColumnCount;
        int m = d + 1;
        var idx = RowIndices(row);
        var val = RowValues(row);
        for (int a = 0; a < idx.Length; a++)
        {
            double wa = weight * val[a];
            int ra = idx[a] * m;
            for (int c = a; c < idx.Length; c++)
            {
                upper[ra + idx[c]] += wa * val[c];
            }
            upper[ra + d] += wa; // x_j · 1 (intercept column)
        }
        upper[d * m + d] += weight;
    }

    /// <inheritdoc/>
    public override void CopyRow(int row, Span<double> destination)
    {
        destination.Slice(0, ColumnCount).Clear();
        var idx = RowIndices(row);
        var val = RowValues(row);
        for (int k = 0; k < idx.Length; k++)
        {
            destination[idx[k]] = val[k];
        }
    }

    /// <inheritdoc/>
    public override DesignMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rowStart = new long[rows.Count + 1];
        for (int k = 0; k < rows.Count; k++)
        {
            rowStart[k + 1] = rowStart[k] + RowIndices(rows[k]).Length;
        }
        var indices = new int[rowStart[rows.Count]];
        var values = new float[indices.Length];
        for (int k = 0; k < rows.Count; k++)
        {
            RowIndices(rows[k]).CopyTo(indices.AsSpan((int)rowStart[k]));
            RowValues(rows[k]).CopyTo(values.AsSpan((int)rowStart[k]));
        }
        return new SparseMatrix(rows.Count, ColumnCount, rowStart, indices, values);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override (int Row, int Column, float Value)? FindFirstNonFinite()
    {
        int k = VectorKernels.IndexOfNonFinite(_values.AsSpan(0, (int)_rowStart[RowCount]));
        if (k < 0)
        {
            return null;
        }
        // The row holding stored value k: the last row that starts at or before it (empty rows share a start).
        int row = Array.BinarySearch(_rowStart, 0, RowCount + 1, (long)k);
        row = row >= 0 ? row : ~row - 1;
        while (row + 1 <= RowCount && _rowStart[row + 1] <= k)
        {
            row++;
        }
        return (row, _indices[k], _values[k]);
    }
}
