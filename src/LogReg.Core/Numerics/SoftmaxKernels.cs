using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace LogReg.Core.Numerics;

/// <summary>
/// The two halves of a softmax pass over a block of dense rows, for all K classes at once:
/// Z = X·Wᵀ + b and G += Xᵀ·C, with X a block of rows in double (row-major, count × d), the weights
/// feature-major (Wᵀ, d × stride: the K class weights of feature j side by side, padded to a multiple
/// of 4 doubles), Z and C row-major (count × stride). Each product is a register tile — four rows ×
/// eight (or twelve) classes forward, four features × eight (or twelve) classes transposed — so one broadcast value feeds
/// two vectors and one loaded vector feeds four rows, with no horizontal sums.
/// <para>
/// Every output element is its initial value plus its products added one at a time in index order
/// (fused multiply-adds where the machine has them), whichever tile computes it: a value does not
/// depend on the block's size, on where a row falls in it, or on the thread that runs it.
/// </para>
/// </summary>
internal static partial class SoftmaxKernels
{
    /// <summary>Doubles per vector: class strides are multiples of it.</summary>
    public const int Width = 4;

    /// <summary>K rounded up to a multiple of <see cref="Width"/>.</summary>
    public static int StrideOf(int classes) => (classes + Width - 1) / Width * Width;

    /// <summary>z[r·stride + k] = bias[k] + Σⱼ x[r·d + j]·wt[j·stride + k], for r &lt; count and every k &lt; stride.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyRows(ReadOnlySpan<double> x, int d, int count, ReadOnlySpan<double> wt, ReadOnlySpan<double> bias, int stride, Span<double> z) =>
        MultiplyRows(x, d, count, wt, bias, stride, z, WideTilesAvailable);

    /// <summary><see cref="MultiplyRows(ReadOnlySpan{double}, int, int, ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/>
    /// with the 512-bit tiles (<paramref name="wide"/>, where available) or the 256-bit ones only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyRows(ReadOnlySpan<double> x, int d, int count, ReadOnlySpan<double> wt, ReadOnlySpan<double> bias, int stride, Span<double> z, bool wide)
    {
        Check(x.Length >= count * d && wt.Length >= d * stride && bias.Length >= stride && z.Length >= count * stride && stride % Width == 0);
        ref double x0 = ref MemoryMarshal.GetReference(x);
        ref double w0 = ref MemoryMarshal.GetReference(wt);
        ref double b0 = ref MemoryMarshal.GetReference(bias);
        ref double z0 = ref MemoryMarshal.GetReference(z);
        int r = wide && WideTilesAvailable ? MultiplyRowsWide(ref x0, d, count, ref w0, ref b0, stride, ref z0) : 0;
        for (; r + 4 <= count; r += 4)
        {
            ref double xa = ref Unsafe.Add(ref x0, r * d);
            ref double xb = ref Unsafe.Add(ref xa, d);
            ref double xc = ref Unsafe.Add(ref xb, d);
            ref double xd = ref Unsafe.Add(ref xc, d);
            ref double za = ref Unsafe.Add(ref z0, r * stride);
            int k = 0;
            for (; k + 2 * Width <= PairEnd(stride); k += 2 * Width)
            {
                var lo = Vector256.LoadUnsafe(ref b0, (nuint)k);
                var hi = Vector256.LoadUnsafe(ref b0, (nuint)(k + Width));
                Vector256<double> a0 = lo, a1 = hi, b0v = lo, b1 = hi, c0 = lo, c1 = hi, d0 = lo, d1 = hi;
                ref double wk = ref Unsafe.Add(ref w0, k);
                for (int j = 0; j < d; j++)
                {
                    ref double wj = ref Unsafe.Add(ref wk, j * stride);
                    var wl = Vector256.LoadUnsafe(ref wj);
                    var wh = Vector256.LoadUnsafe(ref wj, Width);
                    var va = Vector256.Create(Unsafe.Add(ref xa, j));
                    var vb = Vector256.Create(Unsafe.Add(ref xb, j));
                    var vc = Vector256.Create(Unsafe.Add(ref xc, j));
                    var vd = Vector256.Create(Unsafe.Add(ref xd, j));
                    a0 = Fma(va, wl, a0);
                    a1 = Fma(va, wh, a1);
                    b0v = Fma(vb, wl, b0v);
                    b1 = Fma(vb, wh, b1);
                    c0 = Fma(vc, wl, c0);
                    c1 = Fma(vc, wh, c1);
                    d0 = Fma(vd, wl, d0);
                    d1 = Fma(vd, wh, d1);
                }
                ref double zk = ref Unsafe.Add(ref za, k);
                a0.StoreUnsafe(ref zk);
                a1.StoreUnsafe(ref zk, Width);
                b0v.StoreUnsafe(ref zk, (nuint)stride);
                b1.StoreUnsafe(ref zk, (nuint)(stride + Width));
                c0.StoreUnsafe(ref zk, (nuint)(2 * stride));
                c1.StoreUnsafe(ref zk, (nuint)(2 * stride + Width));
                d0.StoreUnsafe(ref zk, (nuint)(3 * stride));
                d1.StoreUnsafe(ref zk, (nuint)(3 * stride + Width));
            }
            if (k + 3 * Width == stride)
            {
                ForwardTriple(ref xa, d, ref Unsafe.Add(ref w0, k), ref Unsafe.Add(ref b0, k), stride, ref Unsafe.Add(ref za, k));
            }
            else if (k < stride)
            {
                var lo = Vector256.LoadUnsafe(ref b0, (nuint)k);
                Vector256<double> a0 = lo, b0v = lo, c0 = lo, d0 = lo;
                ref double wk = ref Unsafe.Add(ref w0, k);
                for (int j = 0; j < d; j++)
                {
                    var wl = Vector256.LoadUnsafe(ref Unsafe.Add(ref wk, j * stride));
                    a0 = Fma(Vector256.Create(Unsafe.Add(ref xa, j)), wl, a0);
                    b0v = Fma(Vector256.Create(Unsafe.Add(ref xb, j)), wl, b0v);
                    c0 = Fma(Vector256.Create(Unsafe.Add(ref xc, j)), wl, c0);
                    d0 = Fma(Vector256.Create(Unsafe.Add(ref xd, j)), wl, d0);
                }
                ref double zk = ref Unsafe.Add(ref za, k);
                a0.StoreUnsafe(ref zk);
                b0v.StoreUnsafe(ref zk, (nuint)stride);
                c0.StoreUnsafe(ref zk, (nuint)(2 * stride));
                d0.StoreUnsafe(ref zk, (nuint)(3 * stride));
            }
        }
        for (; r < count; r++)
        {
            ref double xr = ref Unsafe.Add(ref x0, r * d);
            for (int k = 0; k < stride; k += Width)
            {
                var a = Vector256.LoadUnsafe(ref b0, (nuint)k);
                ref double wk = ref Unsafe.Add(ref w0, k);
                for (int j = 0; j < d; j++)
                {
                    a = Fma(Vector256.Create(Unsafe.Add(ref xr, j)), Vector256.LoadUnsafe(ref Unsafe.Add(ref wk, j * stride)), a);
                }
                a.StoreUnsafe(ref Unsafe.Add(ref z0, r * stride + k));
            }
        }
    }

    /// <summary>g[j·stride + k] += Σᵣ x[r·d + j]·c[r·stride + k], for j &lt; d and every k &lt; stride (r in order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTransposeRows(ReadOnlySpan<double> x, int d, int count, ReadOnlySpan<double> c, int stride, Span<double> g) =>
        AddTransposeRows(x, d, count, c, stride, g, WideTilesAvailable);

    /// <summary><see cref="AddTransposeRows(ReadOnlySpan{double}, int, int, ReadOnlySpan{double}, int, Span{double})"/> with the
    /// 512-bit tiles (<paramref name="wide"/>, where available) or the 256-bit ones only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddTransposeRows(ReadOnlySpan<double> x, int d, int count, ReadOnlySpan<double> c, int stride, Span<double> g, bool wide)
    {
        Check(x.Length >= count * d && c.Length >= count * stride && g.Length >= d * stride && stride % Width == 0);
        ref double x0 = ref MemoryMarshal.GetReference(x);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        ref double g0 = ref MemoryMarshal.GetReference(g);
        if (wide && WideTilesAvailable)
        {
            AddTransposeRowsWide(ref x0, d, count, ref c0, stride, ref g0);
            return;
        }
        int j = 0;
        for (; j + 4 <= d; j += 4)
        {
            ref double ga = ref Unsafe.Add(ref g0, j * stride);
            int k = 0;
            for (; k + 2 * Width <= PairEnd(stride); k += 2 * Width)
            {
                ref double gk = ref Unsafe.Add(ref ga, k);
                var a0 = Vector256.LoadUnsafe(ref gk);
                var a1 = Vector256.LoadUnsafe(ref gk, Width);
                var b0 = Vector256.LoadUnsafe(ref gk, (nuint)stride);
                var b1 = Vector256.LoadUnsafe(ref gk, (nuint)(stride + Width));
                var e0 = Vector256.LoadUnsafe(ref gk, (nuint)(2 * stride));
                var e1 = Vector256.LoadUnsafe(ref gk, (nuint)(2 * stride + Width));
                var f0 = Vector256.LoadUnsafe(ref gk, (nuint)(3 * stride));
                var f1 = Vector256.LoadUnsafe(ref gk, (nuint)(3 * stride + Width));
                for (int r = 0; r < count; r++)
                {
                    ref double cr = ref Unsafe.Add(ref c0, r * stride + k);
                    var cl = Vector256.LoadUnsafe(ref cr);
                    var ch = Vector256.LoadUnsafe(ref cr, Width);
                    ref double xr = ref Unsafe.Add(ref x0, r * d + j);
                    var va = Vector256.Create(xr);
                    var vb = Vector256.Create(Unsafe.Add(ref xr, 1));
                    var vc = Vector256.Create(Unsafe.Add(ref xr, 2));
                    var vd = Vector256.Create(Unsafe.Add(ref xr, 3));
                    a0 = Fma(va, cl, a0);
                    a1 = Fma(va, ch, a1);
                    b0 = Fma(vb, cl, b0);
                    b1 = Fma(vb, ch, b1);
                    e0 = Fma(vc, cl, e0);
                    e1 = Fma(vc, ch, e1);
                    f0 = Fma(vd, cl, f0);
                    f1 = Fma(vd, ch, f1);
                }
                a0.StoreUnsafe(ref gk);
                a1.StoreUnsafe(ref gk, Width);
                b0.StoreUnsafe(ref gk, (nuint)stride);
                b1.StoreUnsafe(ref gk, (nuint)(stride + Width));
                e0.StoreUnsafe(ref gk, (nuint)(2 * stride));
                e1.StoreUnsafe(ref gk, (nuint)(2 * stride + Width));
                f0.StoreUnsafe(ref gk, (nuint)(3 * stride));
                f1.StoreUnsafe(ref gk, (nuint)(3 * stride + Width));
            }
            if (k + 3 * Width == stride)
            {
                TransposedTriple(ref Unsafe.Add(ref x0, j), d, count, ref Unsafe.Add(ref c0, k), stride, ref Unsafe.Add(ref ga, k));
            }
            else if (k < stride)
            {
                ref double gk = ref Unsafe.Add(ref ga, k);
                var a0 = Vector256.LoadUnsafe(ref gk);
                var b0 = Vector256.LoadUnsafe(ref gk, (nuint)stride);
                var e0 = Vector256.LoadUnsafe(ref gk, (nuint)(2 * stride));
                var f0 = Vector256.LoadUnsafe(ref gk, (nuint)(3 * stride));
                for (int r = 0; r < count; r++)
                {
                    var cl = Vector256.LoadUnsafe(ref Unsafe.Add(ref c0, r * stride + k));
                    ref double xr = ref Unsafe.Add(ref x0, r * d + j);
                    a0 = Fma(Vector256.Create(xr), cl, a0);
                    b0 = Fma(Vector256.Create(Unsafe.Add(ref xr, 1)), cl, b0);
                    e0 = Fma(Vector256.Create(Unsafe.Add(ref xr, 2)), cl, e0);
                    f0 = Fma(Vector256.Create(Unsafe.Add(ref xr, 3)), cl, f0);
                }
                a0.StoreUnsafe(ref gk);
                b0.StoreUnsafe(ref gk, (nuint)stride);
                e0.StoreUnsafe(ref gk, (nuint)(2 * stride));
                f0.StoreUnsafe(ref gk, (nuint)(3 * stride));
            }
        }
        for (; j < d; j++)
        {
            for (int k = 0; k < stride; k += Width)
            {
                ref double gk = ref Unsafe.Add(ref g0, j * stride + k);
                var a = Vector256.LoadUnsafe(ref gk);
                for (int r = 0; r < count; r++)
                {
                    a = Fma(Vector256.Create(Unsafe.Add(ref x0, r * d + j)), Vector256.LoadUnsafe(ref Unsafe.Add(ref c0, r * stride + k)), a);
                }
                a.StoreUnsafe(ref gk);
            }
        }
    }

    /// <summary>a + x·y per lane: fused where the machine has FMA (one rounding), else multiply then add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Fma(Vector256<double> x, Vector256<double> y, Vector256<double> a) =>
        X86Fma.IsSupported ? X86Fma.MultiplyAdd(x, y, a) : x * y + a;

    /// <summary>The scalar form of the vector Fma, rounded as it is on this machine (for reference loops).</summary>
    internal static double Fma(double x, double y, double a) => Fma(Vector256.Create(x), Vector256.Create(y), Vector256.Create(a)).GetElement(0);

    private static void Check(bool holds)
    {
        if (!holds)
        {
            throw new ArgumentException("Softmax kernel buffers are shorter than their shape says.");
        }
    }
}
