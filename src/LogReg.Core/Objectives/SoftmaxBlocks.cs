using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The two halves of every softmax pass over a block of rows, shared by the objective, its curvature and its
/// diagonal. Parameters are laid out θ = (W₀, …, W_{K−1}, b₀, …, b_{K−1}), Wₖ the d weights of class k. The
/// passes use the transposed layout: at <see cref="Load"/> the weights become Wᵀ (d × <see cref="Stride"/>, the K
/// class weights of a feature side by side, padded with zeros to a multiple of 4), per-row values are row-major
/// (value[r·Stride + k] in a <see cref="SoftmaxBlock"/>), and gradients are summed in that layout and put back into
/// θ's once per evaluation (<see cref="AddToClassMajor"/>). All K scores of a row come from one sweep of its values
/// (<see cref="SoftmaxKernels"/>): dense rows are widened to double once per block and multiplied in register
/// tiles; a sparse stored value reads its feature's K weights as vectors.
/// </summary>
internal sealed class SoftmaxBlocks
{
    // Doubles of a dense block in double (rows × d): the block stays in the core's cache for both halves.
    private const int DenseBlockBudget = 16_384;

    private readonly DesignMatrix _x;
    private readonly DenseMatrix? _dense;
    private readonly SparseMatrix? _sparse;
    private readonly int _classes;
    private readonly int _features;
    private readonly double[] _transposed;
    private readonly double[] _total;

    public SoftmaxBlocks(DesignMatrix x, int classes)
    {
        _x = x;
        _dense = x as DenseMatrix;
        _sparse = x as SparseMatrix;
        _classes = classes;
        _features = x.ColumnCount;
        Stride = SoftmaxKernels.StrideOf(classes);
        _transposed = new double[PartialLength];
        _total = new double[PartialLength];
        Rows = _dense is null ? Softmax.MaximumBlockRows : Math.Clamp(DenseBlockBudget / Math.Max(1, _features) / 4 * 4, 4, Softmax.MaximumBlockRows);
    }

    /// <summary>Doubles per row of a block's values: K rounded up to a multiple of 4.</summary>
    public int Stride { get; }

    /// <summary>Most rows in one block.</summary>
    public int Rows { get; }

    /// <summary>K·(d + 1).</summary>
    public int Dimension => _classes * (_features + 1);

    /// <summary>Length of a gradient partial in this layout: d rows of Wᵀ, then the padded biases.</summary>
    public int PartialLength => PartialLengthFor(_classes, _features);

    /// <summary><see cref="PartialLength"/> for K classes and d features (it sizes the row chunks before any buffer exists).</summary>
    public static int PartialLengthFor(int classes, int features) => (features + 1) * SoftmaxKernels.StrideOf(classes);

    /// <summary>A block's buffers, one per chunk (each thread its own).</summary>
    public SoftmaxBlock NewBlock() => new(Rows, Stride, _dense is null ? 0 : Rows * _features);

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
        var x = block.Values.AsSpan(0, count * d);
        for (int r = 0; r < count; r++)
        {
            if (_dense is not null)
            {
                VectorKernels.Widen(_dense.Row(start + r), x.Slice(r * d, d));
            }
            else
            {
                _x.CopyRow(start + r, x.Slice(r * d, d));
            }
        }
        SoftmaxKernels.MultiplyRows(x, d, count, w, b, Stride, block.Scores);
    }

    /// <summary>
    /// partial(Wₖ) += Σᵣ block.Coefficients[r·Stride + k]·x_r, partial(bₖ) += Σᵣ block.Coefficients[r·Stride + k], over the
    /// rows of the block's last <see cref="Forward"/>, in this layout (<see cref="AddToClassMajor"/> turns partials into θ's).
    /// </summary>
    public void Backward(SoftmaxBlock block, Span<double> partial)
    {
        int d = _features, count = block.Count;
        var coefficients = block.Coefficients.AsSpan(0, count * Stride);
        var biases = partial.Slice(d * Stride, Stride);
        for (int r = 0; r < count; r++)
        {
            VectorKernels.AddScaled(coefficients.Slice(r * Stride, Stride), 1.0, biases);
        }
        if (_sparse is not null)
        {
            for (int r = 0; r < count; r++)
            {
                SoftmaxKernels.AddSparseRow(_sparse.RowIndices(block.Start + r), _sparse.RowValues(block.Start + r), coefficients.Slice(r * Stride, Stride), Stride, partial);
            }
            return;
        }
        SoftmaxKernels.AddTransposeRows(block.Values, d, count, coefficients, Stride, partial.Slice(0, d * Stride));
    }

    /// <summary>result (θ's layout) = the sum of per-chunk partials, added in chunk order (one evaluation at a time).</summary>
    public void AddToClassMajor(double[][] partials, Span<double> result)
    {
        int K = _classes, d = _features;
        Array.Clear(_total);
        foreach (var p in partials)
        {
            VectorKernels.AddScaled(p, 1.0, _total);
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
