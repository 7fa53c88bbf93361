using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace LogReg.Core.Numerics;

// The sparse row kernel in single precision, for the Hessian-vector products of wide sparse data: a stored value reads
// its feature's K values as floats — half the bytes of the double gather that bounds those products — eight classes to
// a vector, a last half vector when the stride is 4 more than a multiple of 8.
internal static partial class SoftmaxKernels
{
    private const int SingleWidth = 8;

    /// <summary>
    /// z[k] = Σₜ values[t]·wt[indices[t]·stride + k] in single precision, products added in order of t (fused where the
    /// machine has FMA), for every k &lt; stride (a multiple of <see cref="Width"/>); with <paramref name="squared"/>,
    /// values[t]² (rounded to single precision) in place of values[t].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySparseRowSingle(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<float> wt, int stride, Span<float> z, bool squared = false)
    {
        Check(indices.Length == values.Length && z.Length >= stride && stride % Width == 0);
        ref float w0 = ref MemoryMarshal.GetReference(wt);
        uint features = (uint)(wt.Length / stride);
        for (int k = 0; k < stride; k += 4 * SingleWidth)
        {
            int span = Math.Min(4 * SingleWidth, stride - k);
            int vectors = span / SingleWidth;
            bool half = span % SingleWidth != 0;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector128<float> h = default;
            for (int t = 0; t < indices.Length; t++)
            {
                int j = indices[t];
                Check((uint)j < features);
                ref float wj = ref Unsafe.Add(ref w0, j * stride + k);
                float x = values[t];
                var v = Vector256.Create(squared ? x * x : x);
                if (vectors > 0)
                {
                    a0 = Fma(v, Vector256.LoadUnsafe(ref wj), a0);
                    if (vectors > 1)
                    {
                        a1 = Fma(v, Vector256.LoadUnsafe(ref wj, SingleWidth), a1);
                        if (vectors > 2)
                        {
                            a2 = Fma(v, Vector256.LoadUnsafe(ref wj, 2 * SingleWidth), a2);
                            if (vectors > 3)
                            {
                                a3 = Fma(v, Vector256.LoadUnsafe(ref wj, 3 * SingleWidth), a3);
                            }
                        }
                    }
                }
                if (half)
                {
                    h = Fma(v.GetLower(), Vector128.LoadUnsafe(ref wj, (nuint)(vectors * SingleWidth)), h);
                }
            }
            var out0 = z.Slice(k);
            if (vectors > 0)
            {
                a0.CopyTo(out0);
            }
            if (vectors > 1)
            {
                a1.CopyTo(out0.Slice(SingleWidth));
            }
            if (vectors > 2)
            {
                a2.CopyTo(out0.Slice(2 * SingleWidth));
            }
            if (vectors > 3)
            {
                a3.CopyTo(out0.Slice(3 * SingleWidth));
            }
            if (half)
            {
                h.CopyTo(out0.Slice(vectors * SingleWidth));
            }
        }
    }

    /// <summary>a + x·y per lane in single precision: fused where the machine has FMA, else multiply then add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Fma(Vector256<float> x, Vector256<float> y, Vector256<float> a) =>
        X86Fma.IsSupported ? X86Fma.MultiplyAdd(x, y, a) : x * y + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Fma(Vector128<float> x, Vector128<float> y, Vector128<float> a) =>
        X86Fma.IsSupported ? X86Fma.MultiplyAdd(x, y, a) : x * y + a;

    /// <summary>The scalar form of the single-precision vector Fma, rounded as it is on this machine (for reference loops).</summary>
    internal static float Fma(float x, float y, float a) => Fma(Vector256.Create(x), Vector256.Create(y), Vector256.Create(a)).GetElement(0);
}
