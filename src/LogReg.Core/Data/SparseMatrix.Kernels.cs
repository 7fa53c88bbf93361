using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Data;

/// <summary>
/// The gradient pass's kernels on compressed rows. The constructor has checked every index against
/// the column count, so after one length check of the dense operand the loops index without bounds
/// checks; a row's dot product keeps four running sums (one chain of dependent adds per row would
/// bound it by the add latency), always in the same order, so every caller gets the same bits.
/// </summary>
public sealed partial class SparseMatrix
{
    /// <inheritdoc/>
    public override double Dot(int row, ReadOnlySpan<double> w)
    {
        RequireColumns(w.Length, nameof(w));
        return RowDot(row, ref MemoryMarshal.GetReference(w));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void MultiplyRows(int start, int count, ReadOnlySpan<double> w, double b, Span<double> z)
    {
        RequireColumns(w.Length, nameof(w));
        ref double w0 = ref MemoryMarshal.GetReference(w);
        var zs = z.Slice(0, count);
        for (int k = 0; k < zs.Length; k++)
        {
            zs[k] = RowDot(start + k, ref w0) + b;
        }
    }

    /// <inheritdoc/>
    public override void AddScaledRow(int row, double alpha, Span<double> target)
    {
        RequireColumns(target.Length, nameof(target));
        AddScaled(row, alpha, ref MemoryMarshal.GetReference(target));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddTransposeRows(int start, int count, ReadOnlySpan<double> coefficient, Span<double> target)
    {
        RequireColumns(target.Length, nameof(target));
        ref double t0 = ref MemoryMarshal.GetReference(target);
        var cs = coefficient.Slice(0, count);
        for (int k = 0; k < cs.Length; k++)
        {
            if (cs[k] != 0)
            {
                AddScaled(start + k, cs[k], ref t0);
            }
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddScaledRowAndSquares(int row, double alpha, Span<double> sum, Span<double> squares)
    {
        RequireColumns(sum.Length, nameof(sum));
        RequireColumns(squares.Length, nameof(squares));
        ref double s0 = ref MemoryMarshal.GetReference(sum);
        ref double q0 = ref MemoryMarshal.GetReference(squares);
        nint end = (nint)_rowStart[row + 1];
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(_indices);
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(_values);
        for (nint p = (nint)_rowStart[row]; p < end; p++)
        {
            double scaled = alpha * Unsafe.Add(ref v0, p);
            int j = Unsafe.Add(ref i0, p);
            Unsafe.Add(ref s0, j) += scaled;
            Unsafe.Add(ref q0, j) += scaled * Unsafe.Add(ref v0, p);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private double RowDot(int row, ref double w0)
    {
        nint p = (nint)_rowStart[row];
        nint end = (nint)_rowStart[row + 1];
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(_indices);
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(_values);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (Fma.IsSupported)
        {
            var acc = Vector256<double>.Zero;
            for (; p + 3 < end; p += 4)
            {
                var wv = Vector256.Create(
                    Unsafe.Add(ref w0, Unsafe.Add(ref i0, p)), Unsafe.Add(ref w0, Unsafe.Add(ref i0, p + 1)),
                    Unsafe.Add(ref w0, Unsafe.Add(ref i0, p + 2)), Unsafe.Add(ref w0, Unsafe.Add(ref i0, p + 3)));
                var xv = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref v0, (nuint)p));
                acc = Fma.MultiplyAdd(xv, wv, acc);
            }
            s0 = acc.GetElement(0);
            s1 = acc.GetElement(1);
            s2 = acc.GetElement(2);
            s3 = acc.GetElement(3);
        }
        for (; p + 3 < end; p += 4)
        {
            s0 += Unsafe.Add(ref v0, p) * Unsafe.Add(ref w0, Unsafe.Add(ref i0, p));
            s1 += Unsafe.Add(ref v0, p + 1) * Unsafe.Add(ref w0, Unsafe.Add(ref i0, p + 1));
            s2 += Unsafe.Add(ref v0, p + 2) * Unsafe.Add(ref w0, Unsafe.Add(ref i0, p + 2));
            s3 += Unsafe.Add(ref v0, p + 3) * Unsafe.Add(ref w0, Unsafe.Add(ref i0, p + 3));
        }
        for (; p < end; p++)
        {
            s0 += Unsafe.Add(ref v0, p) * Unsafe.Add(ref w0, Unsafe.Add(ref i0, p));
        }
        return (s0 + s1) + (s2 + s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private void AddScaled(int row, double alpha, ref double t0)
    {
        nint end = (nint)_rowStart[row + 1];
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(_indices);
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(_values);
        nint p = (nint)_rowStart[row];
        if (Avx.IsSupported)
        {
            var a = Vector256.Create(alpha);
            for (; p + 3 < end; p += 4)
            {
                var scaled = Avx.Multiply(a, Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref v0, (nuint)p)));
                Unsafe.Add(ref t0, Unsafe.Add(ref i0, p)) += scaled.GetElement(0);
                Unsafe.Add(ref t0, Unsafe.Add(ref i0, p + 1)) += scaled.GetElement(1);
                Unsafe.Add(ref t0, Unsafe.Add(ref i0, p + 2)) += scaled.GetElement(2);
                Unsafe.Add(ref t0, Unsafe.Add(ref i0, p + 3)) += scaled.GetElement(3);
            }
        }
        for (; p < end; p++)
        {
            Unsafe.Add(ref t0, Unsafe.Add(ref i0, p)) += alpha * Unsafe.Add(ref v0, p);
        }
    }

    private void RequireColumns(int length, string name)
    {
        if (length < ColumnCount)
        {
            throw new ArgumentException($"Expected at least {ColumnCount} entries (one per column); got {length}.", name);
        }
    }
}
