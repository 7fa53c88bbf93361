using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;

namespace LogReg.Core.Separation;

/// <summary>
/// The matrix of the separation programs, Ã with rows ãᵢ = sᵢ·[xᵢ, 1] / scale (sᵢ = 2yᵢ − 1; each feature
/// column divided by its largest |x|, the intercept by 1; an all-zero column by 1), as an operator over the
/// training set's own storage (dense or sparse, never copied). Coordinates follow <see cref="DesignMatrix"/>:
/// the d features first, the intercept last (index d). Rows are summed in fixed chunks whose partial sums
/// are added in chunk order, so no result depends on the thread count. Its scratch buffers are reused from call to
/// call: one instance serves one caller at a time.
/// </summary>
internal sealed class SignedDesign
{
    private readonly DesignMatrix _x;
    private readonly double[] _sign;
    private readonly double[] _scale;
    private readonly RowChunks _chunks;
    private readonly double[] _signed;
    private readonly double[][] _partials;
    private readonly int _groups;
    private readonly double[][] _gramPartials;

    public SignedDesign(DesignMatrix x, double[] labels, int threads)
    {
        _x = x;
        RowCount = x.RowCount;
        Dimension = x.ColumnCount + 1;
        _sign = labels.Select(y => y == 1 ? 1.0 : -1.0).ToArray();
        _scale = ColumnScales(x);
        _chunks = new RowChunks(RowCount, threads, Dimension);
        _signed = new double[RowCount];
        _partials = Enumerable.Range(0, _chunks.Count).Select(_ => new double[Dimension]).ToArray();
        // Row groups fixed by the shape (never by the thread count), one k×k partial each.
        int k = Dimension;
        _groups = Math.Min(8, (int)Math.Clamp(8L * 1024 * 1024 / ((long)k * k), 1, Math.Max(1, _chunks.Count)));
        _gramPartials = Enumerable.Range(0, _groups).Select(_ => new double[k * k]).ToArray();
    }

    /// <summary>Rows n.</summary>
    public int RowCount { get; }

    /// <summary>Columns k = d + 1 (the intercept last).</summary>
    public int Dimension { get; }

    /// <summary>Column j's divisor (the largest |x| of feature j; 1 for the intercept and for all-zero columns).</summary>
    public double Scale(int column) => _scale[column];

    /// <summary>result = Ã·β (the margins).</summary>
    public void Multiply(ReadOnlySpan<double> beta, double[] result)
    {
        int d = Dimension - 1;
        var w = new double[d];
        for (int j = 0; j < d; j++)
        {
            w[j] = beta[j] / _scale[j];
        }
        double b = beta[d];
        _chunks.Run(c =>
        {
            var (start, end) = _chunks[c];
            var z = new Span<double>(result, start, end - start);
            _x.MultiplyRows(start, end - start, w, b, z);
            for (int i = start; i < end; i++)
            {
                result[i] *= _sign[i];
            }
        });
    }

    /// <summary>result = Ãᵀ·coefficients.</summary>
    public void MultiplyTransposed(double[] coefficients, Span<double> result)
    {
        int k = Dimension;
        _chunks.Run(c =>
        {
            var (start, end) = _chunks[c];
            double intercept = 0;
            for (int i = start; i < end; i++)
            {
                _signed[i] = _sign[i] * coefficients[i];
                intercept += _signed[i];
            }
            var partial = _partials[c];
            Array.Clear(partial);
            _x.AddTransposeRows(start, end - start, new ReadOnlySpan<double>(_signed, start, end - start), partial);
            partial[k - 1] = intercept;
        });
        result.Slice(0, k).Clear();
        foreach (var p in _partials)
        {
            VectorKernels.AddScaled(p, 1.0, result);
        }
        for (int j = 0; j < k; j++)
        {
            result[j] /= _scale[j];
        }
    }

    /// <summary>
    /// Ãᵀ·coefficients summed exactly enough to certify: each product and sum carried in double-double
    /// (error-free transformations), so the result is the exact real sum to a relative 1e-16 of itself,
    /// not of the sum of absolute terms. One pass, sequential; for the final certificate only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] MultiplyTransposedAccurately(double[] coefficients)
    {
        int k = Dimension, d = k - 1;
        var high = new double[k];
        var low = new double[k];
        var row = new double[d];
        for (int i = 0; i < RowCount; i++)
        {
            double a = _sign[i] * coefficients[i];
            if (a == 0)
            {
                continue;
            }
            _x.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                if (row[j] != 0)
                {
                    CompensatedArithmetic.AddProduct(ref high[j], ref low[j], a, row[j]);
                }
            }
            CompensatedArithmetic.AddProduct(ref high[d], ref low[d], a, 1.0);
        }
        var result = new double[k];
        for (int j = 0; j < k; j++)
        {
            result[j] = (high[j] + low[j]) / _scale[j];
        }
        return result;
    }

    /// <summary>The k×k matrix Ãᵀ·diag(θ)·Ã, full (both triangles), row-major, in a new array.</summary>
    public double[] WeightedGram(double[] theta)
    {
        var gram = new double[Dimension * Dimension];
        WeightedGram(theta, gram);
        return gram;
    }

    /// <summary>The same, written into <paramref name="gram"/> (k·k entries).</summary>
    public void WeightedGram(double[] theta, double[] gram)
    {
        int k = Dimension, groups = _groups;
        var partials = _gramPartials;
        int n = RowCount;
        void Group(int g)
        {
            var upper = partials[g];
            Array.Clear(upper);
            int start = (int)((long)n * g / groups);
            int end = (int)((long)n * (g + 1) / groups);
            _x.AddWeightedGram(start, end - start, new ReadOnlySpan<double>(theta, start, end - start), upper);
        }
        if (groups == 1 || _chunks.Threads == 1)
        {
            for (int g = 0; g < groups; g++)
            {
                Group(g);
            }
        }
        else
        {
            Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = _chunks.Threads }, Group);
        }
        Array.Clear(gram, 0, k * k);
        foreach (var p in partials)
        {
            VectorKernels.AddScaled(p, 1.0, gram);
        }
        // sᵢ² = 1, so only the column scales enter.
        for (int a = 0; a < k; a++)
        {
            for (int b = a; b < k; b++)
            {
                double v = gram[a * k + b] / (_scale[a] * _scale[b]);
                gram[a * k + b] = v;
                gram[b * k + a] = v;
            }
        }
    }

    private static double[] ColumnScales(DesignMatrix x)
    {
        int d = x.ColumnCount;
        var scale = new double[d + 1];
        var row = new double[d];
        for (int i = 0; i < x.RowCount; i++)
        {
            x.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                scale[j] = Math.Max(scale[j], Math.Abs(row[j]));
            }
        }
        for (int j = 0; j <= d; j++)
        {
            scale[j] = scale[j] > 0 && j < d ? scale[j] : 1.0;
        }
        return scale;
    }
}
