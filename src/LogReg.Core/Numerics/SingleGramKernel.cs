using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace LogReg.Core.Numerics;

/// <summary>
/// The weighted Gram of many dense float columns for a curvature, in single precision: the products of the columns
/// shifted by <c>shifts</c> (their means, so that no sum cancels) summed in float over panels of <see cref="PanelRows"/>
/// rows — sixteen products a 512-bit fused multiply-add where double precision takes eight — and each panel's sums added
/// in double; handed back as the raw Gram of [X, 1] (<see cref="DenseGramKernel"/>'s sums), the shifts' terms put back in
/// double. Each entry is then within a few float roundings of the shifted sum (about 1e-6 of it), which a Newton step's
/// curvature can afford — a held curvature is already up to a fifth off — but a standard error cannot: the library's
/// Hessians stay in double. The 512-bit and 256-bit tiles add each entry's products in the same order: the same bits.
/// </summary>
internal static class SingleGramKernel
{
    /// <summary>Rows per panel: the float sums run over at most this many.</summary>
    public const int PanelRows = 64;

    /// <summary>
    /// Adds Σᵢ cᵢ·x̂ᵢx̂ᵢᵀ to <paramref name="upper"/> ((m + 1)², row-major, upper triangle), x̂ᵢ = (row i's
    /// <paramref name="columns"/> — all <paramref name="d"/> in order when null — of the row-major
    /// <paramref name="values"/>, 1), for the first <paramref name="count"/> rows; the sums are taken about
    /// <paramref name="shifts"/> (one per column).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddRawGram(float[] values, int d, int[]? columns, int count, ReadOnlySpan<double> shifts, ReadOnlySpan<double> weights,
        Span<double> upper) => AddRawGram(values, d, columns, count, shifts, weights, upper, SoftmaxKernels.WideTilesAvailable);

    /// <summary>As the public overload, with the 512-bit tiles (<paramref name="wide"/>, where available) or the 256-bit ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddRawGram(float[] values, int d, int[]? columns, int count, ReadOnlySpan<double> shifts, ReadOnlySpan<double> weights,
        Span<double> upper, bool wide)
    {
        int k = columns?.Length ?? d, m = k + 1, mp = (m + 31) & ~31;
        if ((long)count * d > values.Length || weights.Length < count || shifts.Length < k || upper.Length < m * m
            || columns is not null && columns.Any(j => j < 0 || j >= d))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Rows or columns beyond the matrix, the weights or the shifts.");
        }
        float[] v = PooledArray.Rent<float>(PanelRows * mp), u = PooledArray.Rent<float>(PanelRows * mp);
        double[] h = PooledArray.Rent<double>((long)mp * mp);
        try
        {
            // The padding columns m..mp are read by the tiles, so they start at 0.
            Array.Clear(v, 0, PanelRows * mp);
            Array.Clear(u, 0, PanelRows * mp);
            Array.Clear(h, 0, mp * mp);
            double total = 0;
            for (int start = 0; start < count; start += PanelRows)
            {
                int rows = Math.Min(PanelRows, count - start);
                for (int r = 0; r < rows; r++)
                {
                    double c = weights[start + r];
                    total += c;
                    Widen(values, (nint)(start + r) * d, columns, k, shifts, c, v, u, r * mp);
                }
                if (wide && SoftmaxKernels.WideTilesAvailable)
                {
                    AddPanelWide(v, u, rows, mp, h);
                }
                else
                {
                    AddPanel(v, u, rows, mp, h);
                }
            }
            // Back to the raw sums: Σc·x·x' = C + μ·S' + μ'·S − μμ'·S₀, with S = C(·, 1) + μ·S₀ the column's raw sum.
            var raw = new double[k];
            for (int a = 0; a < k; a++)
            {
                raw[a] = h[a * mp + k] + shifts[a] * total;
            }
            for (int a = 0; a < k; a++)
            {
                double sa = shifts[a];
                for (int b = a; b < k; b++)
                {
                    upper[a * m + b] += h[a * mp + b] + sa * raw[b] + shifts[b] * raw[a] - sa * shifts[b] * total;
                }
                upper[a * m + k] += raw[a];
            }
            upper[k * m + k] += total;
        }
        finally
        {
            PooledArray.Return(v);
            PooledArray.Return(u);
            PooledArray.Return(h);
        }
    }

    // v[at..] = (x − shift, 1) and u[at..] = c·(x − shift, 1), each rounded once from double.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Widen(float[] values, nint offset, int[]? columns, int k, ReadOnlySpan<double> shifts, double c, float[] v, float[] u, int at)
    {
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), offset);
        ref double s = ref MemoryMarshal.GetReference(shifts);
        ref float vr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(v), at);
        ref float ur = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(u), at);
        if (columns is null)
        {
            int a = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var cv = Vector256.Create(c);
                for (; a + 8 <= k; a += 8)
                {
                    var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref x, (nuint)a));
                    low -= Vector256.LoadUnsafe(ref s, (nuint)a);
                    high -= Vector256.LoadUnsafe(ref s, (nuint)(a + 4));
                    Vector256.Narrow(low, high).StoreUnsafe(ref vr, (nuint)a);
                    Vector256.Narrow(cv * low, cv * high).StoreUnsafe(ref ur, (nuint)a);
                }
            }
            for (; a < k; a++)
            {
                double xa = Unsafe.Add(ref x, a) - Unsafe.Add(ref s, a);
                Unsafe.Add(ref vr, a) = (float)xa;
                Unsafe.Add(ref ur, a) = (float)(c * xa);
            }
        }
        else
        {
            ref int column = ref MemoryMarshal.GetArrayDataReference(columns);
            for (int a = 0; a < k; a++)
            {
                double xa = Unsafe.Add(ref x, Unsafe.Add(ref column, a)) - Unsafe.Add(ref s, a);
                Unsafe.Add(ref vr, a) = (float)xa;
                Unsafe.Add(ref ur, a) = (float)(c * xa);
            }
        }
        Unsafe.Add(ref vr, k) = 1f;
        Unsafe.Add(ref ur, k) = (float)c;
    }

    // h[j, l] += Σₖ v[k, j]·u[k, l] (float sums) over the tiles on or above the diagonal: 8 rows × 32 columns.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPanelWide(float[] v, float[] u, int rows, int mp, double[] h)
    {
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref float u0 = ref MemoryMarshal.GetArrayDataReference(u);
        ref double h0 = ref MemoryMarshal.GetArrayDataReference(h);
        for (int j = 0; j < mp; j += 8)
        {
            for (int l = j & ~31; l < mp; l += 32)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
                Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default, b4 = default, b5 = default, b6 = default, b7 = default;
                for (int k = 0; k < rows; k++)
                {
                    ref float vk = ref Unsafe.Add(ref v0, k * mp + j);
                    var ul = Vector512.LoadUnsafe(ref u0, (nuint)(k * mp + l));
                    var uh = Vector512.LoadUnsafe(ref u0, (nuint)(k * mp + l + 16));
                    var c = Vector512.Create(vk);
                    a0 = Avx512F.FusedMultiplyAdd(c, ul, a0); b0 = Avx512F.FusedMultiplyAdd(c, uh, b0);
                    c = Vector512.Create(Unsafe.Add(ref vk, 1));
                    a1 = Avx512F.FusedMultiplyAdd(c, ul, a1); b1 = Avx512F.FusedMultiplyAdd(c, uh, b1);
                    c = Vector512.Create(Unsafe.Add(ref vk, 2));
                    a2 = Avx512F.FusedMultiplyAdd(c, ul, a2); b2 = Avx512F.FusedMultiplyAdd(c, uh, b2);
                    c = Vector512.Create(Unsafe.Add(ref vk, 3));
                    a3 = Avx512F.FusedMultiplyAdd(c, ul, a3); b3 = Avx512F.FusedMultiplyAdd(c, uh, b3);
                    c = Vector512.Create(Unsafe.Add(ref vk, 4));
                    a4 = Avx512F.FusedMultiplyAdd(c, ul, a4); b4 = Avx512F.FusedMultiplyAdd(c, uh, b4);
                    c = Vector512.Create(Unsafe.Add(ref vk, 5));
                    a5 = Avx512F.FusedMultiplyAdd(c, ul, a5); b5 = Avx512F.FusedMultiplyAdd(c, uh, b5);
                    c = Vector512.Create(Unsafe.Add(ref vk, 6));
                    a6 = Avx512F.FusedMultiplyAdd(c, ul, a6); b6 = Avx512F.FusedMultiplyAdd(c, uh, b6);
                    c = Vector512.Create(Unsafe.Add(ref vk, 7));
                    a7 = Avx512F.FusedMultiplyAdd(c, ul, a7); b7 = Avx512F.FusedMultiplyAdd(c, uh, b7);
                }
                ref double hj = ref Unsafe.Add(ref h0, j * mp + l);
                Add(ref hj, a0, b0);
                Add(ref Unsafe.Add(ref hj, mp), a1, b1);
                Add(ref Unsafe.Add(ref hj, 2 * mp), a2, b2);
                Add(ref Unsafe.Add(ref hj, 3 * mp), a3, b3);
                Add(ref Unsafe.Add(ref hj, 4 * mp), a4, b4);
                Add(ref Unsafe.Add(ref hj, 5 * mp), a5, b5);
                Add(ref Unsafe.Add(ref hj, 6 * mp), a6, b6);
                Add(ref Unsafe.Add(ref hj, 7 * mp), a7, b7);
            }
        }
    }

    // h[0..32] += the 32 float sums, widened.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref double h, Vector512<float> low, Vector512<float> high)
    {
        var (l0, l1) = Vector512.Widen(low);
        var (h0, h1) = Vector512.Widen(high);
        (Vector512.LoadUnsafe(ref h) + l0).StoreUnsafe(ref h);
        (Vector512.LoadUnsafe(ref h, 8) + l1).StoreUnsafe(ref h, 8);
        (Vector512.LoadUnsafe(ref h, 16) + h0).StoreUnsafe(ref h, 16);
        (Vector512.LoadUnsafe(ref h, 24) + h1).StoreUnsafe(ref h, 24);
    }

    // The same sums in 256-bit vectors: 4 rows × 16 columns a tile.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPanel(float[] v, float[] u, int rows, int mp, double[] h)
    {
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref float u0 = ref MemoryMarshal.GetArrayDataReference(u);
        ref double h0 = ref MemoryMarshal.GetArrayDataReference(h);
        for (int j = 0; j < mp; j += 4)
        {
            for (int l = j & ~15; l < mp; l += 16)
            {
                Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
                Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
                for (int k = 0; k < rows; k++)
                {
                    ref float vk = ref Unsafe.Add(ref v0, k * mp + j);
                    var ul = Vector256.LoadUnsafe(ref u0, (nuint)(k * mp + l));
                    var uh = Vector256.LoadUnsafe(ref u0, (nuint)(k * mp + l + 8));
                    var c = Vector256.Create(vk);
                    a0 = Fma(c, ul, a0); b0 = Fma(c, uh, b0);
                    c = Vector256.Create(Unsafe.Add(ref vk, 1));
                    a1 = Fma(c, ul, a1); b1 = Fma(c, uh, b1);
                    c = Vector256.Create(Unsafe.Add(ref vk, 2));
                    a2 = Fma(c, ul, a2); b2 = Fma(c, uh, b2);
                    c = Vector256.Create(Unsafe.Add(ref vk, 3));
                    a3 = Fma(c, ul, a3); b3 = Fma(c, uh, b3);
                }
                ref double hj = ref Unsafe.Add(ref h0, j * mp + l);
                Add(ref hj, a0, b0);
                Add(ref Unsafe.Add(ref hj, mp), a1, b1);
                Add(ref Unsafe.Add(ref hj, 2 * mp), a2, b2);
                Add(ref Unsafe.Add(ref hj, 3 * mp), a3, b3);
            }
        }
    }

    // h[0..16] += the 16 float sums, widened.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref double h, Vector256<float> low, Vector256<float> high)
    {
        var (l0, l1) = Vector256.Widen(low);
        var (h0, h1) = Vector256.Widen(high);
        (Vector256.LoadUnsafe(ref h) + l0).StoreUnsafe(ref h);
        (Vector256.LoadUnsafe(ref h, 4) + l1).StoreUnsafe(ref h, 4);
        (Vector256.LoadUnsafe(ref h, 8) + h0).StoreUnsafe(ref h, 8);
        (Vector256.LoadUnsafe(ref h, 12) + h1).StoreUnsafe(ref h, 12);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        X86Fma.IsSupported ? X86Fma.MultiplyAdd(a, b, c) : a * b + c;
}
