using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>The sparse problem's raw Grams for the covariance form: the pairs of each row's stored values.</summary>
internal sealed partial class SparseStandardizedProblem
{
    private int[]? _rowCounts;
    private (int At, double X)[] _byRow = [];
    private int[] _byRowColumns = [];
    private int[]? _positionOf;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddRawGram(int[] columns, double[] v, double[] upper)
    {
        int m = columns.Length, stride = m + 1, n = RowCount;
        var (byRow, ends) = ByRow(columns);
        // Every position is below m, so each entry written lies within the (m + 1)² checked here: the pairs' loop, most of a
        // sparse path's time on one-hot rows, runs without a bounds check per pair.
        ArgumentOutOfRangeException.ThrowIfLessThan(upper.Length, stride * stride);
        ref double upper0 = ref MemoryMarshal.GetArrayDataReference(upper);
        ref var entry0 = ref MemoryMarshal.GetArrayDataReference(byRow);
        double vTotal = 0;
        for (int i = 0, from = 0; i < n; i++)
        {
            int to = ends[i];
            double vi = v[i];
            vTotal += vi;
            AddRowPairs(ref entry0, from, to, vi, ref upper0, stride, m);
            from = to;
        }
        upper[m * stride + m] += vTotal;
    }

    public override void AddRawGramOfRows(int[] columns, int[] rows, double[] weights, double[] upper)
    {
        int m = columns.Length, stride = m + 1;
        var (byRow, ends) = ByRow(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(upper.Length, stride * stride);
        ref double upper0 = ref MemoryMarshal.GetArrayDataReference(upper);
        ref var entry0 = ref MemoryMarshal.GetArrayDataReference(byRow);
        double total = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            total += weights[k];
            AddRowPairs(ref entry0, i == 0 ? 0 : ends[i - 1], ends[i], weights[k], ref upper0, stride, m);
        }
        upper[m * stride + m] += total;
    }

    // Row entries from..to: each stored value with the 1 and with itself and every later one, weighted by vi.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRowPairs(ref (int At, double X) entry0, int from, int to, double vi, ref double upper0, int stride, int m)
    {
        for (int p = from; p < to; p++)
        {
            var (a, x) = Unsafe.Add(ref entry0, p);
            double wx = vi * x;
            ref double row = ref Unsafe.Add(ref upper0, a * stride);
            Unsafe.Add(ref row, m) += wx;
            // The upper triangle only: each unordered pair once, the diagonal once.
            for (int r = p; r < to; r++)
            {
                ref var other = ref Unsafe.Add(ref entry0, r);
                Unsafe.Add(ref row, other.At) += wx * other.X;
            }
        }
    }

    // Each entry is the product AddRawGram forms (the weight times the earlier position's value, times the later one's),
    // added row by row in the same order: where the kept columns keep their order (the paths' columns increase), the
    // extended Gram is the fresh one bit for bit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddRawGramCrossing(int[] columns, bool[] isNew, double[] v, double[] upper)
    {
        int m = columns.Length, stride = m + 1, n = RowCount;
        var (byRow, ends) = ByRow(columns);
        for (int i = 0, from = 0; i < n; i++)
        {
            int to = ends[i];
            double vi = v[i];
            for (int p = from; p < to; p++)
            {
                var (a, x) = byRow[p];
                if (!isNew[a])
                {
                    continue;
                }
                double wx = vi * x;
                upper[a * stride + m] += wx;
                for (int r = from; r < to; r++)
                {
                    var (b, y) = byRow[r];
                    // A pair of new columns is added from its earlier position only.
                    if (r < p && isNew[b])
                    {
                        continue;
                    }
                    upper[r < p ? b * stride + a : a * stride + b] += r < p ? vi * y * x : wx * y;
                }
            }
            from = to;
        }
    }

    // The regrouping's entries and the stored values' work array come from the shared pool (PooledArray) and go back with the
    // problem: fresh, their pages were faulted in on first write (the regrouping 6 % of ticdata's path).
    public override void ReleaseArrays()
    {
        base.ReleaseArrays();
        PooledArray.Return(_byRow);
        (_byRow, _byRowColumns) = ([], []);
        if (_stored is not null)
        {
            PooledArray.Return(_stored);
            _stored = null;
        }
    }

    // The columns' stored values regrouped by row (a counting sort of their column lists): a row's pairs are then found
    // without looking at its other values — the cost is these columns' values, not every stored value. Row i's entries
    // end at ends[i] (and start where row i − 1's end), sorted by position in `columns`. The last columns' regrouping is
    // kept: a path forms its Grams again over the same columns as its curvature moves, and on ticdata's one-hot rows the
    // scattered regrouping cost two thirds as much as the pairs it serves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ((int At, double X)[] ByRow, int[] Ends) ByRow(int[] columns)
    {
        int n = RowCount;
        var count = _rowCounts ??= new int[n + 1];
        if (columns.AsSpan().SequenceEqual(_byRowColumns))
        {
            return (_byRow, count);
        }
        _byRowColumns = [];
        if (FromRowsPays(columns, out int inPlay))
        {
            return FromRows(columns, inPlay, count);
        }
        Array.Clear(count);
        int total = 0;
        foreach (int j in columns)
        {
            for (int k = ColumnStart[j]; k < ColumnStart[j + 1]; k++)
            {
                count[ColumnRows[k] + 1]++;
            }
            total += ColumnStart[j + 1] - ColumnStart[j];
        }
        for (int i = 0; i < n; i++)
        {
            count[i + 1] += count[i];
        }
        if (_byRow.Length < total)
        {
            _byRow = PooledArray.Rent<(int, double)>(total);
        }
        var byRow = _byRow;
        for (int a = 0; a < columns.Length; a++)
        {
            int j = columns[a];
            for (int k = ColumnStart[j]; k < ColumnStart[j + 1]; k++)
            {
                // Columns are visited in order, so each row's entries come out sorted by position a.
                byRow[count[ColumnRows[k]]++] = (a, ColumnValues[k]);
            }
        }
        _byRowColumns = (int[])columns.Clone();
        return (byRow, count);
    }

    // When the columns hold at least half the stored values (`inPlay` of them), in increasing order, the rows' own storage
    // filtered to them gives the same regrouping with reads and writes in order (a SparseMatrix's row indices increase):
    // the counting sort's scattered writes were a tenth of ticdata's path (its Gram extensions regroup all 455 columns in
    // play each time).
    private bool FromRowsPays(int[] columns, out int inPlay)
    {
        inPlay = 0;
        for (int a = 0; a < columns.Length; a++)
        {
            if (a > 0 && columns[a] <= columns[a - 1])
            {
                return false;
            }
            inPlay += ColumnStart[columns[a] + 1] - ColumnStart[columns[a]];
        }
        return 2L * inPlay >= ColumnStart[FeatureCount];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ((int At, double X)[] ByRow, int[] Ends) FromRows(int[] columns, int total, int[] ends)
    {
        var matrix = (SparseMatrix)Source.Features;
        var positionOf = _positionOf ??= Enumerable.Repeat(-1, FeatureCount).ToArray();
        for (int a = 0; a < columns.Length; a++)
        {
            positionOf[columns[a]] = a;
        }
        if (_byRow.Length < total)
        {
            _byRow = PooledArray.Rent<(int, double)>(total);
        }
        var byRow = _byRow;
        int p = 0;
        for (int i = 0; i < RowCount; i++)
        {
            var indices = matrix.RowIndices(i);
            var values = matrix.RowValues(i);
            for (int k = 0; k < indices.Length; k++)
            {
                int a = positionOf[indices[k]];
                if (a >= 0)
                {
                    byRow[p++] = (a, values[k]);
                }
            }
            ends[i] = p;
        }
        foreach (int j in columns)
        {
            positionOf[j] = -1;
        }
        _byRowColumns = (int[])columns.Clone();
        return (byRow, ends);
    }
}
