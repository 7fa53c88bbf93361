using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Numerics;

/// <summary>
/// The dot products of four rows of a row-major matrix with four other rows over their first entries — the bulk of a
/// Cholesky factorisation's work (<see cref="SemidefiniteCholesky"/>). Sixteen sums from eight loads a step: one row
/// against four at a time loaded five vectors for four products, and the factorisation waited on its loads.
/// </summary>
internal static class CholeskyTile
{
    /// <summary>
    /// sums[4r + c] = Σ_{k &lt; length} l[(a + r)·n + k] · l[(b + c)·n + k] for r, c in 0..3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dots(double[] l, int a, int b, int n, int length, Span<double> sums)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)(Math.Max(a, b) + 4) * n, l.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, 16);
        ref double a0 = ref l[a * n];
        ref double b0 = ref l[b * n];
        int k = 0;
        if (Avx512F.IsSupported && length >= 8)
        {
            k = WideSteps(ref a0, ref b0, n, length, sums);
        }
        else if (Avx2.IsSupported && Fma.IsSupported && length >= 4)
        {
            k = NarrowSteps(ref a0, ref b0, n, length, sums);
        }
        else
        {
            sums[..16].Clear();
        }
        for (; k < length; k++)
        {
            for (int r = 0; r < 4; r++)
            {
                double x = Unsafe.Add(ref a0, r * n + k);
                for (int c = 0; c < 4; c++)
                {
                    sums[4 * r + c] += x * Unsafe.Add(ref b0, c * n + k);
                }
            }
        }
    }

    /// <summary>
    /// The factor's entries l[a + r, b + c] (r, c in 0..3, b + 3 &lt; a) from the matrix's and <see cref="Dots"/>' sums over
    /// the columns left of b: the tile's own columns left of each entry added one by one, then the division by the
    /// pivot as a product with its reciprocal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Finish(double[] l, double[] m, int a, int b, int n, Span<double> sums, double[] reciprocals)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)(a + 4) * n, Math.Min(l.Length, m.Length));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(b + 3, a);
        ref double l0 = ref MemoryMarshal.GetArrayDataReference(l);
        ref double m0 = ref MemoryMarshal.GetArrayDataReference(m);
        ref double s0 = ref MemoryMarshal.GetReference(sums[..16]);
        double p0 = reciprocals[b], p1 = reciprocals[b + 1], p2 = reciprocals[b + 2], p3 = reciprocals[b + 3];
        // Rows b + 1..b + 3's entries in the tile's columns left of their diagonal.
        double l10 = Unsafe.Add(ref l0, (b + 1) * n + b);
        double l20 = Unsafe.Add(ref l0, (b + 2) * n + b), l21 = Unsafe.Add(ref l0, (b + 2) * n + b + 1);
        double l30 = Unsafe.Add(ref l0, (b + 3) * n + b), l31 = Unsafe.Add(ref l0, (b + 3) * n + b + 1), l32 = Unsafe.Add(ref l0, (b + 3) * n + b + 2);
        for (int r = 0; r < 4; r++)
        {
            int at = (a + r) * n + b;
            ref double row = ref Unsafe.Add(ref l0, at);
            ref double source = ref Unsafe.Add(ref m0, at);
            ref double sum = ref Unsafe.Add(ref s0, 4 * r);
            double x0 = (source - sum) * p0;
            double x1 = (Unsafe.Add(ref source, 1) - (Unsafe.Add(ref sum, 1) + x0 * l10)) * p1;
            double x2 = (Unsafe.Add(ref source, 2) - (Unsafe.Add(ref sum, 2) + x0 * l20 + x1 * l21)) * p2;
            double x3 = (Unsafe.Add(ref source, 3) - (Unsafe.Add(ref sum, 3) + x0 * l30 + x1 * l31 + x2 * l32)) * p3;
            (row, Unsafe.Add(ref row, 1), Unsafe.Add(ref row, 2), Unsafe.Add(ref row, 3)) = (x0, x1, x2, x3);
        }
    }

    // Eight entries a step into sixteen 512-bit sums; returns the entries done (a multiple of 8, or of 4 after the masked
    // last step). Optimised from its first call, as every hot kernel here: at tier 0 a fresh process's first factorisations ran
    // unvectorised (a twentieth of a cross-validation's time in a one-run profile).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WideSteps(ref double a0, ref double b0, int n, int length, Span<double> sums)
    {
        ref double a1 = ref Unsafe.Add(ref a0, n);
        ref double a2 = ref Unsafe.Add(ref a0, 2 * n);
        ref double a3 = ref Unsafe.Add(ref a0, 3 * n);
        ref double b1 = ref Unsafe.Add(ref b0, n);
        ref double b2 = ref Unsafe.Add(ref b0, 2 * n);
        ref double b3 = ref Unsafe.Add(ref b0, 3 * n);
        Vector512<double> s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<double> s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32 = default, s33 = default;
        int k = 0;
        for (; k + 8 <= length; k += 8)
        {
            var y0 = Vector512.LoadUnsafe(ref b0, (nuint)k);
            var y1 = Vector512.LoadUnsafe(ref b1, (nuint)k);
            var y2 = Vector512.LoadUnsafe(ref b2, (nuint)k);
            var y3 = Vector512.LoadUnsafe(ref b3, (nuint)k);
            var x = Vector512.LoadUnsafe(ref a0, (nuint)k);
            s00 = Avx512F.FusedMultiplyAdd(x, y0, s00); s01 = Avx512F.FusedMultiplyAdd(x, y1, s01);
            s02 = Avx512F.FusedMultiplyAdd(x, y2, s02); s03 = Avx512F.FusedMultiplyAdd(x, y3, s03);
            x = Vector512.LoadUnsafe(ref a1, (nuint)k);
            s10 = Avx512F.FusedMultiplyAdd(x, y0, s10); s11 = Avx512F.FusedMultiplyAdd(x, y1, s11);
            s12 = Avx512F.FusedMultiplyAdd(x, y2, s12); s13 = Avx512F.FusedMultiplyAdd(x, y3, s13);
            x = Vector512.LoadUnsafe(ref a2, (nuint)k);
            s20 = Avx512F.FusedMultiplyAdd(x, y0, s20); s21 = Avx512F.FusedMultiplyAdd(x, y1, s21);
            s22 = Avx512F.FusedMultiplyAdd(x, y2, s22); s23 = Avx512F.FusedMultiplyAdd(x, y3, s23);
            x = Vector512.LoadUnsafe(ref a3, (nuint)k);
            s30 = Avx512F.FusedMultiplyAdd(x, y0, s30); s31 = Avx512F.FusedMultiplyAdd(x, y1, s31);
            s32 = Avx512F.FusedMultiplyAdd(x, y2, s32); s33 = Avx512F.FusedMultiplyAdd(x, y3, s33);
        }
        if (k + 4 <= length)
        {
            // The last four entries in the low half of a step, the high half's entries (past the sums' columns, not yet
            // formed: any value) masked to 0 in both rows.
            var low = Vector512.Create(Vector256<double>.AllBitsSet, Vector256<double>.Zero);
            var y0 = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref b0, (nuint)k), default);
            var y1 = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref b1, (nuint)k), default);
            var y2 = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref b2, (nuint)k), default);
            var y3 = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref b3, (nuint)k), default);
            var x = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref a0, (nuint)k), default);
            s00 = Avx512F.FusedMultiplyAdd(x, y0, s00); s01 = Avx512F.FusedMultiplyAdd(x, y1, s01);
            s02 = Avx512F.FusedMultiplyAdd(x, y2, s02); s03 = Avx512F.FusedMultiplyAdd(x, y3, s03);
            x = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref a1, (nuint)k), default);
            s10 = Avx512F.FusedMultiplyAdd(x, y0, s10); s11 = Avx512F.FusedMultiplyAdd(x, y1, s11);
            s12 = Avx512F.FusedMultiplyAdd(x, y2, s12); s13 = Avx512F.FusedMultiplyAdd(x, y3, s13);
            x = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref a2, (nuint)k), default);
            s20 = Avx512F.FusedMultiplyAdd(x, y0, s20); s21 = Avx512F.FusedMultiplyAdd(x, y1, s21);
            s22 = Avx512F.FusedMultiplyAdd(x, y2, s22); s23 = Avx512F.FusedMultiplyAdd(x, y3, s23);
            x = Vector512.ConditionalSelect(low, Vector512.LoadUnsafe(ref a3, (nuint)k), default);
            s30 = Avx512F.FusedMultiplyAdd(x, y0, s30); s31 = Avx512F.FusedMultiplyAdd(x, y1, s31);
            s32 = Avx512F.FusedMultiplyAdd(x, y2, s32); s33 = Avx512F.FusedMultiplyAdd(x, y3, s33);
            k += 4;
        }
        (sums[0], sums[1], sums[2], sums[3]) = (Vector512.Sum(s00), Vector512.Sum(s01), Vector512.Sum(s02), Vector512.Sum(s03));
        (sums[4], sums[5], sums[6], sums[7]) = (Vector512.Sum(s10), Vector512.Sum(s11), Vector512.Sum(s12), Vector512.Sum(s13));
        (sums[8], sums[9], sums[10], sums[11]) = (Vector512.Sum(s20), Vector512.Sum(s21), Vector512.Sum(s22), Vector512.Sum(s23));
        (sums[12], sums[13], sums[14], sums[15]) = (Vector512.Sum(s30), Vector512.Sum(s31), Vector512.Sum(s32), Vector512.Sum(s33));
        return k;
    }

    // As WideSteps with 256-bit vectors, four entries a step.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NarrowSteps(ref double a0, ref double b0, int n, int length, Span<double> sums)
    {
        ref double a1 = ref Unsafe.Add(ref a0, n);
        ref double a2 = ref Unsafe.Add(ref a0, 2 * n);
        ref double a3 = ref Unsafe.Add(ref a0, 3 * n);
        ref double b1 = ref Unsafe.Add(ref b0, n);
        ref double b2 = ref Unsafe.Add(ref b0, 2 * n);
        ref double b3 = ref Unsafe.Add(ref b0, 3 * n);
        Vector256<double> s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12 = default, s13 = default;
        Vector256<double> s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32 = default, s33 = default;
        int k = 0;
        for (; k + 4 <= length; k += 4)
        {
            var y0 = Vector256.LoadUnsafe(ref b0, (nuint)k);
            var y1 = Vector256.LoadUnsafe(ref b1, (nuint)k);
            var y2 = Vector256.LoadUnsafe(ref b2, (nuint)k);
            var y3 = Vector256.LoadUnsafe(ref b3, (nuint)k);
            var x = Vector256.LoadUnsafe(ref a0, (nuint)k);
            s00 = Fma.MultiplyAdd(x, y0, s00); s01 = Fma.MultiplyAdd(x, y1, s01);
            s02 = Fma.MultiplyAdd(x, y2, s02); s03 = Fma.MultiplyAdd(x, y3, s03);
            x = Vector256.LoadUnsafe(ref a1, (nuint)k);
            s10 = Fma.MultiplyAdd(x, y0, s10); s11 = Fma.MultiplyAdd(x, y1, s11);
            s12 = Fma.MultiplyAdd(x, y2, s12); s13 = Fma.MultiplyAdd(x, y3, s13);
            x = Vector256.LoadUnsafe(ref a2, (nuint)k);
            s20 = Fma.MultiplyAdd(x, y0, s20); s21 = Fma.MultiplyAdd(x, y1, s21);
            s22 = Fma.MultiplyAdd(x, y2, s22); s23 = Fma.MultiplyAdd(x, y3, s23);
            x = Vector256.LoadUnsafe(ref a3, (nuint)k);
            s30 = Fma.MultiplyAdd(x, y0, s30); s31 = Fma.MultiplyAdd(x, y1, s31);
            s32 = Fma.MultiplyAdd(x, y2, s32); s33 = Fma.MultiplyAdd(x, y3, s33);
        }
        (sums[0], sums[1], sums[2], sums[3]) = (Vector256.Sum(s00), Vector256.Sum(s01), Vector256.Sum(s02), Vector256.Sum(s03));
        (sums[4], sums[5], sums[6], sums[7]) = (Vector256.Sum(s10), Vector256.Sum(s11), Vector256.Sum(s12), Vector256.Sum(s13));
        (sums[8], sums[9], sums[10], sums[11]) = (Vector256.Sum(s20), Vector256.Sum(s21), Vector256.Sum(s22), Vector256.Sum(s23));
        (sums[12], sums[13], sums[14], sums[15]) = (Vector256.Sum(s30), Vector256.Sum(s31), Vector256.Sum(s32), Vector256.Sum(s33));
        return k;
    }
}
