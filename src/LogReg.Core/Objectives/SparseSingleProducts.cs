using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Objectives;

/// <summary>
/// The softmax Hessian's products with a direction on wide sparse data (the weights' sums made by columns,
/// <see cref="SparseColumns"/>) with the direction and the rows' coefficients held in single precision: each stored value
/// gathers its feature's K direction values and, in the column sums, its row's K coefficients — half the bytes of the
/// double gathers that bound these products (Newton-CG on text spends most of a fit in them). Only the products: the
/// conjugate gradients that use them stop at a residual of 1–50 % of the gradient, far above single precision's
/// 1e-7, while the values and gradients that decide the steps and the stopping test stay in double, so the optimum is
/// the one the double products reach. Each sum is made in one fixed order: results do not depend on the thread count.
/// </summary>
internal sealed class SparseSingleProducts
{
    private readonly SparseMatrix _x;
    private readonly SparseColumns _columns;
    private readonly int _classes;
    private readonly int _features;
    private readonly float[] _direction;
    private readonly double[] _bias;
    private readonly float[] _coefficients;
    private readonly float[] _sums;
    private readonly double[] _biasSums;

    public SparseSingleProducts(SparseMatrix x, SparseColumns columns, int classes, int stride)
    {
        _x = x;
        _columns = columns;
        _classes = classes;
        _features = x.ColumnCount;
        Stride = stride;
        _direction = new float[_features * stride];
        _bias = new double[stride];
        _coefficients = new float[(long)x.RowCount * stride];
        _sums = new float[_features * stride];
        _biasSums = new double[stride];
    }

    /// <summary>Values per row and feature: K rounded up to a multiple of 4, as <see cref="SoftmaxBlocks.Stride"/>.</summary>
    public int Stride { get; }

    /// <summary>Takes the direction (V, c) in θ's layout; V transposed and rounded to single precision.</summary>
    public void Load(ReadOnlySpan<double> v)
    {
        int K = _classes, d = _features;
        for (int k = 0; k < K; k++)
        {
            var row = v.Slice(k * d, d);
            for (int j = 0; j < d; j++)
            {
                _direction[j * Stride + k] = (float)row[j];
            }
        }
        v.Slice(K * d, K).CopyTo(_bias);
    }

    /// <summary>
    /// scores[k] = c_k + xᵢ·Vₖ for row <paramref name="row"/> (the sum in single precision); the row's coefficients
    /// (<see cref="CoefficientsOf"/>) are used as scratch and must be written afterwards.
    /// </summary>
    public void Forward(int row, Span<double> scores)
    {
        var z = CoefficientsOf(row);
        SoftmaxKernels.MultiplySparseRowSingle(_x.RowIndices(row), _x.RowValues(row), _direction, Stride, z);
        _bias.AsSpan(0, Stride).CopyTo(scores);
        VectorKernels.AddScaled(z, 1.0, scores.Slice(0, Stride));
    }

    /// <summary>Row <paramref name="row"/>'s coefficients: what the column sums multiply its values by (every lane written).</summary>
    public Span<float> CoefficientsOf(int row) => _coefficients.AsSpan(row * Stride, Stride);

    /// <summary>
    /// result (θ's layout) = the weights' column sums of the rows' coefficients and the biases' sums of the chunks'
    /// <paramref name="biasPartials"/> (their first <see cref="Stride"/> values), added in chunk order; with
    /// <paramref name="squared"/> the column sums take the squares of the values (a curvature's diagonal).
    /// </summary>
    public void Finish(double[][] biasPartials, Span<double> result, bool squared = false)
    {
        int K = _classes, d = _features;
        _columns.SumSingle(_coefficients, Stride, _sums, squared);
        for (int k = 0; k < K; k++)
        {
            var row = result.Slice(k * d, d);
            for (int j = 0; j < d; j++)
            {
                row[j] = _sums[j * Stride + k];
            }
        }
        Array.Clear(_biasSums);
        foreach (var p in biasPartials)
        {
            VectorKernels.AddScaled(p.AsSpan(0, Stride), 1.0, _biasSums);
        }
        _biasSums.AsSpan(0, K).CopyTo(result.Slice(K * d, K));
    }
}
