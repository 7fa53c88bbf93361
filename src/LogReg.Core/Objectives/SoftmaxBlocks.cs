using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The two halves of every softmax pass over a block of rows, shared by the objective, its curvature and its
/// diagonal. Parameters are laid out θ = (W₀, …, W_{K−1}, b₀, …, b_{K−1}), Wₖ the d weights of class k. The
/// passes use the transposed layout: at <see cref="Load"/> the weights become Wᵀ (d × <see cref="Stride"/>, the K
/// class weights of a feature side by side, padded with zeros to a multiple of 4), per-row values are row-major
/// (value[r·Stride + k] in a <see cref="SoftmaxBlock"/>), and gradients are summed in that layout and put back into
/// θ's once per evaluation (<see cref="Finish"/>). All K scores of a row come from one sweep of its values
/// (<see cref="SoftmaxKernels"/>): dense rows are widened to double once per block and multiplied in register
/// tiles; a sparse stored value reads its feature's K weights as vectors.
/// </summary>
internal sealed class SoftmaxBlocks
{
    // Doubles of a dense block in double (rows × d): the block stays in the core's cache for both halves.
    private const int DenseBlockBudget = 16_384;

    // Sparse data whose K·d sums exceed this many doubles (256 KB, beyond a core's L2 share) sum by columns — while the
    // rows are at most twice the features: the column sums gather every row's coefficients (n × stride) at random, and
    // on taller data (measured: 40,000 × 5,000 × 10 classes; 1,000,000 × 1,640 × 20) that array is the larger, slower
    // read than the row chunks' partials (and it and the transpose cost memory the partials do not).
    private const int ColumnSumsFrom = 32_768;
    private const long ColumnSumsRowsPerFeature = 2;

    private readonly DesignMatrix _x;
    private readonly DenseMatrix? _dense;
    private readonly SparseMatrix? _sparse;
    private readonly int _classes;
    private readonly int _features;
    private readonly double[] _transposed;
    private readonly double[] _total;
    private readonly SparseColumns? _columns;
    private readonly double[] _coefficients;
    private SparseSingleProducts? _single;

    /// <param name="x">The rows.</param>
    /// <param name="classes">K.</param>
    /// <param name="threads">Threads the column sums use (wide sparse data; results do not depend on it).</param>
    public SoftmaxBlocks(DesignMatrix x, int classes, int threads = 1)
    {
        _x = x;
        _dense = x as DenseMatrix;
        _sparse = x as SparseMatrix;
        _classes = classes;
        _features = x.ColumnCount;
        Stride = SoftmaxKernels.StrideOf(classes);
        _transposed = new double[PartialLengthFor(classes, _features)];
        _total = new double[PartialLengthFor(classes, _features)];
        if (_sparse is not null && _features * Stride >= ColumnSumsFrom && x.RowCount <= ColumnSumsRowsPerFeature * (_features + 1L))
        {
            _columns = new SparseColumns(_sparse, threads);
            _coefficients = new double[(long)x.RowCount * Stride];
        }
        else
        {
            _coefficients = Array.Empty<double>();
        }
        Rows = _dense is null ? Softmax.MaximumBlockRows : Math.Clamp(DenseBlockBudget / Math.Max(1, _features) / 4 * 4, 4, Softmax.MaximumBlockRows);
    }

    /// <summary>Whether the weights' gradient is summed by columns (<see cref="SparseColumns"/>) rather than per chunk.</summary>
    public bool SumsByColumns => _columns is not null;

    /// <summary>The Hessian's products in single precision, for data whose sums are made by columns and whose values suit
    /// single precision (else null); made once.</summary>
    public SparseSingleProducts? SingleProducts =>
        _columns is { SuitsSingleProducts: true } ? _single ??= new SparseSingleProducts(_sparse!, _columns, _classes, Stride) : null;

    /// <summary>Doubles per row of a block's values: K rounded up to a multiple of 4.</summary>
    public int Stride { get; }

    /// <summary>Most rows in one block.</summary>
    public int Rows { get; }

    /// <summary>K·(d + 1).</summary>
    public int Dimension => _classes * (_features + 1);

    /// <summary>
    /// Length of a chunk's partial in this layout: d rows of Wᵀ, then the padded biases; only the biases when the weights'
    /// sums are made by columns (wide sparse data, <see cref="SparseColumns"/>).
    /// </summary>
    public int PartialLength => _columns is null ? PartialLengthFor(_classes, _features) : Stride;

    // Where a partial's biases start.
    private int BiasOffset => _columns is null ? _features * Stride : 0;

    /// <summary><see cref="PartialLength"/> for K classes and d features (it sizes the row chunks before any buffer exists).</summary>
    public static int PartialLengthFor(int classes, int features) => (features + 1) * SoftmaxKernels.StrideOf(classes);

    /// <summary>A block's buffers, one per chunk (each thread its own).</summary>
    public SoftmaxBlock NewBlock() => new(Rows, _columns is null ? Stride : 0, Stride, _dense is null ? 0 : Rows * _features);

    /// <summary>
    /// Where a pass writes what the transposed half multiplies the block's rows by (row-major, <see cref="Stride"/> per row,
    /// every lane written): the block's own buffer, or when the weights' sums are made by columns the rows' place in
    /// one array for all rows.
    /// </summary>
    public Span<double> CoefficientsOf(SoftmaxBlock block) => _columns is null
        ? block.Coefficients.AsSpan(0, block.Count * Stride)
        : _coefficients.AsSpan(block.Start * Stride, block.Count * Stride);

    /// <summary>Takes the point (W, b) or direction (V, c) the next passes use.</summary>
    public void Load(ReadOnlySpan<double> theta)
    {
        int K = _classes, d = _features;
        if (theta.Length < Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} parameters; got {theta.Length}.", nameof(theta));
        }
        for (int j = 0; j < d; j++)
        {
            for (int k = 0; k < K; k++)
            {
                _transposed[j * Stride + k] = theta[k * d + j];
            }
        }
        theta.Slice(K * d, K).CopyTo(_transposed.AsSpan(d * Stride));
    }

    /// <summary>block.Scores[r·Stride + k] = x_(start+r)·Wₖ + bₖ for the loaded (W, b); padding lanes get 0.</summary>
    public void Forward(int start, int count, SoftmaxBlock block)
    {
        int d = _features;
        var w = _transposed.AsSpan(0, d * Stride);
        var b = _transposed.AsSpan(d * Stride, Stride);
        block.Start = start;
        block.Count = count;
        if (_sparse is not null)
        {
            for (int r = 0; r < count; r++)
            {
                SoftmaxKernels.MultiplySparseRow(_sparse.RowIndices(start + r), _sparse.RowValues(start + r), w, b, Stride, block.Scores.AsSpan(r * Stride, Stride));
            }
            return;
        }
        Gather(start, count, block);
        SoftmaxKernels.MultiplyRows(block.Values.AsSpan(0, count * d), d, count, w, b, Stride, block.Scores);
    }

    /// <summary>Makes rows [start, start + count) the block's rows for <see cref="Backward"/> without a forward half (dense rows widened to double).</summary>
    public void Gather(int start, int count, SoftmaxBlock block)
    {
        block.Start = start;
        block.Count = count;
        if (_sparse is not null)
        {
            return;
        }
        int d = _features;
        var x = block.Values.AsSpan(0, count * d);
        if (_dense is not null)
        {
            // The block's rows are contiguous: one widening loop with no per-row tails.
            VectorKernels.Widen(_dense.Rows(start, count), x);
            return;
        }
        for (int r = 0; r < count; r++)
        {
            _x.CopyRow(start + r, x.Slice(r * d, d));
        }
    }

    /// <summary>
    /// partial(Wₖ) += Σᵣ cᵣₖ·x_r, partial(bₖ) += Σᵣ cᵣₖ with c = <see cref="CoefficientsOf"/>, over the rows of the block's last
    /// <see cref="Forward"/> or <see cref="Gather"/>, in this layout (<see cref="Finish"/> turns partials into θ's; when the
    /// weights' sums are made by columns only the biases are added here). With <paramref name="squared"/> the rows' squares
    /// x_r ⊙ x_r take the place of x_r (the curvature's diagonal; a dense block's values are squared in place).
    /// </summary>
    public void Backward(SoftmaxBlock block, Span<double> partial, bool squared = false)
    {
        int d = _features, count = block.Count;
        var coefficients = CoefficientsOf(block);
        var biases = partial.Slice(BiasOffset, Stride);
        for (int r = 0; r < count; r++)
        {
            VectorKernels.AddScaled(coefficients.Slice(r * Stride, Stride), 1.0, biases);
        }
        if (_columns is not null)
        {
            return;
        }
        if (_sparse is not null)
        {
            for (int r = 0; r < count; r++)
            {
                SoftmaxKernels.AddSparseRow(_sparse.RowIndices(block.Start + r), _sparse.RowValues(block.Start + r), coefficients.Slice(r * Stride, Stride), Stride, partial, squared);
            }
            return;
        }
        if (squared)
        {
            VectorKernels.Square(block.Values.AsSpan(0, count * d));
        }
        SoftmaxKernels.AddTransposeRows(block.Values, d, count, coefficients, Stride, partial.Slice(0, d * Stride));
    }

    /// <summary>
    /// result (θ's layout) = the sum of per-chunk partials, added in chunk order, after a pass whose every block went through
    /// <see cref="Backward"/> (with the same <paramref name="squared"/>); one evaluation at a time.
    /// </summary>
    public void Finish(double[][] partials, Span<double> result, bool squared = false)
    {
        int K = _classes, d = _features;
        // The partials hold everything, or (sums by columns) only the biases: the column sums write every weight's sum.
        Span<double> summed = _total;
        if (_columns is not null)
        {
            _columns.Sum(_coefficients, Stride, _total, squared);
            summed = summed.Slice(d * Stride, Stride);
        }
        summed.Clear();
        foreach (var p in partials)
        {
            VectorKernels.AddScaled(p, 1.0, summed);
        }
        for (int j = 0; j < d; j++)
        {
            for (int k = 0; k < K; k++)
            {
                result[k * d + j] = _total[j * Stride + k];
            }
        }
        for (int k = 0; k < K; k++)
        {
            result[K * d + k] = _total[d * Stride + k];
        }
    }
}
