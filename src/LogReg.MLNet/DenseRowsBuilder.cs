using System.Runtime.CompilerServices;
using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>Dense rows into one row-major float array.</summary>
internal sealed class DenseRowsBuilder : RowsBuilder
{
    private readonly int _d;
    private float[] _values;
    private int _rows;
    private readonly TrainingBufferPool? _pool;
    private PageFaultAhead<float>? _pageFaultAhead;

    /// <param name="d">Values per row.</param>
    /// <param name="capacityRows">The rows expected (the array grows if more come).</param>
    /// <param name="threads">Threads the read may use; with more than one, a helper maps a new large array's memory ahead of the rows.</param>
    /// <param name="pool">Where the values array comes from and goes back to (null: a new one, left to the GC).</param>
    public DenseRowsBuilder(int d, long capacityRows, int threads, TrainingBufferPool? pool = null)
    {
        _d = d;
        _pool = pool;
        _values = TrainingBufferPool.Rent<float>(pool, Math.Max(0, Math.Min(capacityRows * d, Array.MaxLength)), out bool reused);
        _pageFaultAhead = reused ? null : PageFaultAhead<float>.StartFor(_values, threads); // a reused array is mapped already
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(in VBuffer<float> row)
    {
        long needed = (long)(_rows + 1) * _d;
        if (needed > _values.Length)
        {
            long grown = Math.Max(needed, Math.Min(2L * _values.Length + _d, Array.MaxLength));
            if (grown < needed)
            {
                throw new InvalidOperationException("The training data do not fit in one array of floats.");
            }
            StopPageFaultAhead();
            Array.Resize(ref _values, (int)grown);
        }
        _pageFaultAhead?.ClaimBelow(needed);
        var target = _values.AsSpan(_rows * _d, _d);
        if (row.IsDense)
        {
            row.GetValues().CopyTo(target);
        }
        else
        {
            target.Clear();
            var idx = row.GetIndices();
            var val = row.GetValues();
            for (int k = 0; k < idx.Length; k++)
            {
                target[idx[k]] = val[k];
            }
        }
        _rows++;
    }

    // No trimming copy: the reader sized the array from the row count (skipped rows leave an unused
    // tail, which the matrix ignores), and a copy here would double the peak.
    public override DesignMatrix Build()
    {
        StopPageFaultAhead();
        return new DenseMatrix(_rows, _d, _values);
    }

    /// <inheritdoc/>
    public override void ReturnArrays() => TrainingBufferPool.Return(_pool, _values);

    private void StopPageFaultAhead()
    {
        _pageFaultAhead?.Stop();
        _pageFaultAhead = null;
    }
}
