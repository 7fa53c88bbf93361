using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Numerics;

/// <summary>The Gram's tiles in 512-bit vectors, where the machine has them: the same fused multiply-adds in the same
/// order as the 256-bit tiles, so the same bits.</summary>
internal static partial class DenseGramKernel
{
    // AddPanel's sums in 8 × 16 tiles (AddTileSixteen), the last eight columns of a row of tiles in an 8 × 8 one
    // (AddTileEight; mp is a multiple of 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPanelWide(double[] v, double[] u, int rows, int mp, double[] h)
    {
        ref double v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref double u0 = ref MemoryMarshal.GetArrayDataReference(u);
        ref double h0 = ref MemoryMarshal.GetArrayDataReference(h);
        for (int j = 0; j < mp; j += 8)
        {
            int l = j;
            for (; l + 16 <= mp; l += 16)
            {
                AddTileSixteen(ref v0, ref u0, ref h0, rows, mp, j, l);
            }
            if (l < mp)
            {
                AddTileEight(ref v0, ref u0, ref h0, rows, mp, j, l);
            }
        }
    }

    // One 8 × 16 tile: two columns' vectors a row share each broadcast of the eight rows' values, so a step loads ten
    // vectors for sixteen fused multiply-adds (nine for eight in an 8 × 8 tile); each entry's products are added in the
    // same order, so the same bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTileSixteen(ref double v0, ref double u0, ref double h0, int rows, int mp, int j, int l)
    {
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        Vector512<double> b0 = default, b1 = default, b2 = default, b3 = default, b4 = default, b5 = default, b6 = default, b7 = default;
        for (int k = 0; k < rows; k++)
        {
            ref double vk = ref Unsafe.Add(ref v0, k * mp + j);
            var ul = Vector512.LoadUnsafe(ref u0, (nuint)(k * mp + l));
            var uh = Vector512.LoadUnsafe(ref u0, (nuint)(k * mp + l + 8));
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
        ref double hh = ref Unsafe.Add(ref hj, 8);
        Add(ref hj, 0, a0); Add(ref hh, 0, b0);
        Add(ref hj, mp, a1); Add(ref hh, mp, b1);
        Add(ref hj, 2 * mp, a2); Add(ref hh, 2 * mp, b2);
        Add(ref hj, 3 * mp, a3); Add(ref hh, 3 * mp, b3);
        Add(ref hj, 4 * mp, a4); Add(ref hh, 4 * mp, b4);
        Add(ref hj, 5 * mp, a5); Add(ref hh, 5 * mp, b5);
        Add(ref hj, 6 * mp, a6); Add(ref hh, 6 * mp, b6);
        Add(ref hj, 7 * mp, a7); Add(ref hh, 7 * mp, b7);
    }

    // One 8 × 8 tile: eight accumulators over the panel's rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTileEight(ref double v0, ref double u0, ref double h0, int rows, int mp, int j, int l)
    {
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (int k = 0; k < rows; k++)
        {
            ref double vk = ref Unsafe.Add(ref v0, k * mp + j);
            var uk = Vector512.LoadUnsafe(ref u0, (nuint)(k * mp + l));
            a0 = Avx512F.FusedMultiplyAdd(Vector512.Create(vk), uk, a0);
            a1 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 1)), uk, a1);
            a2 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 2)), uk, a2);
            a3 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 3)), uk, a3);
            a4 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 4)), uk, a4);
            a5 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 5)), uk, a5);
            a6 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 6)), uk, a6);
            a7 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref vk, 7)), uk, a7);
        }
        ref double hj = ref Unsafe.Add(ref h0, j * mp + l);
        Add(ref hj, 0, a0);
        Add(ref hj, mp, a1);
        Add(ref hj, 2 * mp, a2);
        Add(ref hj, 3 * mp, a3);
        Add(ref hj, 4 * mp, a4);
        Add(ref hj, 5 * mp, a5);
        Add(ref hj, 6 * mp, a6);
        Add(ref hj, 7 * mp, a7);
    }

    // h[offset..offset + 8] += sums.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref double h, int offset, Vector512<double> sums) =>
        (Vector512.LoadUnsafe(ref h, (nuint)offset) + sums).StoreUnsafe(ref h, (nuint)offset);
}
