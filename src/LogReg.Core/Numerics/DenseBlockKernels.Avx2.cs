using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace LogReg.Core.Numerics;

// The AVX2 + FMA forms of the block kernels: 8 floats widened to two vectors of 4 doubles per step,
// the same row interleaving as the AVX-512 forms (two rows forward, four rows transposed).
internal static partial class DenseBlockKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Avx2Usable(int d) => Avx2.IsSupported && X86Fma.IsSupported && d >= 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyRows256(float[] values, int d, int start, int count, ReadOnlySpan<double> w, double b, Span<double> z)
    {
        ref float x0 = ref MemoryMarshal.GetArrayDataReference(values);
        ref double wr = ref MemoryMarshal.GetReference(w);
        int full = d & ~7;
        int k2 = 0;
        for (; k2 + 1 < count; k2 += 2)
        {
            ref float ra = ref Unsafe.Add(ref x0, (nint)(start + k2) * d);
            ref float rb = ref Unsafe.Add(ref ra, d);
            var a0 = Vector256<double>.Zero;
            var a1 = Vector256<double>.Zero;
            var b0 = Vector256<double>.Zero;
            var b1 = Vector256<double>.Zero;
            for (int j = 0; j < full; j += 8)
            {
                var wl = Vector256.LoadUnsafe(ref wr, (nuint)j);
                var wh = Vector256.LoadUnsafe(ref wr, (nuint)(j + 4));
                var (al, ah) = Vector256.Widen(Vector256.LoadUnsafe(ref ra, (nuint)j));
                var (bl, bh) = Vector256.Widen(Vector256.LoadUnsafe(ref rb, (nuint)j));
                a0 = X86Fma.MultiplyAdd(al, wl, a0);
                a1 = X86Fma.MultiplyAdd(ah, wh, a1);
                b0 = X86Fma.MultiplyAdd(bl, wl, b0);
                b1 = X86Fma.MultiplyAdd(bh, wh, b1);
            }
            double sa = Vector256.Sum(a0 + a1);
            double sb = Vector256.Sum(b0 + b1);
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
            var a0 = Vector256<double>.Zero;
            var a1 = Vector256<double>.Zero;
            for (int j = 0; j < full; j += 8)
            {
                var (al, ah) = Vector256.Widen(Vector256.LoadUnsafe(ref ra, (nuint)j));
                a0 = X86Fma.MultiplyAdd(al, Vector256.LoadUnsafe(ref wr, (nuint)j), a0);
                a1 = X86Fma.MultiplyAdd(ah, Vector256.LoadUnsafe(ref wr, (nuint)(j + 4)), a1);
            }
            double sa = Vector256.Sum(a0 + a1);
            for (int j = full; j < d; j++)
            {
                sa += Unsafe.Add(ref ra, j) * Unsafe.Add(ref wr, j);
            }
            z[k2] = sa + b;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTransposeRows256(float[] values, int d, int start, int count, ReadOnlySpan<double> c, Span<double> g)
    {
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), (nint)start * d);
        ref double gr = ref MemoryMarshal.GetReference(g);
        int full = d & ~7;
        int k4 = 0;
        for (; k4 + 3 < count; k4 += 4)
        {
            ref float r0 = ref Unsafe.Add(ref x0, (nint)k4 * d);
            ref float r1 = ref Unsafe.Add(ref r0, d);
            ref float r2 = ref Unsafe.Add(ref r1, d);
            ref float r3 = ref Unsafe.Add(ref r2, d);
            double c0 = c[k4], c1 = c[k4 + 1], c2 = c[k4 + 2], c3 = c[k4 + 3];
            var v0 = Vector256.Create(c0);
            var v1 = Vector256.Create(c1);
            var v2 = Vector256.Create(c2);
            var v3 = Vector256.Create(c3);
            for (int j = 0; j < full; j += 8)
            {
                var g0 = Vector256.LoadUnsafe(ref gr, (nuint)j);
                var g1 = Vector256.LoadUnsafe(ref gr, (nuint)(j + 4));
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref r0, (nuint)j));
                var (l1, h1) = Vector256.Widen(Vector256.LoadUnsafe(ref r1, (nuint)j));
                var (l2, h2) = Vector256.Widen(Vector256.LoadUnsafe(ref r2, (nuint)j));
                var (l3, h3) = Vector256.Widen(Vector256.LoadUnsafe(ref r3, (nuint)j));
                g0 = X86Fma.MultiplyAdd(l3, v3, X86Fma.MultiplyAdd(l2, v2, X86Fma.MultiplyAdd(l1, v1, X86Fma.MultiplyAdd(l0, v0, g0))));
                g1 = X86Fma.MultiplyAdd(h3, v3, X86Fma.MultiplyAdd(h2, v2, X86Fma.MultiplyAdd(h1, v1, X86Fma.MultiplyAdd(h0, v0, g1))));
                g0.StoreUnsafe(ref gr, (nuint)j);
                g1.StoreUnsafe(ref gr, (nuint)(j + 4));
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
}
