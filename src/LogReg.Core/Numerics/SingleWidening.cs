using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Numerics;

/// <summary>
/// A stored single as a double, in loops that read singles one at a time. <c>(double)x</c> compiles to vcvtss2sd, which
/// keeps its destination's upper half and so waits for whatever last wrote that register — in a loop, the previous
/// iteration's product, chaining iterations that are otherwise independent. Loaded into a vector (movss clears the rest)
/// and widened with vcvtps2pd, which writes the whole register, the conversion waits on nothing. The value is the same.
/// </summary>
internal static class SingleWidening
{
    /// <summary>(double)<paramref name="x"/>, without a dependence on an earlier result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Widen(float x) => Vector128.WidenLower(Vector128.CreateScalarUnsafe(x)).ToScalar();
}
