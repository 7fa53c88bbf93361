using System.Runtime.CompilerServices;
using LogReg.Core.Numerics;

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
        int first = VectorKernels.IndexOfNonFinite(values);
        if (first < 0)
        {
            return null; // the common case, checked a vector at a time
        }
        // Everything before the first non-finite value is finite; from there, a NaN wins over an earlier ±∞.
        var indices = row.IsDense ? default : row.GetIndices();
        float? found = null;
        for (int k = first; k < values.Length; k++)
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
}
