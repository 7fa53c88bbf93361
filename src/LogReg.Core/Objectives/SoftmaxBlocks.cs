using System.Runtime.CompilerServices;
using LogReg.Core.Data;

namespace LogReg.Core.Objectives;

/// <summary>
/// The two halves of every softmax pass over a block of rows, shared by the objective, its
/// curvature and its diagonal. Parameters are laid out θ = (W₀, …, W_{K−1}, b₀, …, b_{K−1}), Wₖ the
/// d weights of class k; per-row, per-class values are stored class-major, value[k·B + r] for row r
/// of a block of at most B rows.
/// <para>
/// Dense rows run the matrix's block kernels once per class (each a SIMD dot over d). Sparse rows
/// instead use a feature-major copy of the weights (Wᵀ, d × K, made at <see cref="Load"/>), so each
/// stored value touches K contiguous weights, and gradients are accumulated feature-major and
/// transposed once per evaluation (<see cref="AddToClassMajor"/>).
/// </para>
/// </summary>
internal sealed class SoftmaxBlocks
{
    /// <summary>Rows per block: a block of dense rows stays in cache while each class reads it.</summary>
    public const int BlockRows = 64;

    private readonly DesignMatrix _x;
    private readonly SparseMatrix? _sparse;
    private readonly int _classes;
    private readonly int _features;
    private readonly double[] _point;
    private readonly double[]? _transposed;

    public SoftmaxBlocks(DesignMatrix x, int classes)
    {
        _x = x;
        _sparse = x as SparseMatrix;
        _classes = classes;
        _features = x.ColumnCount;
        _point = new double[Dimension];
        _transposed = _sparse is null ? null : new double[classes * _features];
    }

    /// <summary>K·(d + 1).</summary>
    public int Dimension => _classes * (_features + 1);

    /// <summary>Takes the point (W, b) or direction (V, c) the next passes use.</summary>
    public void Load(ReadOnlySpan<double> theta)
    {
        theta.Slice(0, Dimension).CopyTo(_point);
        if (_transposed is not null)
        {
            for (int k = 0; k < _classes; k++)
            {
                for (int j = 0; j < _features; j++)
                {
                    _transposed[j * _classes + k] = _point[k * _features + j];
                }
            }
        }
    }

    /// <summary>z[k·B + r] = x_(start+r)·Wₖ + bₖ for the loaded (W, b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(int start, int count, Span<double> z)
    {
        int K = _classes, d = _features;
        var b = new ReadOnlySpan<double>(_point, K * d, K);
        if (_sparse is null)
        {
            for (int k = 0; k < K; k++)
            {
                _x.MultiplyRows(start, count, new ReadOnlySpan<double>(_point, k * d, d), b[k], z.Slice(k * BlockRows, count));
            }
            return;
        }
        Span<double> row = stackalloc double[K];
        var w = _transposed!;
        for (int r = 0; r < count; r++)
        {
            b.CopyTo(row);
            var indices = _sparse.RowIndices(start + r);
            var values = _sparse.RowValues(start + r);
            for (int t = 0; t < indices.Length; t++)
            {
                double v = values[t];
                var wj = new ReadOnlySpan<double>(w, indices[t] * K, K);
                for (int k = 0; k < K; k++)
                {
                    row[k] += v * wj[k];
                }
            }
            for (int k = 0; k < K; k++)
            {
                z[k * BlockRows + r] = row[k];
            }
        }
    }

    /// <summary>
    /// partial(Wₖ) += Σᵣ coefficient[k·B + r]·x_(start+r), partial(bₖ) += Σᵣ coefficient[k·B + r], in
    /// this kernel's layout (<see cref="AddToClassMajor"/> turns the sum of partials into θ's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(int start, int count, ReadOnlySpan<double> coefficient, Span<double> partial)
    {
        int K = _classes, d = _features;
        for (int k = 0; k < K; k++)
        {
            double sum = 0;
            foreach (double v in coefficient.Slice(k * BlockRows, count))
            {
                sum += v;
            }
            partial[K * d + k] += sum;
        }
        if (_sparse is null)
        {
            for (int k = 0; k < K; k++)
            {
                _x.AddTransposeRows(start, count, coefficient.Slice(k * BlockRows, count), partial.Slice(k * d, d));
            }
            return;
        }
        Span<double> row = stackalloc double[K];
        for (int r = 0; r < count; r++)
        {
            for (int k = 0; k < K; k++)
            {
                row[k] = coefficient[k * BlockRows + r];
            }
            var indices = _sparse.RowIndices(start + r);
            var values = _sparse.RowValues(start + r);
            for (int t = 0; t < indices.Length; t++)
            {
                double v = values[t];
                var gj = partial.Slice(indices[t] * K, K);
                for (int k = 0; k < K; k++)
                {
                    gj[k] += v * row[k];
                }
            }
        }
    }

    /// <summary>result (θ's layout) += the sum of per-chunk partials, added in chunk order.</summary>
    public void AddToClassMajor(double[][] partials, Span<double> result)
    {
        int K = _classes, d = _features;
        result.Slice(0, Dimension).Clear();
        foreach (var p in partials)
        {
            if (_sparse is null)
            {
                Numerics.VectorKernels.AddScaled(p, 1.0, result);
                continue;
            }
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < K; k++)
                {
                    result[k * d + j] += p[j * K + k];
                }
            }
            for (int k = 0; k < K; k++)
            {
                result[K * d + k] += p[K * d + k];
            }
        }
    }
}
