using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Numerics;

/// <summary>
/// The two transcendental functions of the BCE block kernel, vectorised and compiled fully
/// optimised from their first call (library code such as TensorPrimitives starts at tier-0 JIT,
/// where its vector code is many times slower: that cost the first fit in a process most of its
/// time). Domains are the kernel's: exp for x ≤ 0 (e^(−|z|)), log1p for t ∈ [0, 1].
/// Both are accurate to a few ulps (tested against Math.Exp and <see cref="StableMath.Log1P"/>).
/// </summary>
internal static class VectorMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01; // fdlibm's split of ln 2
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double RoundingShift = 6755399441055744.0;  // 1.5·2⁵²: adding it rounds to an integer
    private const double Floor = -746.0;                      // e^(−746) rounds to 0

    /// <summary>result[k] = e^(x[k]) for x[k] ≤ 0 (−∞ gives 0). Spans may be the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ExpNonPositive(ReadOnlySpan<double> x, Span<double> result)
    {
        int k = 0;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Log1PUnit(ReadOnlySpan<double> t, Span<double> result)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k <= t.Length - Vector256<double>.Count; k += Vector256<double>.Count)
            {
                Log1PUnit(Vector256.Create(t.Slice(k, Vector256<double>.Count))).CopyTo(result.Slice(k));
            }
        }
        for (; k < t.Length; k++)
        {
            result[k] = Log1PUnit(Vector256.Create(t[k])).GetElement(0);
        }
    }

    // x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite), e^r by its Taylor series to r¹³ (error below
    // 1e-17 on that interval), then ·2ⁿ applied in two halves so that results down to the
    // subnormal range are scaled without overflow of the exponent field.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(Floor)), Vector256.Create(Floor), x);
        var shifted = x * Log2E + Vector256.Create(RoundingShift);
        var n = shifted - Vector256.Create(RoundingShift);
        var r = x - n * Ln2Hi - n * Ln2Lo;
        var p = Vector256.Create(1.0 / 6227020800.0);                  // 1/13!
        p = p * r + Vector256.Create(1.0 / 479001600.0);
        p = p * r + Vector256.Create(1.0 / 39916800.0);
        p = p * r + Vector256.Create(1.0 / 3628800.0);
        p = p * r + Vector256.Create(1.0 / 362880.0);
        p = p * r + Vector256.Create(1.0 / 40320.0);
        p = p * r + Vector256.Create(1.0 / 5040.0);
        p = p * r + Vector256.Create(1.0 / 720.0);
        p = p * r + Vector256.Create(1.0 / 120.0);
        p = p * r + Vector256.Create(1.0 / 24.0);
        p = p * r + Vector256.Create(1.0 / 6.0);
        p = p * r + Vector256.Create(0.5);
        p = p * r + Vector256.Create(1.0);
        p = p * r + Vector256.Create(1.0);
        // n as an integer from the low bits of the shifted value; 2^h = (h + 1023) << 52.
        var integer = shifted.AsInt64() - Vector256.Create(RoundingShift).AsInt64();
        var half = Vector256.ShiftRightArithmetic(integer, 1);
        var rest = integer - half;
        var bias = Vector256.Create(1023L);
        var scaleA = Vector256.ShiftLeft(half + bias, 52).AsDouble();
        var scaleB = Vector256.ShiftLeft(rest + bias, 52).AsDouble();
        return p * scaleA * scaleB;
    }

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
        var p = Vector256.Create(1.0 / 25);
        for (int k = 11; k >= 1; k--)
        {
            p = p * w + Vector256.Create(1.0 / (2 * k + 1));
        }
        var series = (s + s) + (s + s) * w * p;
        var ln2Hi = Vector256.ConditionalSelect(upper, Vector256.Create(Ln2Hi), Vector256<double>.Zero);
        var ln2Lo = Vector256.ConditionalSelect(upper, Vector256.Create(Ln2Lo), Vector256<double>.Zero);
        return ln2Hi + (series + ln2Lo);
    }
}
