using Xunit;

namespace LogReg.Tests.Kit;

/// <summary>Assertions on numbers with a stated tolerance, failing with both values and the index.</summary>
public static class NumericAssert
{
    /// <summary>|actual − expected| ≤ relative·max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double relative, string what = "")
    {
        double bound = relative * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= bound,
            $"{what}: expected {expected:R}, got {actual:R} (|difference| {Math.Abs(actual - expected):G3} > {bound:G3})");
    }

    /// <summary>Element-wise <see cref="Close(double, double, double, string)"/>, same lengths.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], relative, $"{what}[{i}]");
        }
    }

    /// <summary>|actual − expected| / |expected| ≤ relative (a true relative error; expected ≠ 0).</summary>
    public static void Relative(double expected, double actual, double relative, string what = "")
    {
        double error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= relative, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:G3} > {relative:G3})");
    }
}
