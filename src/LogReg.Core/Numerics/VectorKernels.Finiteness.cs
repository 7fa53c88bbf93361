using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LogReg.Core.Numerics;

/// <summary>The checks for NaN and ±∞ over a span, a vector at a time.</summary>
internal static partial class VectorKernels
{
    /// <summary>Whether every value is finite (a vector at a time: |v| ≤ double.MaxValue fails exactly for NaN and ±∞).</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var max = new Vector<double>(double.MaxValue);
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            for (int v = 0; v < vectors.Length; v++, i += Vector<double>.Count)
            {
                if (!Vector.LessThanOrEqualAll(Vector.Abs(vectors[v]), max))
                {
                    return false;
                }
            }
        }
        for (; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The index of the first NaN or ±∞ in <paramref name="values"/>, or −1 (a vector at a time: |v| ≤ float.MaxValue fails exactly for those).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var max = new Vector<float>(float.MaxValue);
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                if (!Vector.LessThanOrEqualAll(Vector.Abs(vectors[v]), max))
                {
                    break;
                }
                i += Vector<float>.Count;
            }
        }
        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
