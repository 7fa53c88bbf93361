using System.Runtime.CompilerServices;
using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>Sparse rows into compressed sparse rows (never densified).</summary>
internal sealed class SparseRowsBuilder : RowsBuilder
{
    private readonly int _d;
    private readonly List<long> _rowStart;
    private int[] _indices;
    private float[] _values;
    private long _count;

    private readonly long _expectedRows;
    private readonly TrainingBufferPool? _pool;

    public SparseRowsBuilder(int d, long capacityRows, TrainingBufferPool? pool = null)
    {
        _d = d;
        _pool = pool;
        _expectedRows = capacityRows;
        _rowStart = new List<long>((int)Math.Min(capacityRows + 1, int.MaxValue / 2)) { 0 };
        long initial = Math.Max(1024, Math.Min(capacityRows * 4, 1 << 24));
        _indices = TrainingBufferPool.Rent<int>(pool, initial, out _);
        _values = TrainingBufferPool.Rent<float>(pool, initial, out _);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(in VBuffer<float> row)
    {
        var val = row.GetValues();
        var idx = row.GetIndices();
        Ensure(_count + val.Length);
        for (int k = 0; k < val.Length; k++)
        {
            float v = val[k];
            if (v == 0f)
            {
                continue;
            }
            _indices[_count] = row.IsDense ? k : idx[k];
            _values[_count] = v;
            _count++;
        }
        _rowStart.Add(_count);
    }

    public override DesignMatrix Build()
    {
        // Spare capacity is kept rather than copied away (the estimate overshoots by about 5%).
        return new SparseMatrix(_rowStart.Count - 1, _d, _rowStart.ToArray(), _indices, _values);
    }

    private void Ensure(long needed)
    {
        if (needed <= _indices.Length)
        {
            return;
        }
        // Once some rows are in, size for the expected total (rows seen so far predict the
        // rest) instead of doubling, so a large sparse set is not copied over and over.
        int rowsSoFar = _rowStart.Count - 1;
        long estimate = rowsSoFar >= 64 && _expectedRows > rowsSoFar
            ? (long)(1.05 * _count / rowsSoFar * _expectedRows) + 1024
            : 2L * _indices.Length;
        long grown = Math.Min(Math.Max(needed, estimate), Array.MaxLength);
        if (grown < needed)
        {
            throw new InvalidOperationException("The training data hold more non-zero values than one array can.");
        }
        var indices = TrainingBufferPool.Rent<int>(_pool, grown, out _);
        var values = TrainingBufferPool.Rent<float>(_pool, grown, out _);
        _indices.AsSpan(0, (int)_count).CopyTo(indices);
        _values.AsSpan(0, (int)_count).CopyTo(values);
        _indices = indices;
        _values = values;
    }

    /// <inheritdoc/>
    public override void ReturnArrays()
    {
        TrainingBufferPool.Return(_pool, _indices);
        TrainingBufferPool.Return(_pool, _values);
    }
}
