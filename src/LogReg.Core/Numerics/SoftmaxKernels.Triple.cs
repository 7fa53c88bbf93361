using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Numerics;

// The 12-class tiles of the dense kernels, for strides of 8m + 4 classes (K = 9 … 12, 17 … 20, …): 4 rows (or features)
// × 3 vectors, 12 accumulators. The same sums in the same order as the 8-class tiles, so values do not depend on the tile.
internal static partial class SoftmaxKernels
{
    // Where the 8-class tiles stop: a stride of 8m + 4 (≥ 12) leaves its last 12 classes to a 3-vector tile, whose 12
    // accumulators keep both FMA pipes busy; a lone 4-class tile has 4 dependency chains and runs at about half speed.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PairEnd(int stride) => stride % (2 * Width) == Width && stride >= 3 * Width ? stride - 3 * Width : stride;

    // z rows r..r+3, classes k..k+11 (refs at row r's first value, Wᵀ's and the bias's class k, z's row r class k).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardTriple(ref double xa, int d, ref double wk, ref double bk, int stride, ref double zk)
    {
        ref double xb = ref Unsafe.Add(ref xa, d);
        ref double xc = ref Unsafe.Add(ref xb, d);
        ref double xd = ref Unsafe.Add(ref xc, d);
        var l0 = Vector256.LoadUnsafe(ref bk);
        var l1 = Vector256.LoadUnsafe(ref bk, Width);
        var l2 = Vector256.LoadUnsafe(ref bk, 2 * Width);
        Vector256<double> a0 = l0, a1 = l1, a2 = l2, e0 = l0, e1 = l1, e2 = l2, f0 = l0, f1 = l1, f2 = l2, h0 = l0, h1 = l1, h2 = l2;
        for (int j = 0; j < d; j++)
        {
            ref double wj = ref Unsafe.Add(ref wk, j * stride);
            var w0 = Vector256.LoadUnsafe(ref wj);
            var w1 = Vector256.LoadUnsafe(ref wj, Width);
            var w2 = Vector256.LoadUnsafe(ref wj, 2 * Width);
            var v = Vector256.Create(Unsafe.Add(ref xa, j));
            a0 = Fma(v, w0, a0);
            a1 = Fma(v, w1, a1);
            a2 = Fma(v, w2, a2);
            v = Vector256.Create(Unsafe.Add(ref xb, j));
            e0 = Fma(v, w0, e0);
            e1 = Fma(v, w1, e1);
            e2 = Fma(v, w2, e2);
            v = Vector256.Create(Unsafe.Add(ref xc, j));
            f0 = Fma(v, w0, f0);
            f1 = Fma(v, w1, f1);
            f2 = Fma(v, w2, f2);
            v = Vector256.Create(Unsafe.Add(ref xd, j));
            h0 = Fma(v, w0, h0);
            h1 = Fma(v, w1, h1);
            h2 = Fma(v, w2, h2);
        }
        Store3(ref zk, a0, a1, a2);
        Store3(ref Unsafe.Add(ref zk, stride), e0, e1, e2);
        Store3(ref Unsafe.Add(ref zk, 2 * stride), f0, f1, f2);
        Store3(ref Unsafe.Add(ref zk, 3 * stride), h0, h1, h2);
    }

    // g features j..j+3, classes k..k+11 += Σᵣ x[r, j..j+3]·c[r, k..k+11] (refs at x's column j of row 0, c's class k of row 0, g's feature j class k).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedTriple(ref double xj, int d, int count, ref double ck, int stride, ref double gk)
    {
        Vector256<double> a0 = Vector256.LoadUnsafe(ref gk), a1 = Vector256.LoadUnsafe(ref gk, Width), a2 = Vector256.LoadUnsafe(ref gk, 2 * Width);
        ref double g1 = ref Unsafe.Add(ref gk, stride);
        Vector256<double> e0 = Vector256.LoadUnsafe(ref g1), e1 = Vector256.LoadUnsafe(ref g1, Width), e2 = Vector256.LoadUnsafe(ref g1, 2 * Width);
        ref double g2 = ref Unsafe.Add(ref gk, 2 * stride);
        Vector256<double> f0 = Vector256.LoadUnsafe(ref g2), f1 = Vector256.LoadUnsafe(ref g2, Width), f2 = Vector256.LoadUnsafe(ref g2, 2 * Width);
        ref double g3 = ref Unsafe.Add(ref gk, 3 * stride);
        Vector256<double> h0 = Vector256.LoadUnsafe(ref g3), h1 = Vector256.LoadUnsafe(ref g3, Width), h2 = Vector256.LoadUnsafe(ref g3, 2 * Width);
        for (int r = 0; r < count; r++)
        {
            ref double cr = ref Unsafe.Add(ref ck, r * stride);
            var c0 = Vector256.LoadUnsafe(ref cr);
            var c1 = Vector256.LoadUnsafe(ref cr, Width);
            var c2 = Vector256.LoadUnsafe(ref cr, 2 * Width);
            ref double xr = ref Unsafe.Add(ref xj, r * d);
            var v = Vector256.Create(xr);
            a0 = Fma(v, c0, a0);
            a1 = Fma(v, c1, a1);
            a2 = Fma(v, c2, a2);
            v = Vector256.Create(Unsafe.Add(ref xr, 1));
            e0 = Fma(v, c0, e0);
            e1 = Fma(v, c1, e1);
            e2 = Fma(v, c2, e2);
            v = Vector256.Create(Unsafe.Add(ref xr, 2));
            f0 = Fma(v, c0, f0);
            f1 = Fma(v, c1, f1);
            f2 = Fma(v, c2, f2);
            v = Vector256.Create(Unsafe.Add(ref xr, 3));
            h0 = Fma(v, c0, h0);
            h1 = Fma(v, c1, h1);
            h2 = Fma(v, c2, h2);
        }
        Store3(ref gk, a0, a1, a2);
        Store3(ref g1, e0, e1, e2);
        Store3(ref g2, f0, f1, f2);
        Store3(ref g3, h0, h1, h2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store3(ref double target, Vector256<double> v0, Vector256<double> v1, Vector256<double> v2)
    {
        v0.StoreUnsafe(ref target);
        v1.StoreUnsafe(ref target, Width);
        v2.StoreUnsafe(ref target, 2 * Width);
    }
}
