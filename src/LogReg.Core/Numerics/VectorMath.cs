using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LogReg.Core.Numerics;

/// <summary>
/// The two transcendental functions of the BCE block kernel, vectorised and compiled fully
/// optimised from their first call (library code such as TensorPrimitives starts at tier-0 JIT,
/// where its vector code is many times slower: that cost the first fit in a process most of its
/// time). Domains are the kernel's: exp for x ≤ 0 (e^(−|z|)), log1p for t ∈ [0, 1].
/// Both are accurate to a few ulps (tested against Math.Exp and <see cref="StableMath.Log1P"/>).
/// </summary>
internal static partial class VectorMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01; // fdlibm's split of ln 2
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double RoundingShift = 6755399441055744.0;  // 1.5·2⁵²: adding it rounds to an integer
    private const double Floor = -746.0;                      // e^(−746) rounds to 0

    /// <summary>result[k] = e^(x[k]) for x[k] ≤ 0 (−∞ gives 0). Spans may be the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExpNonPositive(ReadOnlySpan<double> x, Span<double> result) => ExpNonPositive(x, result, WideExponentialsAvailable);

    /// <summary><see cref="ExpNonPositive(ReadOnlySpan{double}, Span{double})"/> in 512-bit vectors (<paramref name="wide"/>, where
    /// available) or 256-bit ones only; the results are the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ExpNonPositive(ReadOnlySpan<double> x, Span<double> result, bool wide)
    {
        int k = 0;
        if (wide && WideExponentialsAvailable)
        {
            k = ExpNonPositiveWide(x, result);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k <= x.Length - Vector256<double>.Count; k += Vector256<double>.Count)
            {
                ExpNonPositive(Vector256.Create(x.Slice(k, Vector256<double>.Count))).CopyTo(result.Slice(k));
            }
        }
        for (; k < x.Length; k++)
        {
            result[k] = ExpNonPositive(Vector256.Create(x[k])).GetElement(0);
        }
    }

    /// <summary>result[k] = ln(1 + t[k]) for 0 ≤ t[k] ≤ 1. Spans may be the same.</summary>
    public static void Log1PUnit(ReadOnlySpan<double> t, Span<double> result) => Apply<Log1PUnitOf>(t, result);

    /// <summary>
    /// result[k] = ln(1 + t[k]) for finite t[k] ≥ 0 (a softmax row's other classes' share of its largest): up to 1 by
    /// <see cref="Log1PUnit(ReadOnlySpan{double}, Span{double})"/>'s series, beyond as ln of 1 + t ≥ 2. Spans may be the same.
    /// </summary>
    public static void Log1PNonNegative(ReadOnlySpan<double> t, Span<double> result) => Apply<Log1PNonNegativeOf>(t, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log1PNonNegative(Vector256<double> t)
    {
        var one = Vector256.Create(1.0);
        var small = Vector256.LessThanOrEqual(t, one);
        return Vector256.ConditionalSelect(small, Log1PUnit(Vector256.Min(t, one)), LogAtLeastOne(one + Vector256.Max(t, one)));
    }

    /// <summary>result[k] = ln x[k] for finite x[k] ≥ 1 (a softmax's Σ e^(z − max)). Spans may be the same.</summary>
    public static void LogAtLeastOne(ReadOnlySpan<double> x, Span<double> result) => Apply<LogAtLeastOneOf>(x, result);

    /// <summary>
    /// result[k] = ln x[k] for finite x[k] ≥ 0 (−∞ at 0): normal x as <see cref="LogAtLeastOne(ReadOnlySpan{double}, Span{double})"/>,
    /// from the exponent and mantissa — its error a few ulps of ln x's exponent part, so below 1 absolute (about 1e-16), not
    /// relative to a result near 0: enough for a margin's offset — and zero or subnormal x (whose bits are no normal
    /// number's) by Math.Log. Spans may be the same.
    /// </summary>
    public static void LogNonNegative(ReadOnlySpan<double> x, Span<double> result) => Apply<LogNonNegativeOf>(x, result);

    // One element function over a span: 256-bit vectors, then the tail one element at a time. A struct type argument makes
    // the JIT compile a copy per function with the function inlined (a delegate would be a call per vector).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply<TFunction>(ReadOnlySpan<double> x, Span<double> result) where TFunction : struct, IVectorFunction
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k <= x.Length - Vector256<double>.Count; k += Vector256<double>.Count)
            {
                TFunction.Of(Vector256.Create(x.Slice(k, Vector256<double>.Count))).CopyTo(result.Slice(k));
            }
        }
        for (; k < x.Length; k++)
        {
            result[k] = TFunction.Of(Vector256.Create(x[k])).GetElement(0);
        }
    }

    private interface IVectorFunction
    {
        static abstract Vector256<double> Of(Vector256<double> x);
    }

    private readonly struct Log1PUnitOf : IVectorFunction
    {
        public static Vector256<double> Of(Vector256<double> x) => Log1PUnit(x);
    }

    private readonly struct Log1PNonNegativeOf : IVectorFunction
    {
        public static Vector256<double> Of(Vector256<double> x) => Log1PNonNegative(x);
    }

    private readonly struct LogAtLeastOneOf : IVectorFunction
    {
        public static Vector256<double> Of(Vector256<double> x) => LogAtLeastOne(x);
    }

    private readonly struct LogNonNegativeOf : IVectorFunction
    {
        // 2⁻¹⁰²², the smallest normal number.
        private const double SmallestNormal = 2.2250738585072014E-308;

        public static Vector256<double> Of(Vector256<double> x)
        {
            var log = LogAtLeastOne(x);
            var smallest = Vector256.Create(SmallestNormal);
            return !Vector256.LessThanAny(x, smallest) ? log : Vector256.ConditionalSelect(Vector256.LessThan(x, smallest),
                Vector256.Create(Math.Log(x[0]), Math.Log(x[1]), Math.Log(x[2]), Math.Log(x[3])), log);
        }
    }

    // x = 2^e·m with m ∈ [1, 2) read from the bits: ln x = e·ln 2 + ln(1 + (m − 1)), the second term by Log1PUnit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogAtLeastOne(Vector256<double> x)
    {
        var bits = x.AsInt64();
        var exponent = Vector256.ConvertToDouble(Vector256.ShiftRightLogical(bits, 52) - Vector256.Create(1023L));
        var mantissa = ((bits & Vector256.Create(0x000F_FFFF_FFFF_FFFFL)) | Vector256.Create(0x3FF0_0000_0000_0000L)).AsDouble();
        var tail = Log1PUnit(mantissa - Vector256.Create(1.0));
        return exponent * Ln2Hi + (tail + exponent * Ln2Lo);
    }

    // x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite), e^r by its Taylor series to r¹³ (error below
    // 1e-17 on that interval), then ·2ⁿ applied in two halves so that results down to the
    // subnormal range are scaled without overflow of the exponent field.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(Floor)), Vector256.Create(Floor), x);
        var shifted = x * Log2E + Vector256.Create(RoundingShift);
        var n = shifted - Vector256.Create(RoundingShift);
        var r = x - n * Ln2Hi - n * Ln2Lo;
        // Estrin's scheme with fused multiply-adds: the 13 coefficients in a tree of depth 4 instead of a chain of 13,
        // so a loop's consecutive vectors overlap in the core.
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = MultiplyAdd(r, Vector256.Create(1.0), Vector256.Create(1.0));
        var q1 = MultiplyAdd(r, Vector256.Create(1.0 / 6.0), Vector256.Create(0.5));
        var q2 = MultiplyAdd(r, Vector256.Create(1.0 / 120.0), Vector256.Create(1.0 / 24.0));
        var q3 = MultiplyAdd(r, Vector256.Create(1.0 / 5040.0), Vector256.Create(1.0 / 720.0));
        var q4 = MultiplyAdd(r, Vector256.Create(1.0 / 362880.0), Vector256.Create(1.0 / 40320.0));
        var q5 = MultiplyAdd(r, Vector256.Create(1.0 / 39916800.0), Vector256.Create(1.0 / 3628800.0));
        var q6 = MultiplyAdd(r, Vector256.Create(1.0 / 6227020800.0), Vector256.Create(1.0 / 479001600.0));
        var s0 = MultiplyAdd(r2, q1, q0);
        var s1 = MultiplyAdd(r2, q3, q2);
        var s2 = MultiplyAdd(r2, q5, q4);
        var t0 = MultiplyAdd(r4, s1, s0);
        var t1 = MultiplyAdd(r4, q6, s2);
        var p = MultiplyAdd(r8, t1, t0);
        // n as an integer from the low bits of the shifted value; 2^h = (h + 1023) << 52.
        var integer = shifted.AsInt64() - Vector256.Create(RoundingShift).AsInt64();
        // ⌊n/2⌋ for n ∈ [−1077, 0] by a logical shift of n + 2048 (AVX2 has no 64-bit arithmetic shift; its emulation
        // made this function several times slower).
        var half = Vector256.ShiftRightLogical(integer + Vector256.Create(2048L), 1) - Vector256.Create(1024L);
        var rest = integer - half;
        var bias = Vector256.Create(1023L);
        var scaleA = Vector256.ShiftLeft(half + bias, 52).AsDouble();
        var scaleB = Vector256.ShiftLeft(rest + bias, 52).AsDouble();
        return p * scaleA * scaleB;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> x, Vector256<double> y, Vector256<double> a) =>
        Fma.IsSupported ? Fma.MultiplyAdd(x, y, a) : x * y + a;

    // ln(1 + t) = 2·atanh(s) = 2·Σ s^(2k+1)/(2k+1) with s = t/(2 + t); above t = √2 − 1 the same
    // series is taken around 2, ln(1 + t) = ln 2 + 2·atanh((t − 1)/(t + 3)), so |s| ≤ 0.172 and the
    // rounding of the sum stays within an ulp or two; computing s from t keeps tiny t exact.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log1PUnit(Vector256<double> t)
    {
        var upper = Vector256.GreaterThan(t, Vector256.Create(0.41421356237309503));
        var one = Vector256.Create(1.0);
        var numerator = Vector256.ConditionalSelect(upper, t - one, t);
        var denominator = t + Vector256.ConditionalSelect(upper, Vector256.Create(3.0), Vector256.Create(2.0));
        var s = numerator / denominator;
        var w = s * s;
        // 1/(2k + 1) for k = 12 … 1 as literals: a loop computing them costs a scalar division per term and vector.
        var p = Vector256.Create(1.0 / 25);
        p = p * w + Vector256.Create(1.0 / 23);
        p = p * w + Vector256.Create(1.0 / 21);
        p = p * w + Vector256.Create(1.0 / 19);
        p = p * w + Vector256.Create(1.0 / 17);
        p = p * w + Vector256.Create(1.0 / 15);
        p = p * w + Vector256.Create(1.0 / 13);
        p = p * w + Vector256.Create(1.0 / 11);
        p = p * w + Vector256.Create(1.0 / 9);
        p = p * w + Vector256.Create(1.0 / 7);
        p = p * w + Vector256.Create(1.0 / 5);
        p = p * w + Vector256.Create(1.0 / 3);
        var series = (s + s) + (s + s) * w * p;
        var ln2Hi = Vector256.ConditionalSelect(upper, Vector256.Create(Ln2Hi), Vector256<double>.Zero);
        var ln2Lo = Vector256.ConditionalSelect(upper, Vector256.Create(Ln2Lo), Vector256<double>.Zero);
        return ln2Hi + (series + ln2Lo);
    }
}
