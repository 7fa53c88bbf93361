using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The softmax Hessian at a fixed point, H = Σᵢ sᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + L2 on W, applied
/// without forming it: for a direction (V, c), uᵢ = V·xᵢ + c, and row i contributes
/// sᵢ·pᵢ ⊙ (uᵢ − pᵢ·uᵢ) times x̃ᵢ to each class's block.
/// </summary>
internal sealed class SoftmaxCurvature : ICurvature
{
    private readonly MulticlassTrainingSet _data;
    private readonly double[] _p;
    private readonly ElasticNetPenalty _penalty;
    private readonly RowChunks _chunks;
    private readonly int _classes;
    private readonly SoftmaxPassBuffers _buffers;
    private readonly SoftmaxBlocks _blocks;
    private readonly Action<int> _body;
    private readonly Action<int> _singleBody;
    private readonly Action<int> _singleDiagonalBody;
    private readonly SparseSingleProducts? _single;
    private readonly int? _lease;

    // probabilities: the rows' probabilities at the point, n × Stride (the passes' layout); lease: when they are lent by the
    // pass buffers, the lease under which (SoftmaxPassBuffers.LendProbabilitiesAt); buffers: the objective's pass buffers
    // (its passes and this curvature's never run at the same time).
    public SoftmaxCurvature(MulticlassTrainingSet data, double[] probabilities, int? lease, ElasticNetPenalty penalty, RowChunks chunks, SoftmaxPassBuffers buffers)
    {
        _lease = lease;
        _data = data;
        _p = probabilities;
        _penalty = penalty;
        _chunks = chunks;
        _classes = data.ClassCount;
        _buffers = buffers;
        _blocks = buffers.Blocks;
        _single = buffers.Blocks.SingleProducts;
        _body = MultiplyChunk;
        _singleBody = MultiplyChunkSingle;
        _singleDiagonalBody = DiagonalChunkSingle;
    }

    public int Dimension => _classes * (_data.FeatureCount + 1);

    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        if (v.Length < Dimension || result.Length < Dimension)
        {
            throw new ArgumentException($"Expected vectors of length {Dimension}.");
        }
        CheckLease();
        if (_single is not null)
        {
            _single.Load(v);
            _chunks.Run(_singleBody);
            _single.Finish(_buffers.Partials, result);
        }
        // A direction too large for single precision (its products overflowed) takes the double passes.
        if (_single is null || !VectorKernels.AllFinite(result.Slice(0, Dimension)))
        {
            _blocks.Load(v);
            _chunks.Run(_body);
            _blocks.Finish(_buffers.Partials, result);
        }
        _penalty.AddSmoothCurvature(v, result);
    }

    /// <inheritdoc/>
    /// <remarks>On sparse rows only: there it is one transposed half on the rows' squares (in single precision when the
    /// products are), against a product's two halves; on dense rows it would cost a product without saving CG any.</remarks>
    public bool TryGetDiagonal(Span<double> diagonal)
    {
        if (_data.Features is not SparseMatrix)
        {
            return false;
        }
        CheckLease();
        if (_single is not null)
        {
            _chunks.Run(_singleDiagonalBody);
            _single.Finish(_buffers.Partials, diagonal, squared: true);
            for (int j = 0; j < _penalty.PenalizedCount; j++)
            {
                diagonal[j] += _penalty.L2;
            }
        }
        else
        {
            SoftmaxDiagonal.Compute(_data, _chunks, _buffers, default, _p, _penalty.L2).CopyTo(diagonal);
        }
        return true;
    }

    public double[] ToDense()
    {
        CheckLease();
        return SoftmaxDenseHessian.Compute(_data, _p, _blocks.Stride, _penalty, _chunks);
    }

    // A curvature whose probabilities were lent is valid until the objective makes the next one (their array is reused).
    private void CheckLease()
    {
        if (_lease is { } lease && lease != _buffers.Lease)
        {
            throw new InvalidOperationException("This softmax curvature was superseded: a curvature is valid until the objective's next HessianAt.");
        }
    }

    private void MultiplyChunk(int c)
    {
        int stride = _blocks.Stride;
        var (start, end) = _chunks[c];
        var s = _data.ExampleWeights;
        var partial = _buffers.Partials[c].AsSpan();
        partial.Clear();
        var block = _buffers.BlockBuffers[c];
        var u = block.Scores;
        for (int blockStart = start; blockStart < end; blockStart += _blocks.Rows)
        {
            int count = Math.Min(_blocks.Rows, end - blockStart);
            _blocks.Forward(blockStart, count, block);
            var coefficient = _blocks.CoefficientsOf(block);
            for (int r = 0; r < count; r++)
            {
                int i = blockStart + r;
                double si = s is null ? 1.0 : s[i];
                var p = _p.AsSpan(i * stride, stride);
                var ur = u.AsSpan(r * stride, stride);
                // The padding's p is 0: it adds nothing to p·u and its coefficient is 0.
                double pu = VectorKernels.Dot(p, ur);
                for (int k = 0; k < stride; k++)
                {
                    coefficient[r * stride + k] = si * p[k] * (ur[k] - pu);
                }
            }
            _blocks.Backward(block, partial);
        }
    }

    // Wide sparse data (SparseSingleProducts): the same coefficients, row by row, the direction's products in single precision.
    // Fully optimised from the first call: its row loop is hot at once, and at tier 0 its vector helpers are calls.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyChunkSingle(int c)
    {
        int stride = _blocks.Stride;
        var (start, end) = _chunks[c];
        var s = _data.ExampleWeights;
        var biases = _buffers.Partials[c].AsSpan(0, stride);
        biases.Clear();
        var u = _buffers.BlockBuffers[c].Scores.AsSpan(0, stride);
        for (int i = start; i < end; i++)
        {
            _single!.Forward(i, u);
            double si = s is null ? 1.0 : s[i];
            var p = _p.AsSpan(i * stride, stride);
            double pu = VectorKernels.Dot(p, u);
            SingleCoefficients(si, p, u, pu, _single.CoefficientsOf(i), biases);
        }
    }

    // The diagonal's coefficients sᵢ·p_{ik}(1 − p_{ik}) in single precision, their bias sums in double.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DiagonalChunkSingle(int c)
    {
        int stride = _blocks.Stride;
        var (start, end) = _chunks[c];
        var s = _data.ExampleWeights;
        var biases = _buffers.Partials[c].AsSpan(0, stride);
        biases.Clear();
        for (int i = start; i < end; i++)
        {
            double si = s is null ? 1.0 : s[i];
            var p = _p.AsSpan(i * stride, stride);
            var coefficients = _single!.CoefficientsOf(i);
            for (int k = 0; k < stride; k++)
            {
                double curvature = si * p[k] * (1 - p[k]);
                coefficients[k] = (float)curvature;
                biases[k] += curvature;
            }
        }
    }

    // coefficients[k] = (float)(s·p[k]·(u[k] − p·u)) and biases[k] += the same in double, four classes a vector (stride a
    // multiple of 4; the padding's p is 0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SingleCoefficients(double s, ReadOnlySpan<double> p, ReadOnlySpan<double> u, double pu, Span<float> coefficients, Span<double> biases)
    {
        ref double pr = ref MemoryMarshal.GetReference(p);
        ref double ur = ref MemoryMarshal.GetReference(u);
        ref float cr = ref MemoryMarshal.GetReference(coefficients);
        ref double br = ref MemoryMarshal.GetReference(biases);
        var scale = Vector256.Create(s);
        var shift = Vector256.Create(pu);
        for (int k = 0; k < p.Length; k += 4)
        {
            var coefficient = scale * Vector256.LoadUnsafe(ref pr, (nuint)k) * (Vector256.LoadUnsafe(ref ur, (nuint)k) - shift);
            Vector128.Narrow(coefficient.GetLower(), coefficient.GetUpper()).StoreUnsafe(ref cr, (nuint)k);
            (Vector256.LoadUnsafe(ref br, (nuint)k) + coefficient).StoreUnsafe(ref br, (nuint)k);
        }
    }
}
