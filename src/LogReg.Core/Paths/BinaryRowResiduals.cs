using System.Numerics;
using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// The binary path's per-row pass from the margins: t = e^(−|η|) (<see cref="NegativeExponentials"/>), then, with t in
/// <c>r</c>, p = σ(η) and q = 1 − p without cancellation (as <see cref="Numerics.StableMath.SigmoidPair"/>), then the
/// working residuals wᵢ(yᵢ − pᵢ) and curvature weights wᵢpᵢqᵢ. In vectors: as a scalar loop the sign of η chose p and q by a branch that rows of either sign
/// mispredicted — a twentieth of a sparse path's time. The same arithmetic in the same order, so the same bits.
/// </summary>
internal static class BinaryRowResiduals
{
    /// <summary>t = e^(−|η|) for every row into <paramref name="t"/>, what <see cref="FromExponentials"/> expects in its
    /// <c>r</c>; vectorised: the scalar exponential was a tenth of a sparse path's time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NegativeExponentials(double[] eta, double[] t)
    {
        for (int i = 0; i < eta.Length; i++)
        {
            t[i] = -Math.Abs(eta[i]);
        }
        Numerics.VectorMath.ExpNonPositive(t, t);
    }

    /// <summary>Overwrites <paramref name="r"/> (holding e^(−|η|)) with the residuals and fills <paramref name="v"/> with the weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FromExponentials(ReadOnlySpan<double> eta, Span<double> r, Span<double> v, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> labels)
    {
        int n = eta.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<double>.One;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var t = new Vector<double>(r[i..]);
                var inv = one / (one + t);
                var tInv = t * inv;
                var nonNegative = Vector.GreaterThanOrEqual(new Vector<double>(eta[i..]), Vector<double>.Zero);
                var p = Vector.ConditionalSelect(nonNegative, inv, tInv);
                var q = Vector.ConditionalSelect(nonNegative, tInv, inv);
                var w = new Vector<double>(weights[i..]);
                (w * (new Vector<double>(labels[i..]) - p)).CopyTo(r[i..]);
                (w * p * q).CopyTo(v[i..]);
            }
        }
        for (; i < n; i++)
        {
            double t = r[i], inv = 1.0 / (1.0 + t);
            double p = eta[i] >= 0 ? inv : t * inv, q = eta[i] >= 0 ? t * inv : inv;
            r[i] = weights[i] * (labels[i] - p);
            v[i] = weights[i] * p * q;
        }
    }
}
