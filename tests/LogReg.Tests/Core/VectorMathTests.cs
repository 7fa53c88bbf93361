using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The vectorised exp, log1p and log of the BCE and softmax kernels against the scalar library functions.</summary>
public class VectorMathTests
{
    private static double Ulps(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Max(double.Epsilon, Math.Abs(expected) * 2.220446049250313e-16);

    [Fact]
    public void ExpOfNonPositiveArgumentsIsWithinTwoUlpsOfMathExp()
    {
        var rng = new Random(7);
        var x = Enumerable.Range(0, 20000).Select(i => i < 10000 ? -rng.NextDouble() * 40 : -Math.Exp(rng.NextDouble() * 6.6 - 20))
            .Concat(new[] { 0.0, -1e-300, -1e-16, -0.5 * Math.Log(2), -Math.Log(2), -36.04, -700, -708.39, -708.4, -745, -746, -1e4, double.NegativeInfinity })
            .ToArray();
        var result = new double[x.Length];
        VectorMath.ExpNonPositive(x, result);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Exp(x[i]);
            if (expected >= 2.2250738585072014e-308)
            {
                Assert.True(Ulps(expected, result[i]) <= 2, $"exp({x[i]:R}) = {result[i]:R}, expected {expected:R}");
            }
            else
            {
                Assert.True(Math.Abs(result[i] - expected) <= 4.9e-324 * 2, $"exp({x[i]:R}) = {result[i]:R} (subnormal), expected {expected:R}");
            }
        }
    }

    [Fact]
    public void WideExponentialsAreTheNarrowOnesBitForBit()
    {
        // On a machine with AVX-512 the 512-bit form runs on every multiple of 8 and the 256-bit form on the rest; both
        // must give the same bits (the softmax and BCE passes mix them by length). Lengths 0 … 40 cover every remainder.
        var rng = new Random(11);
        var edges = new[] { 0.0, -0.0, -1e-300, -4.9e-324, -0.5 * Math.Log(2), -Math.Log(2), -708.4, -744.4, -745.1, -746, -1e4, double.NegativeInfinity };
        for (int length = 0; length <= 40; length++)
        {
            var x = Enumerable.Range(0, length).Select(i => i < edges.Length && length % 3 == 0 ? edges[i] : -rng.NextDouble() * Math.Pow(10, rng.Next(-8, 3))).ToArray();
            var wide = new double[length];
            var narrow = new double[length];
            VectorMath.ExpNonPositive(x, wide, wide: true);
            VectorMath.ExpNonPositive(x, narrow, wide: false);
            for (int i = 0; i < length; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(wide[i]) == BitConverter.DoubleToInt64Bits(narrow[i]),
                    $"length {length}: exp({x[i]:R}) = {wide[i]:R} wide, {narrow[i]:R} narrow (512-bit vectors here: {VectorMath.WideExponentialsAvailable})");
            }
        }
    }

    [Fact]
    public void Log1PIsWithinTwoUlpsOfTheStableScalarLog1P()
    {
        var rng = new Random(8);
        var t = Enumerable.Range(0, 20000).Select(i => i < 10000 ? rng.NextDouble() : Math.Exp(-rng.NextDouble() * 700))
            .Concat(new[] { 0.0, 4.9e-324, 1e-300, 1e-17, 1e-8, 0.4142135623730951, 0.5, 0.999999, 1.0 })
            .ToArray();
        AssertLog1PWithinTwoUlps(t, VectorMath.Log1PUnit);
    }

    [Fact]
    public void LogOfArgumentsFromOneIsWithinTwoUlpsOfMathLog()
    {
        var rng = new Random(9);
        var x = Enumerable.Range(0, 20000).Select(i => i < 10000 ? 1 + rng.NextDouble() * 30 : 1 + Math.Exp(-rng.NextDouble() * 36))
            .Concat(new[] { 1.0, 1 + 2.220446049250313e-16, 1.4142135623730951, 2.0, 3.9999999999999996, 4.0, 1e300, double.MaxValue })
            .ToArray();
        AssertLogWithinTwoUlps(x, VectorMath.LogAtLeastOne);
    }

    [Fact]
    public void LogOfNonNegativeArgumentsIsWithinTwoUlpsOfMathLogOrAnAbsoluteFewE16()
    {
        // A softmax row's other classes' exponentials summed: from zero (−∞) and subnormal numbers (beside normal ones in a
        // vector, and alone in the tail) up, around 1 from both sides.
        var rng = new Random(12);
        var x = Enumerable.Range(0, 30000).Select(i => i % 3 == 0 ? Math.Exp(-rng.NextDouble() * 708) : i % 3 == 1 ? rng.NextDouble() * 20 + 2.3e-308
                : 1 + (rng.NextDouble() - 0.5) * Math.Exp(-rng.NextDouble() * 36))
            .Concat(new[] { 0.0, 2.2250738585072014E-308, 2.2250738585072009E-308, 1e-300, 4.9e-324, 0.5, 0.9999999999999999, 1.0,
                1.0000000000000002, 2.0, 1e300, double.MaxValue, 1e-310 })
            .ToArray();
        AssertLogWithinTwoUlps(x, VectorMath.LogNonNegative);
    }

    [Fact]
    public void Log1PBeyondOneJoinsTheSeriesAndTheLogWithinTwoUlps()
    {
        // A softmax row's other classes' share of its largest: 0 … K − 1, tiny on nearly certain rows.
        var rng = new Random(10);
        var t = Enumerable.Range(0, 20000).Select(i => i < 10000 ? rng.NextDouble() * 20 : Math.Exp(-rng.NextDouble() * 700))
            .Concat(new[] { 0.0, 4.9e-324, 1e-300, 1e-17, 0.999999, 1.0, 1.0000000000000002, 1.5, 2.0, 9.0, 1e300 })
            .ToArray();
        AssertLog1PWithinTwoUlps(t, VectorMath.Log1PNonNegative);
    }

    // Each vector log1p against the stable scalar one, element by element.
    private static void AssertLog1PWithinTwoUlps(double[] t, SpanFunction log1p)
    {
        var result = new double[t.Length];
        log1p(t, result);
        for (int i = 0; i < t.Length; i++)
        {
            double expected = StableMath.Log1P(t[i]);
            Assert.True(Ulps(expected, result[i]) <= 2, $"log1p({t[i]:R}) = {result[i]:R}, expected {expected:R}");
        }
    }

    private delegate void SpanFunction(ReadOnlySpan<double> t, Span<double> result);

    // Each vector log against Math.Log, element by element: 2 ulps, or an absolute 2.3e-16 where the result is near 0.
    private static void AssertLogWithinTwoUlps(double[] x, SpanFunction log)
    {
        var result = new double[x.Length];
        log(x, result);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Log(x[i]);
            Assert.True(Ulps(expected, result[i]) <= 2 || Math.Abs(expected - result[i]) <= 2.3e-16, $"ln({x[i]:R}) = {result[i]:R}, expected {expected:R}");
        }
    }
}
