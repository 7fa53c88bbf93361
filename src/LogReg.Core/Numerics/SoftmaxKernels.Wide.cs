using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Numerics;

// The dense kernels' 512-bit tiles, on machines whose runtime accelerates Vector512 (AVX-512F): eight rows (or features)
// × one vector of 8 classes, eight accumulators; a stride's last 4 classes (strides of 8m + 4) in 256-bit vectors of the
// same shape. Each element is the same chain of fused multiply-adds in the same order as in the 256-bit tiles, so the
// results are bit-identical to theirs (and to the reference loops); only the vectors are wider.
internal static partial class SoftmaxKernels
{
    private const int WideWidth = 8;
    private const int WideTile = 8;

    /// <summary>Whether the 512-bit tiles run here (tests compare both widths on such machines).</summary>
    internal static bool WideTilesAvailable => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    // z for rows [0, returned), a multiple of 8; the 256-bit tiles do the rest. Compiled fully optimised at the first call
    // (as every kernel here): at tier 0 the vector helpers are calls, and a first fit in a process spent its time there.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int MultiplyRowsWide(ref double x0, int d, int count, ref double w0, ref double b0, int stride, ref double z0)
    {
        int r = 0;
        for (; r + WideTile <= count; r += WideTile)
        {
            ref double xr = ref Unsafe.Add(ref x0, r * d);
            ref double zr = ref Unsafe.Add(ref z0, r * stride);
            int k = 0;
            for (; k + WideWidth <= stride; k += WideWidth)
            {
                ForwardWide(ref xr, d, ref Unsafe.Add(ref w0, k), ref Unsafe.Add(ref b0, k), stride, ref Unsafe.Add(ref zr, k));
            }
            if (k < stride)
            {
                ForwardHalf(ref xr, d, ref Unsafe.Add(ref w0, k), ref Unsafe.Add(ref b0, k), stride, ref Unsafe.Add(ref zr, k));
            }
        }
        return r;
    }

    // g for every feature: tiles of 8, then the last d mod 8 features in tiles of at most 4 (one element's chain of
    // fused multiply-adds is latency-bound; a tile keeps several chains in flight).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTransposeRowsWide(ref double x0, int d, int count, ref double c0, int stride, ref double g0)
    {
        int j = 0;
        for (; j < d; j += WideTile)
        {
            ref double xj = ref Unsafe.Add(ref x0, j);
            ref double gj = ref Unsafe.Add(ref g0, j * stride);
            int features = Math.Min(WideTile, d - j);
            if (features == WideTile)
            {
                int k = 0;
                for (; k + WideWidth <= stride; k += WideWidth)
                {
                    TransposedWide(ref xj, d, count, ref Unsafe.Add(ref c0, k), stride, ref Unsafe.Add(ref gj, k));
                }
                if (k < stride)
                {
                    TransposedHalf(ref xj, d, count, ref Unsafe.Add(ref c0, k), stride, ref Unsafe.Add(ref gj, k));
                }
                continue;
            }
            for (int f = 0; f < features; f += 4)
            {
                int n = Math.Min(4, features - f);
                int k = 0;
                for (; k + WideWidth <= stride; k += WideWidth)
                {
                    TransposedFewWide(ref Unsafe.Add(ref xj, f), d, count, ref Unsafe.Add(ref c0, k), stride, ref Unsafe.Add(ref gj, f * stride + k), n);
                }
                if (k < stride)
                {
                    TransposedFew(ref Unsafe.Add(ref xj, f), d, count, ref Unsafe.Add(ref c0, k), stride, ref Unsafe.Add(ref gj, f * stride + k), n);
                }
            }
        }
    }

    // g features j..j+n−1 (n ≤ 4), classes k..k+3: TransposedHalf's sums for the last few features of a row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedFew(ref double xj, int d, int count, ref double ck, int stride, ref double gk, int n)
    {
        var a0 = Vector256.LoadUnsafe(ref gk);
        var a1 = n > 1 ? Vector256.LoadUnsafe(ref gk, (nuint)stride) : default;
        var a2 = n > 2 ? Vector256.LoadUnsafe(ref gk, (nuint)(2 * stride)) : default;
        var a3 = n > 3 ? Vector256.LoadUnsafe(ref gk, (nuint)(3 * stride)) : default;
        for (int r = 0; r < count; r++)
        {
            var c = Vector256.LoadUnsafe(ref Unsafe.Add(ref ck, r * stride));
            ref double xr = ref Unsafe.Add(ref xj, r * d);
            a0 = Fma(Vector256.Create(xr), c, a0);
            if (n > 1)
            {
                a1 = Fma(Vector256.Create(Unsafe.Add(ref xr, 1)), c, a1);
            }
            if (n > 2)
            {
                a2 = Fma(Vector256.Create(Unsafe.Add(ref xr, 2)), c, a2);
            }
            if (n > 3)
            {
                a3 = Fma(Vector256.Create(Unsafe.Add(ref xr, 3)), c, a3);
            }
        }
        a0.StoreUnsafe(ref gk);
        if (n > 1)
        {
            a1.StoreUnsafe(ref gk, (nuint)stride);
        }
        if (n > 2)
        {
            a2.StoreUnsafe(ref gk, (nuint)(2 * stride));
        }
        if (n > 3)
        {
            a3.StoreUnsafe(ref gk, (nuint)(3 * stride));
        }
    }

    // g features j..j+n−1 (n ≤ 4), classes k..k+7: TransposedWide's sums for the last few features of a row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedFewWide(ref double xj, int d, int count, ref double ck, int stride, ref double gk, int n)
    {
        var a0 = Vector512.LoadUnsafe(ref gk);
        var a1 = n > 1 ? Vector512.LoadUnsafe(ref gk, (nuint)stride) : default;
        var a2 = n > 2 ? Vector512.LoadUnsafe(ref gk, (nuint)(2 * stride)) : default;
        var a3 = n > 3 ? Vector512.LoadUnsafe(ref gk, (nuint)(3 * stride)) : default;
        for (int r = 0; r < count; r++)
        {
            var c = Vector512.LoadUnsafe(ref Unsafe.Add(ref ck, r * stride));
            ref double xr = ref Unsafe.Add(ref xj, r * d);
            a0 = Avx512F.FusedMultiplyAdd(Vector512.Create(xr), c, a0);
            if (n > 1)
            {
                a1 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 1)), c, a1);
            }
            if (n > 2)
            {
                a2 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 2)), c, a2);
            }
            if (n > 3)
            {
                a3 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 3)), c, a3);
            }
        }
        a0.StoreUnsafe(ref gk);
        if (n > 1)
        {
            a1.StoreUnsafe(ref gk, (nuint)stride);
        }
        if (n > 2)
        {
            a2.StoreUnsafe(ref gk, (nuint)(2 * stride));
        }
        if (n > 3)
        {
            a3.StoreUnsafe(ref gk, (nuint)(3 * stride));
        }
    }

    // z rows r..r+7, classes k..k+7 (refs at row r's first value, Wᵀ's and the bias's class k, z's row r class k).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardWide(ref double x, int d, ref double wk, ref double bk, int stride, ref double zk)
    {
        var bias = Vector512.LoadUnsafe(ref bk);
        Vector512<double> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
        for (int j = 0; j < d; j++)
        {
            var w = Vector512.LoadUnsafe(ref Unsafe.Add(ref wk, j * stride));
            ref double xj = ref Unsafe.Add(ref x, j);
            a0 = Avx512F.FusedMultiplyAdd(Vector512.Create(xj), w, a0);
            a1 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, d)), w, a1);
            a2 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, 2 * d)), w, a2);
            a3 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, 3 * d)), w, a3);
            a4 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, 4 * d)), w, a4);
            a5 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, 5 * d)), w, a5);
            a6 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, 6 * d)), w, a6);
            a7 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xj, 7 * d)), w, a7);
        }
        a0.StoreUnsafe(ref zk);
        a1.StoreUnsafe(ref zk, (nuint)stride);
        a2.StoreUnsafe(ref zk, (nuint)(2 * stride));
        a3.StoreUnsafe(ref zk, (nuint)(3 * stride));
        a4.StoreUnsafe(ref zk, (nuint)(4 * stride));
        a5.StoreUnsafe(ref zk, (nuint)(5 * stride));
        a6.StoreUnsafe(ref zk, (nuint)(6 * stride));
        a7.StoreUnsafe(ref zk, (nuint)(7 * stride));
    }

    // As ForwardWide for the last 4 classes of a stride of 8m + 4.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardHalf(ref double x, int d, ref double wk, ref double bk, int stride, ref double zk)
    {
        var bias = Vector256.LoadUnsafe(ref bk);
        Vector256<double> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
        for (int j = 0; j < d; j++)
        {
            var w = Vector256.LoadUnsafe(ref Unsafe.Add(ref wk, j * stride));
            ref double xj = ref Unsafe.Add(ref x, j);
            a0 = Fma(Vector256.Create(xj), w, a0);
            a1 = Fma(Vector256.Create(Unsafe.Add(ref xj, d)), w, a1);
            a2 = Fma(Vector256.Create(Unsafe.Add(ref xj, 2 * d)), w, a2);
            a3 = Fma(Vector256.Create(Unsafe.Add(ref xj, 3 * d)), w, a3);
            a4 = Fma(Vector256.Create(Unsafe.Add(ref xj, 4 * d)), w, a4);
            a5 = Fma(Vector256.Create(Unsafe.Add(ref xj, 5 * d)), w, a5);
            a6 = Fma(Vector256.Create(Unsafe.Add(ref xj, 6 * d)), w, a6);
            a7 = Fma(Vector256.Create(Unsafe.Add(ref xj, 7 * d)), w, a7);
        }
        a0.StoreUnsafe(ref zk);
        a1.StoreUnsafe(ref zk, (nuint)stride);
        a2.StoreUnsafe(ref zk, (nuint)(2 * stride));
        a3.StoreUnsafe(ref zk, (nuint)(3 * stride));
        a4.StoreUnsafe(ref zk, (nuint)(4 * stride));
        a5.StoreUnsafe(ref zk, (nuint)(5 * stride));
        a6.StoreUnsafe(ref zk, (nuint)(6 * stride));
        a7.StoreUnsafe(ref zk, (nuint)(7 * stride));
    }

    // g features j..j+7, classes k..k+7 += Σᵣ x[r, j..j+7]·c[r, k..k+7] (refs at x's column j of row 0, c's class k of row 0, g's feature j class k).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedWide(ref double xj, int d, int count, ref double ck, int stride, ref double gk)
    {
        var a0 = Vector512.LoadUnsafe(ref gk);
        var a1 = Vector512.LoadUnsafe(ref gk, (nuint)stride);
        var a2 = Vector512.LoadUnsafe(ref gk, (nuint)(2 * stride));
        var a3 = Vector512.LoadUnsafe(ref gk, (nuint)(3 * stride));
        var a4 = Vector512.LoadUnsafe(ref gk, (nuint)(4 * stride));
        var a5 = Vector512.LoadUnsafe(ref gk, (nuint)(5 * stride));
        var a6 = Vector512.LoadUnsafe(ref gk, (nuint)(6 * stride));
        var a7 = Vector512.LoadUnsafe(ref gk, (nuint)(7 * stride));
        for (int r = 0; r < count; r++)
        {
            var c = Vector512.LoadUnsafe(ref Unsafe.Add(ref ck, r * stride));
            ref double xr = ref Unsafe.Add(ref xj, r * d);
            a0 = Avx512F.FusedMultiplyAdd(Vector512.Create(xr), c, a0);
            a1 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 1)), c, a1);
            a2 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 2)), c, a2);
            a3 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 3)), c, a3);
            a4 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 4)), c, a4);
            a5 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 5)), c, a5);
            a6 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 6)), c, a6);
            a7 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 7)), c, a7);
        }
        a0.StoreUnsafe(ref gk);
        a1.StoreUnsafe(ref gk, (nuint)stride);
        a2.StoreUnsafe(ref gk, (nuint)(2 * stride));
        a3.StoreUnsafe(ref gk, (nuint)(3 * stride));
        a4.StoreUnsafe(ref gk, (nuint)(4 * stride));
        a5.StoreUnsafe(ref gk, (nuint)(5 * stride));
        a6.StoreUnsafe(ref gk, (nuint)(6 * stride));
        a7.StoreUnsafe(ref gk, (nuint)(7 * stride));
    }

    // As TransposedWide for the last 4 classes of a stride of 8m + 4.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedHalf(ref double xj, int d, int count, ref double ck, int stride, ref double gk)
    {
        var a0 = Vector256.LoadUnsafe(ref gk);
        var a1 = Vector256.LoadUnsafe(ref gk, (nuint)stride);
        var a2 = Vector256.LoadUnsafe(ref gk, (nuint)(2 * stride));
        var a3 = Vector256.LoadUnsafe(ref gk, (nuint)(3 * stride));
        var a4 = Vector256.LoadUnsafe(ref gk, (nuint)(4 * stride));
        var a5 = Vector256.LoadUnsafe(ref gk, (nuint)(5 * stride));
        var a6 = Vector256.LoadUnsafe(ref gk, (nuint)(6 * stride));
        var a7 = Vector256.LoadUnsafe(ref gk, (nuint)(7 * stride));
        for (int r = 0; r < count; r++)
        {
            var c = Vector256.LoadUnsafe(ref Unsafe.Add(ref ck, r * stride));
            ref double xr = ref Unsafe.Add(ref xj, r * d);
            a0 = Fma(Vector256.Create(xr), c, a0);
            a1 = Fma(Vector256.Create(Unsafe.Add(ref xr, 1)), c, a1);
            a2 = Fma(Vector256.Create(Unsafe.Add(ref xr, 2)), c, a2);
            a3 = Fma(Vector256.Create(Unsafe.Add(ref xr, 3)), c, a3);
            a4 = Fma(Vector256.Create(Unsafe.Add(ref xr, 4)), c, a4);
            a5 = Fma(Vector256.Create(Unsafe.Add(ref xr, 5)), c, a5);
            a6 = Fma(Vector256.Create(Unsafe.Add(ref xr, 6)), c, a6);
            a7 = Fma(Vector256.Create(Unsafe.Add(ref xr, 7)), c, a7);
        }
        a0.StoreUnsafe(ref gk);
        a1.StoreUnsafe(ref gk, (nuint)stride);
        a2.StoreUnsafe(ref gk, (nuint)(2 * stride));
        a3.StoreUnsafe(ref gk, (nuint)(3 * stride));
        a4.StoreUnsafe(ref gk, (nuint)(4 * stride));
        a5.StoreUnsafe(ref gk, (nuint)(5 * stride));
        a6.StoreUnsafe(ref gk, (nuint)(6 * stride));
        a7.StoreUnsafe(ref gk, (nuint)(7 * stride));
    }
}
