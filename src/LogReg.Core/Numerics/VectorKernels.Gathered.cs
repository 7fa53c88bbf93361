using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Numerics;

/// <summary>The dot product of a sparse list of stored values with a dense vector the list indexes.</summary>
internal static partial class VectorKernels
{
    /// <summary>
    /// Σₖ values[k]·dense[indices[k]]: a sparse row's dot with the coefficients, or a sparse column's with a row-length
    /// vector, the singles widened exactly. <paramref name="indices"/> increase (as a <see cref="Data.SparseMatrix"/>'s rows
    /// and the paths' columns do), so the last one bounds them all and no read needs a check of its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double GatheredDot(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<double> dense)
    {
        int count = indices.Length;
        if (count == 0)
        {
            return 0;
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)indices[count - 1], (uint)dense.Length);
        // Four running sums instead of one chain of additions: a sparse path 283 → 264 ms (medians of 15, one run each).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        ref double r0 = ref MemoryMarshal.GetReference(dense);
        ref int index0 = ref MemoryMarshal.GetReference(indices);
        ref float x0 = ref MemoryMarshal.GetReference(values);
        if (Vector256.IsHardwareAccelerated)
        {
            // The four sums as lanes, the singles widened four at a time: widened one by one, each conversion waited for
            // the register the last product left (vcvtss2sd keeps its upper half), and the four sums ran as one chain.
            var sums = Vector256<double>.Zero;
            if (Vector512.IsHardwareAccelerated)
            {
                // Eight sums first, folded onto the four (lane l and l + 4): one vector of products for eight scattered
                // reads, a sparse path ~4 % faster with the reciprocals of SparseCoordinateDescent (5 alternated rounds).
                var wide = Vector512<double>.Zero;
                for (; k + 8 <= count; k += 8)
                {
                    wide += WidenEight(ref x0, k) * GatherEight(ref r0, ref Unsafe.Add(ref index0, k));
                }
                sums = wide.GetLower() + wide.GetUpper();
            }
            for (; k + 4 <= count; k += 4)
            {
                sums += WidenFour(ref x0, k) * GatherFour(ref r0, ref Unsafe.Add(ref index0, k));
            }
            (s0, s1, s2, s3) = (sums[0], sums[1], sums[2], sums[3]);
        }
        for (; k + 4 <= count; k += 4)
        {
            s0 += SingleWidening.Widen(Unsafe.Add(ref x0, k)) * Unsafe.Add(ref r0, Unsafe.Add(ref index0, k));
            s1 += SingleWidening.Widen(Unsafe.Add(ref x0, k + 1)) * Unsafe.Add(ref r0, Unsafe.Add(ref index0, k + 1));
            s2 += SingleWidening.Widen(Unsafe.Add(ref x0, k + 2)) * Unsafe.Add(ref r0, Unsafe.Add(ref index0, k + 2));
            s3 += SingleWidening.Widen(Unsafe.Add(ref x0, k + 3)) * Unsafe.Add(ref r0, Unsafe.Add(ref index0, k + 3));
        }
        for (; k < count; k++)
        {
            s0 += SingleWidening.Widen(Unsafe.Add(ref x0, k)) * Unsafe.Add(ref r0, Unsafe.Add(ref index0, k));
        }
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>dense[indices[0]], …, dense[indices[7]] as one vector; the caller has bounded the indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> GatherEight(ref double dense, ref int indices) =>
        Vector512.Create(Unsafe.Add(ref dense, indices), Unsafe.Add(ref dense, Unsafe.Add(ref indices, 1)),
            Unsafe.Add(ref dense, Unsafe.Add(ref indices, 2)), Unsafe.Add(ref dense, Unsafe.Add(ref indices, 3)),
            Unsafe.Add(ref dense, Unsafe.Add(ref indices, 4)), Unsafe.Add(ref dense, Unsafe.Add(ref indices, 5)),
            Unsafe.Add(ref dense, Unsafe.Add(ref indices, 6)), Unsafe.Add(ref dense, Unsafe.Add(ref indices, 7)));

    /// <summary>dense[indices[0]], …, dense[indices[3]] as one vector; the caller has bounded the indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> GatherFour(ref double dense, ref int indices) =>
        Vector256.Create(Unsafe.Add(ref dense, indices), Unsafe.Add(ref dense, Unsafe.Add(ref indices, 1)),
            Unsafe.Add(ref dense, Unsafe.Add(ref indices, 2)), Unsafe.Add(ref dense, Unsafe.Add(ref indices, 3)));

    /// <summary>values[k], …, values[k + 3] widened to doubles (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> WidenFour(ref float values, int k) =>
        Vector256.WidenLower(Vector128.LoadUnsafe(ref values, (nuint)k).ToVector256Unsafe());

    /// <summary>values[k], …, values[k + 7] widened to doubles (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> WidenEight(ref float values, int k) =>
        Vector512.WidenLower(Vector256.LoadUnsafe(ref values, (nuint)k).ToVector512Unsafe());
}
