using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Numerics;

// ExpNonPositive in 512-bit vectors on machines whose runtime accelerates them (AVX-512F): the same operations lane by
// lane as the 256-bit form (multiplications and additions where it has them, fused multiply-adds where it has those), so
// every result is bit-identical to it; eight exponentials per vector instead of four.
internal static partial class VectorMath
{
    /// <summary>Whether the 512-bit exponentials run here (tests compare both widths on such machines).</summary>
    internal static bool WideExponentialsAvailable => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Fma.IsSupported;

    // result[k] = e^(x[k]) for k below the returned count (a multiple of 8); the caller does the rest. Fully optimised at
    // the first call, as the 256-bit form (at tier 0 the vector operations are calls).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ExpNonPositiveWide(ReadOnlySpan<double> x, Span<double> result)
    {
        if (result.Length < x.Length)
        {
            throw new ArgumentException("The result span is shorter than the input.", nameof(result));
        }
        ref double x0 = ref MemoryMarshal.GetReference(x);
        ref double r0 = ref MemoryMarshal.GetReference(result);
        int k = 0;
        for (; k <= x.Length - Vector512<double>.Count; k += Vector512<double>.Count)
        {
            ExpNonPositive(Vector512.LoadUnsafe(ref x0, (nuint)k)).StoreUnsafe(ref r0, (nuint)k);
        }
        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ExpNonPositive(Vector512<double> x)
    {
        x = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(Floor)), Vector512.Create(Floor), x);
        var shifted = x * Log2E + Vector512.Create(RoundingShift);
        var n = shifted - Vector512.Create(RoundingShift);
        var r = x - n * Ln2Hi - n * Ln2Lo;
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0), Vector512.Create(1.0));
        var q1 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0 / 6.0), Vector512.Create(0.5));
        var q2 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0 / 120.0), Vector512.Create(1.0 / 24.0));
        var q3 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0 / 5040.0), Vector512.Create(1.0 / 720.0));
        var q4 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0 / 362880.0), Vector512.Create(1.0 / 40320.0));
        var q5 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0 / 39916800.0), Vector512.Create(1.0 / 3628800.0));
        var q6 = Avx512F.FusedMultiplyAdd(r, Vector512.Create(1.0 / 6227020800.0), Vector512.Create(1.0 / 479001600.0));
        var s0 = Avx512F.FusedMultiplyAdd(r2, q1, q0);
        var s1 = Avx512F.FusedMultiplyAdd(r2, q3, q2);
        var s2 = Avx512F.FusedMultiplyAdd(r2, q5, q4);
        var t0 = Avx512F.FusedMultiplyAdd(r4, s1, s0);
        var t1 = Avx512F.FusedMultiplyAdd(r4, q6, s2);
        var p = Avx512F.FusedMultiplyAdd(r8, t1, t0);
        var integer = shifted.AsInt64() - Vector512.Create(RoundingShift).AsInt64();
        var half = Vector512.ShiftRightLogical(integer + Vector512.Create(2048L), 1) - Vector512.Create(1024L);
        var rest = integer - half;
        var bias = Vector512.Create(1023L);
        var scaleA = Vector512.ShiftLeft(half + bias, 52).AsDouble();
        var scaleB = Vector512.ShiftLeft(rest + bias, 52).AsDouble();
        return p * scaleA * scaleB;
    }
}
