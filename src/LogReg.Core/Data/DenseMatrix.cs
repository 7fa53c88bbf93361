using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Data;

/// <summary>Dense row-major float storage: row i is values[i·d .. (i+1)·d).</summary>
public sealed class DenseMatrix : DesignMatrix
{
    private readonly float[] _values;

    /// <summary>
    /// Wraps <paramref name="values"/> (row-major; its first rows·columns entries, so a reader that
    /// allocated for an upper bound of the row count need not copy) without copying.
    /// </summary>
    public DenseMatrix(int rowCount, int columnCount, float[] values)
        : base(rowCount, columnCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((long)rowCount * columnCount > values.LongLength)
        {
            throw new ArgumentException(
                $"A dense {rowCount}×{columnCount} matrix needs {(long)rowCount * columnCount} values; got {values.LongLength}.",
                nameof(values));
        }
        _values = values;
    }

    /// <summary>Builds a dense matrix from jagged double rows (each converted to float).</summary>
    public static DenseMatrix FromRows(IReadOnlyList<double[]> rows, int? columnCount = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int d = columnCount ?? (rows.Count > 0 ? rows[0].Length : 0);
        var values = new float[(long)rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; expected {d}.", nameof(rows));
            }
            for (int j = 0; j < d; j++)
            {
                values[(long)i * d + j] = (float)rows[i][j];
            }
        }
        return new DenseMatrix(rows.Count, d, values);
    }

    /// <inheritdoc/>
    public override bool IsSparse => false;

    /// <inheritdoc/>
    public override long StoredValueCount => (long)RowCount * ColumnCount;

    /// <summary>Row i as a span of floats.</summary>
    public ReadOnlySpan<float> Row(int row) => new(_values, row * ColumnCount, ColumnCount);

    /// <summary>Rows [start, start + count), row-major and contiguous.</summary>
    public ReadOnlySpan<float> Rows(int start, int count) => new(_values, start * ColumnCount, count * ColumnCount);

    /// <inheritdoc/>
    public override double Dot(int row, ReadOnlySpan<double> w) => VectorKernels.Dot(Row(row), w);

    /// <inheritdoc/>
    public override void AddScaledRow(int row, double alpha, Span<double> target) =>
        VectorKernels.AddScaled(Row(row), alpha, target);

    /// <inheritdoc/>
    public override void MultiplyRows(int start, int count, ReadOnlySpan<double> w, double b, Span<double> z) =>
        DenseBlockKernels.MultiplyRows(_values, ColumnCount, start, count, w, b, z);

    /// <inheritdoc/>
    public override void AddTransposeRows(int start, int count, ReadOnlySpan<double> coefficient, Span<double> target) =>
        DenseBlockKernels.AddTransposeRows(_values, ColumnCount, start, count, coefficient, target);

    /// <inheritdoc/>
    public override void AddScaledSquaredRow(int row, double alpha, Span<double> target) =>
        VectorKernels.AddScaledSquares(Row(row), alpha, target);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddWeightedOuterProduct(int row, double weight, Span<double> upper, Span<double> scratch)
    {
        int d = ColumnCount;
        int m = d + 1;
        var x = Row(row);
        for (int j = 0; j < d; j++)
        {
            scratch[j] = x[j];
        }
        scratch[d] = 1.0;
        for (int j = 0; j < m; j++)
        {
            double a = weight * scratch[j];
            if (a == 0.0)
            {
                continue;
            }
            VectorKernels.AddScaled(scratch.Slice(j, m - j), a, upper.Slice(j * m + j, m - j));
        }
    }

    /// <inheritdoc/>
    public override void AddWeightedGram(int start, int count, ReadOnlySpan<double> weights, Span<double> upper) =>
        DenseGramKernel.AddWeightedGram(_values, ColumnCount, start, count, weights, upper);

    /// <summary>As <see cref="AddWeightedGram(int, int, ReadOnlySpan{double}, Span{double})"/> over every row, restricted to
    /// <paramref name="columns"/> (the Gram of those columns and the constant, (m + 1)² entries), each column's values less its
    /// entry of <paramref name="shifts"/> when given.</summary>
    internal void AddWeightedGram(int[] columns, ReadOnlySpan<double> weights, Span<double> upper, double[]? shifts = null) =>
        DenseGramKernel.AddWeightedGram(_values, ColumnCount, columns, RowCount, weights, upper, shifts);

    /// <summary>As the overload over <paramref name="columns"/>, over the listed <paramref name="rows"/> only, row k weighted by
    /// <paramref name="weights"/>[k].</summary>
    internal void AddWeightedGram(int[] columns, int[] rows, ReadOnlySpan<double> weights, Span<double> upper, double[]? shifts = null) =>
        DenseGramKernel.AddWeightedGram(_values, ColumnCount, columns, rows, weights, upper, shifts);

    /// <inheritdoc/>
    public override void CopyRow(int row, Span<double> destination)
    {
        var x = Row(row);
        for (int j = 0; j < x.Length; j++)
        {
            destination[j] = x[j];
        }
    }

    /// <inheritdoc/>
    public override DesignMatrix SelectRows(IReadOnlyList<int> rows) => SelectRows(rows, null);

    /// <summary>As <see cref="SelectRows(IReadOnlyList{int})"/>, into <paramref name="values"/> when given (at least rows × columns
    /// long; the caller's, e.g. a pooled buffer it takes back once the matrix is no longer used).</summary>
    internal DenseMatrix SelectRows(IReadOnlyList<int> rows, float[]? values)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int d = ColumnCount;
        values ??= new float[(long)rows.Count * d];
        for (int k = 0; k < rows.Count; k++)
        {
            Row(rows[k]).CopyTo(values.AsSpan((int)((long)k * d), d));
        }
        return new DenseMatrix(rows.Count, d, values);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override (int Row, int Column, float Value)? FindFirstNonFinite()
    {
        int k = VectorKernels.IndexOfNonFinite(_values.AsSpan(0, (int)StoredValueCount));
        return k < 0 ? null : (k / ColumnCount, k % ColumnCount, _values[k]);
    }
}
