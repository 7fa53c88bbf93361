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
/// are added in chunk order, so no result depends on the thread count.
/// </summary>
internal sealed class SignedDesign
{
    private readonly DesignMatrix _x;
    private readonly double[] _sign;
    private readonly double[] _scale;
    private readonly RowChunks _chunks;

    public SignedDesign(DesignMatrix x, double[] labels, int threads)
    {
        _x = x;
        RowCount = x.RowCount;
        Dimension = x.ColumnCount + 1;
        _sign = labels.Select(y => y == 1 ? 1.0 : -1.0).ToArray();
        _scale = ColumnScales(x);
        _chunks = new RowChunks(RowCount, threads, Dimension);
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
        var partials = new double[_chunks.Count][];
        _chunks.Run(c =>
        {
            var (start, end) = _chunks[c];
            var signed = new double[end - start];
            double intercept = 0;
            for (int i = start; i < end; i++)
            {
                signed[i - start] = _sign[i] * coefficients[i];
                intercept += signed[i - start];
            }
            var partial = new double[k];
            _x.AddTransposeRows(start, end - start, signed, partial);
            partial[k - 1] = intercept;
            partials[c] = partial;
        });
        result.Slice(0, k).Clear();
        foreach (var p in partials)
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

    /// <summary>The k×k matrix Ãᵀ·diag(θ)·Ã, full (both triangles), row-major.</summary>
    public double[] WeightedGram(double[] theta)
    {
        int k = Dimension;
        // Row groups fixed by the shape (never by the thread count), one k×k partial each.
        int groups = (int)Math.Clamp(8L * 1024 * 1024 / ((long)k * k), 1, Math.Max(1, _chunks.Count));
        groups = Math.Min(groups, 8);
        var partials = new double[groups][];
        int n = RowCount;
        void Group(int g)
        {
            var upper = new double[k * k];
            int start = (int)((long)n * g / groups);
            int end = (int)((long)n * (g + 1) / groups);
            _x.AddWeightedGram(start, end - start, new ReadOnlySpan<double>(theta, start, end - start), upper);
            partials[g] = upper;
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
        var gram = new double[k * k];
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
        return gram;
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
