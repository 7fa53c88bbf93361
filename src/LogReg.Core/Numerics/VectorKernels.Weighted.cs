using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LogReg.Core.Numerics;

/// <summary>The naive coordinate sweeps' kernels over a column and the rows' curvature weights.</summary>
internal static partial class VectorKernels
{
    /// <summary>Σ v[i]·x[i]², all double: a column's curvature under the rows' weights v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double WeightedSquares(ReadOnlySpan<double> v, ReadOnlySpan<double> x)
    {
        if (v.Length < x.Length)
        {
            throw new ArgumentException("The weights are shorter than the column.", nameof(v));
        }
        int n = x.Length, i = 0;
        double sum = 0;
        ref double vr = ref MemoryMarshal.GetReference(v);
        ref double xr = ref MemoryMarshal.GetReference(x);
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            Vector<double> acc0 = Vector<double>.Zero, acc1 = Vector<double>.Zero;
            for (; i <= n - 2 * width; i += 2 * width)
            {
                var x0 = Vector.LoadUnsafe(ref xr, (nuint)i);
                var x1 = Vector.LoadUnsafe(ref xr, (nuint)(i + width));
                acc0 += Vector.LoadUnsafe(ref vr, (nuint)i) * x0 * x0;
                acc1 += Vector.LoadUnsafe(ref vr, (nuint)(i + width)) * x1 * x1;
            }
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++)
        {
            double xi = Unsafe.Add(ref xr, i);
            sum += Unsafe.Add(ref vr, i) * xi * xi;
        }
        return sum;
    }

    /// <summary>target[i] −= v[i]·x[i]·scale, each entry's operations in that order (the same bits as the plain loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SubtractWeighted(ReadOnlySpan<double> v, ReadOnlySpan<double> x, double scale, Span<double> target)
    {
        if (v.Length < x.Length || target.Length < x.Length)
        {
            throw new ArgumentException("The weights or the target are shorter than the column.", nameof(target));
        }
        int n = x.Length, i = 0;
        ref double vr = ref MemoryMarshal.GetReference(v);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double tr = ref MemoryMarshal.GetReference(target);
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            var s = new Vector<double>(scale);
            for (; i <= n - width; i += width)
            {
                var t = Vector.LoadUnsafe(ref tr, (nuint)i) - Vector.LoadUnsafe(ref vr, (nuint)i) * Vector.LoadUnsafe(ref xr, (nuint)i) * s;
                t.StoreUnsafe(ref tr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref tr, i) -= Unsafe.Add(ref vr, i) * Unsafe.Add(ref xr, i) * scale;
        }
    }
}
