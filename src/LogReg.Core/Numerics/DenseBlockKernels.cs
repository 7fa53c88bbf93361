using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Numerics;

/// <summary>
/// The two halves of the gradient pass over a block of dense float rows, in double precision:
/// z = X_block·w + b and g += X_blockᵀ·c. With AVX-512 each step widens 16 floats to two vectors of
/// 8 doubles and uses fused multiply-adds; the forward pass interleaves two rows (four independent
/// accumulators); the transposed pass adds four scaled rows per load and store of g. With AVX2 and FMA
/// the same kernels run on 8 floats / 4 doubles (DenseBlockKernels.Avx2.cs). Other machines use
/// <see cref="VectorKernels"/> row by row. The order of operations depends only on the data shape
/// and the machine, never on threads.
/// </summary>
internal static partial class DenseBlockKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyRows(float[] values, int d, int start, int count, ReadOnlySpan<double> w, double b, Span<double> z)
    {
        if ((!Vector512.IsHardwareAccelerated || d < 16) && Avx2Usable(d))
        {
            MultiplyRows256(values, d, start, count, w, b, z);
            return;
        }
        if (!Vector512.IsHardwareAccelerated || d < 16)
        {
            for (int k = 0; k < count; k++)
            {
                z[k] = VectorKernels.Dot(new ReadOnlySpan<float>(values, (start + k) * d, d), w) + b;
            }
            return;
        }
        ref float x0 = ref MemoryMarshal.GetArrayDataReference(values);
        ref double wr = ref MemoryMarshal.GetReference(w);
        int full = d & ~15;
        int k2 = 0;
        for (; k2 + 1 < count; k2 += 2)
        {
            ref float ra = ref Unsafe.Add(ref x0, (nint)(start + k2) * d);
            ref float rb = ref Unsafe.Add(ref ra, d);
            var a0 = Vector512<double>.Zero;
            var a1 = Vector512<double>.Zero;
            var b0 = Vector512<double>.Zero;
            var b1 = Vector512<double>.Zero;
            for (int j = 0; j < full; j += 16)
            {
                var wl = Vector512.LoadUnsafe(ref wr, (nuint)j);
                var wh = Vector512.LoadUnsafe(ref wr, (nuint)(j + 8));
                var (al, ah) = Vector512.Widen(Vector512.LoadUnsafe(ref ra, (nuint)j));
                var (bl, bh) = Vector512.Widen(Vector512.LoadUnsafe(ref rb, (nuint)j));
                a0 = Fma(al, wl, a0);
                a1 = Fma(ah, wh, a1);
                b0 = Fma(bl, wl, b0);
                b1 = Fma(bh, wh, b1);
            }
            double sa = Vector512.Sum(a0 + a1);
            double sb = Vector512.Sum(b0 + b1);
            for (int j = full; j < d; j++)
            {
                double wj = Unsafe.Add(ref wr, j);
                sa += Unsafe.Add(ref ra, j) * wj;
                sb += Unsafe.Add(ref rb, j) * wj;
            }
            z[k2] = sa + b;
            z[k2 + 1] = sb + b;
        }
        for (; k2 < count; k2++)
        {
            ref float ra = ref Unsafe.Add(ref x0, (nint)(start + k2) * d);
            var a0 = Vector512<double>.Zero;
            var a1 = Vector512<double>.Zero;
            for (int j = 0; j < full; j += 16)
            {
                var (al, ah) = Vector512.Widen(Vector512.LoadUnsafe(ref ra, (nuint)j));
                a0 = Fma(al, Vector512.LoadUnsafe(ref wr, (nuint)j), a0);
                a1 = Fma(ah, Vector512.LoadUnsafe(ref wr, (nuint)(j + 8)), a1);
            }
            double sa = Vector512.Sum(a0 + a1);
            for (int j = full; j < d; j++)
            {
                sa += Unsafe.Add(ref ra, j) * Unsafe.Add(ref wr, j);
            }
            z[k2] = sa + b;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddTransposeRows(float[] values, int d, int start, int count, ReadOnlySpan<double> c, Span<double> g)
    {
        if ((!Vector512.IsHardwareAccelerated || d < 16) && Avx2Usable(d))
        {
            AddTransposeRows256(values, d, start, count, c, g);
            return;
        }
        if (!Vector512.IsHardwareAccelerated || d < 16)
        {
            for (int k = 0; k < count; k++)
            {
                if (c[k] != 0)
                {
                    VectorKernels.AddScaled(new ReadOnlySpan<float>(values, (start + k) * d, d), c[k], g);
                }
            }
            return;
        }
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), (nint)start * d);
        ref double gr = ref MemoryMarshal.GetReference(g);
        int full = d & ~15;
        int k4 = 0;
        // Four rows at a time: g is loaded and stored once for four scaled rows.
        for (; k4 + 3 < count; k4 += 4)
        {
            ref float r0 = ref Unsafe.Add(ref x0, (nint)k4 * d);
            ref float r1 = ref Unsafe.Add(ref r0, d);
            ref float r2 = ref Unsafe.Add(ref r1, d);
            ref float r3 = ref Unsafe.Add(ref r2, d);
            double c0 = c[k4], c1 = c[k4 + 1], c2 = c[k4 + 2], c3 = c[k4 + 3];
            var v0 = Vector512.Create(c0);
            var v1 = Vector512.Create(c1);
            var v2 = Vector512.Create(c2);
            var v3 = Vector512.Create(c3);
            for (int j = 0; j < full; j += 16)
            {
                var g0 = Vector512.LoadUnsafe(ref gr, (nuint)j);
                var g1 = Vector512.LoadUnsafe(ref gr, (nuint)(j + 8));
                var (l0, h0) = Vector512.Widen(Vector512.LoadUnsafe(ref r0, (nuint)j));
                var (l1, h1) = Vector512.Widen(Vector512.LoadUnsafe(ref r1, (nuint)j));
                var (l2, h2) = Vector512.Widen(Vector512.LoadUnsafe(ref r2, (nuint)j));
                var (l3, h3) = Vector512.Widen(Vector512.LoadUnsafe(ref r3, (nuint)j));
                g0 = Fma(l3, v3, Fma(l2, v2, Fma(l1, v1, Fma(l0, v0, g0))));
                g1 = Fma(h3, v3, Fma(h2, v2, Fma(h1, v1, Fma(h0, v0, g1))));
                g0.StoreUnsafe(ref gr, (nuint)j);
                g1.StoreUnsafe(ref gr, (nuint)(j + 8));
            }
            for (int j = full; j < d; j++)
            {
                Unsafe.Add(ref gr, j) += c0 * Unsafe.Add(ref r0, j) + c1 * Unsafe.Add(ref r1, j) + c2 * Unsafe.Add(ref r2, j) + c3 * Unsafe.Add(ref r3, j);
            }
        }
        for (; k4 < count; k4++)
        {
            if (c[k4] != 0)
            {
                VectorKernels.AddScaled(new ReadOnlySpan<float>(values, (start + k4) * d, d), c[k4], g);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : a * b + c;
}
