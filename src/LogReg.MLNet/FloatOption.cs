using System.Globalization;

namespace LogReg.MLNet;

/// <summary>
/// The float ↔ double hop of ML.NET-style options, in one place. A float option stands for the
/// decimal the user typed: 0.1f becomes 0.1 (its shortest round-trip decimal), not 0.10000000149.
/// A double that no float can hold is refused rather than silently turned into 0 or ∞.
/// </summary>
public static class FloatOption
{
    /// <summary>The double the user meant by <paramref name="value"/> (its shortest round-trip decimal).</summary>
    public static double ToDouble(float value) =>
        float.IsFinite(value) ? double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    /// <summary>
    /// <paramref name="value"/> as a float, or an <see cref="ArgumentOutOfRangeException"/> naming
    /// <paramref name="name"/> when a float cannot hold it (|value| above 3.4e38, or a non-zero
    /// value below 1.4e-45 that would round to 0).
    /// </summary>
    public static float FromDouble(double value, string name)
    {
        float f = (float)value;
        if (double.IsFinite(value) && (float.IsInfinity(f) || (f == 0 && value != 0)))
        {
            string shown = value.ToString("R", CultureInfo.InvariantCulture);
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} is {shown}, which a float (single precision, as ML.NET's options are) cannot hold: " +
                "expected 0 or a magnitude between 1.4e-45 and 3.4e38.");
        }
        return f;
    }
}
