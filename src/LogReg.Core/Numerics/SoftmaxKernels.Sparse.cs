using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Numerics;

// The sparse forms: one stored value touches its feature's K weights (a row of Wᵀ) with vector loads — a gather of
// `stride` contiguous doubles per non-zero — in groups of up to four vectors held in registers across the row.
internal static partial class SoftmaxKernels
{
    /// <summary>
    /// z[k] = bias[k] + Σₜ values[t]·wt[indices[t]·stride + k] (values[t]² if <paramref name="squared"/>) for every k &lt; stride
    /// (t in order). With a sparse column for the row and the rows' coefficients for wt, the same loop sums a column's
    /// gradient (<see cref="Objectives.SparseColumns"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySparseRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<double> wt, ReadOnlySpan<double> bias, int stride, Span<double> z,
        bool squared = false)
    {
        Check(indices.Length == values.Length && bias.Length >= stride && z.Length >= stride && stride % Width == 0);
        ref double w0 = ref MemoryMarshal.GetReference(wt);
        uint features = (uint)(wt.Length / stride);
        for (int k = 0; k < stride; k += 4 * Width)
        {
            int vectors = Math.Min(4, (stride - k) / Width);
            var (a0, a1, a2, a3) = Group(bias.Slice(k), vectors);
            for (int t = 0; t < indices.Length; t++)
            {
                int j = indices[t];
                Check((uint)j < features);
                ref double wj = ref Unsafe.Add(ref w0, j * stride + k);
                double x = values[t];
                var v = Vector256.Create(squared ? x * x : x);
                a0 = Fma(v, Vector256.LoadUnsafe(ref wj), a0);
                if (vectors > 1)
                {
                    a1 = Fma(v, Vector256.LoadUnsafe(ref wj, Width), a1);
                    if (vectors > 2)
                    {
                        a2 = Fma(v, Vector256.LoadUnsafe(ref wj, 2 * Width), a2);
                        if (vectors > 3)
                        {
                            a3 = Fma(v, Vector256.LoadUnsafe(ref wj, 3 * Width), a3);
                        }
                    }
                }
            }
            a0.CopyTo(z.Slice(k));
            if (vectors > 1)
            {
                a1.CopyTo(z.Slice(k + Width));
            }
            if (vectors > 2)
            {
                a2.CopyTo(z.Slice(k + 2 * Width));
            }
            if (vectors > 3)
            {
                a3.CopyTo(z.Slice(k + 3 * Width));
            }
        }
    }

    /// <summary>g[indices[t]·stride + k] += values[t]·c[k] (values[t]² if <paramref name="squared"/>) for every stored value t and k &lt; stride.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddSparseRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<double> c, int stride, Span<double> g, bool squared = false)
    {
        Check(indices.Length == values.Length && c.Length >= stride && stride % Width == 0);
        ref double g0 = ref MemoryMarshal.GetReference(g);
        uint features = (uint)(g.Length / stride);
        for (int k = 0; k < stride; k += 4 * Width)
        {
            int vectors = Math.Min(4, (stride - k) / Width);
            var (c0, c1, c2, c3) = Group(c.Slice(k), vectors);
            for (int t = 0; t < indices.Length; t++)
            {
                int j = indices[t];
                Check((uint)j < features);
                ref double gj = ref Unsafe.Add(ref g0, j * stride + k);
                double x = values[t];
                var v = Vector256.Create(squared ? x * x : x);
                Fma(v, c0, Vector256.LoadUnsafe(ref gj)).StoreUnsafe(ref gj);
                if (vectors > 1)
                {
                    Fma(v, c1, Vector256.LoadUnsafe(ref gj, Width)).StoreUnsafe(ref gj, Width);
                    if (vectors > 2)
                    {
                        Fma(v, c2, Vector256.LoadUnsafe(ref gj, 2 * Width)).StoreUnsafe(ref gj, 2 * Width);
                        if (vectors > 3)
                        {
                            Fma(v, c3, Vector256.LoadUnsafe(ref gj, 3 * Width)).StoreUnsafe(ref gj, 3 * Width);
                        }
                    }
                }
            }
        }
    }

    // The first `vectors` (1–4) vectors of a group of classes; the rest zero (unused).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Group(ReadOnlySpan<double> source, int vectors) => (
        Vector256.Create(source.Slice(0, Width)),
        vectors > 1 ? Vector256.Create(source.Slice(Width, Width)) : default,
        vectors > 2 ? Vector256.Create(source.Slice(2 * Width, Width)) : default,
        vectors > 3 ? Vector256.Create(source.Slice(3 * Width, Width)) : default);
}
