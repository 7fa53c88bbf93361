using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// H = X̃ᵀ·diag(cᵢ)·X̃ + (the penalty's smooth curvature, L2·I on w), with X̃ = [X, 1] and cᵢ = sᵢ·ℓ''(yᵢ, zᵢ) fixed when the operator was
/// made (a value: later evaluations of the objective do not change it). One instance must not be
/// multiplied from two threads at once (it reuses its buffers).
/// </summary>
internal sealed class RowCurvature : ICurvature
{
    private readonly DesignMatrix _x;
    private readonly double[] _c;
    private readonly ElasticNetPenalty _penalty;
    private readonly RowChunks _chunks;
    private double[]? _vector;
    private double[][]? _partials;
    private Action<int>? _body;

    public RowCurvature(DesignMatrix x, double[] curvature, ElasticNetPenalty penalty, RowChunks chunks)
    {
        _x = x;
        _c = curvature;
        _penalty = penalty;
        _chunks = chunks;
    }

    /// <inheritdoc/>
    public int Dimension => _x.ColumnCount + 1;

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        int d = _x.ColumnCount;
        if (v.Length < Dimension || result.Length < Dimension)
        {
            throw new ArgumentException($"Expected vectors of length {Dimension}.");
        }
        // Buffers are made on the first product and reused: conjugate gradients calls this many times.
        _vector ??= new double[Dimension];
        if (_partials is null)
        {
            _partials = new double[_chunks.Count][];
            for (int c = 0; c < _partials.Length; c++)
            {
                _partials[c] = new double[Dimension];
            }
            _body = MultiplyChunk;
        }
        v.Slice(0, Dimension).CopyTo(_vector);
        _chunks.Run(_body!);
        result.Slice(0, Dimension).Clear();
        foreach (var p in _partials)
        {
            VectorKernels.AddScaled(p, 1.0, result);
        }
        _penalty.AddSmoothCurvature(v, result);
    }

    // Chunk c of H·v: Σᵢ cᵢ·(x̃ᵢ·v)·x̃ᵢ over its rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyChunk(int c)
    {
        int d = _x.ColumnCount;
        var acc = _partials![c].AsSpan();
        acc.Clear();
        var (start, end) = _chunks[c];
        var w = new ReadOnlySpan<double>(_vector, 0, d);
        double vb = _vector![d];
        double accB = 0;
        for (int i = start; i < end; i++)
        {
            if (_c[i] == 0)
            {
                continue;
            }
            double t = _c[i] * (_x.Dot(i, w) + vb);
            if (t != 0)
            {
                _x.AddScaledRow(i, t, acc);
                accB += t;
            }
        }
        acc[d] = accB;
    }

    /// <inheritdoc/>
    public double[] ToDense()
    {
        int m = Dimension;
        if ((long)m * m > 64L * 1024 * 1024)
        {
            throw new InvalidOperationException($"A dense Hessian of dimension {m} is too large; use Multiply.");
        }
        // A few row groups (fixed by the sizes only, never by the thread count) keep the result
        // deterministic while both cores work; each group holds one m×m partial.
        int groups = (int)Math.Clamp(8L * 1024 * 1024 / ((long)m * m), 1, Math.Max(1, _chunks.Count));
        groups = Math.Min(groups, 8);
        var partials = new double[groups][];
        int n = _x.RowCount;
        Action<int> group = gIndex =>
        {
            var upper = new double[m * m];
            int start = (int)((long)n * gIndex / groups);
            int end = (int)((long)n * (gIndex + 1) / groups);
            _x.AddWeightedGram(start, end - start, new ReadOnlySpan<double>(_c, start, end - start), upper);
            partials[gIndex] = upper;
        };
        if (groups == 1 || _chunks.Threads == 1)
        {
            // One group, or one thread: no task machinery (it costs more than a small Hessian).
            for (int gIndex = 0; gIndex < groups; gIndex++)
            {
                group(gIndex);
            }
        }
        else
        {
            Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = _chunks.Threads }, group);
        }
        var h = new double[m * m];
        foreach (var p in partials)
        {
            VectorKernels.AddScaled(p, 1.0, h);
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < i; j++)
            {
                h[i * m + j] = h[j * m + i];
            }
        }
        _penalty.AddSmoothCurvatureToDense(h, m);
        return h;
    }
}
