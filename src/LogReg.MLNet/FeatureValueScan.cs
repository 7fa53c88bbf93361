using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace LogReg.MLNet;

/// <summary>The reader's check of one feature row for NaN (the row is skipped) and ±∞ (an error).</summary>
internal static class FeatureValueScan
{
    // The first NaN in the row (which makes the row skippable), else the first ±∞, else null.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float? FirstBad(in VBuffer<float> row, out int slot)
    {
        var values = row.GetValues();
        slot = -1;
        if (AllFinite(values))
        {
            return null; // the common case, checked a vector at a time; the loop below finds which value is not
        }
        var indices = row.IsDense ? default : row.GetIndices();
        float? found = null;
        for (int k = 0; k < values.Length; k++)
        {
            float v = values[k];
            if (float.IsNaN(v))
            {
                slot = row.IsDense ? k : indices[k];
                return v;
            }
            if (found is null && float.IsInfinity(v))
            {
                slot = row.IsDense ? k : indices[k];
                found = v;
            }
        }
        return found;
    }

    // |v| ≤ float.MaxValue is false exactly for NaN and ±∞.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var max = new Vector<float>(float.MaxValue);
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (var v in vectors)
            {
                if (!Vector.LessThanOrEqualAll(Vector.Abs(v), max))
                {
                    return false;
                }
            }
            i = vectors.Length * Vector<float>.Count;
        }
        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return false;
            }
        }
        return true;
    }
}
