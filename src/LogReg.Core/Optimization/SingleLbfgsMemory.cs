using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary><see cref="LbfgsMemory"/> with the pairs in single precision and each loop's update fused with the next
/// pair's product (problems from <see cref="LbfgsMemory.SinglePrecisionFrom"/> coordinates).</summary>
internal sealed class SingleLbfgsMemory : LbfgsMemory
{
    private readonly LbfgsPairStore<float> _pairs;
    private readonly double[] _wide;

    public SingleLbfgsMemory(int dimension, int capacity)
        : base(capacity)
    {
        _pairs = new LbfgsPairStore<float>(dimension, capacity);
        _wide = new double[dimension];
    }

    protected override (double Sy, double Ss, double Yy) WriteSpare(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext) =>
        _pairs.WriteSpare(x, xNext, g, gNext);

    protected override void KeepSpare(int slot) => _pairs.KeepSpare(slot);

    // The stored vectors are the pairs divided by their power-of-two scales (LbfgsPairStore): multiplying back is exact.
    protected override double DotS(int k, ReadOnlySpan<double> d) => VectorKernels.Dot(_pairs.S[k], d) * _pairs.ScaleS[k];

    protected override double DotY(int k, ReadOnlySpan<double> d) => VectorKernels.Dot(_pairs.Y[k], d) * _pairs.ScaleY[k];

    protected override double SubtractYThenDotS(int k, double a, Span<double> d, int next) => next < 0
        ? AddScaledThenDot(_pairs.Y[k], -a * _pairs.ScaleY[k], d, default)
        : AddScaledThenDot(_pairs.Y[k], -a * _pairs.ScaleY[k], d, _pairs.S[next]) * _pairs.ScaleS[next];

    protected override double AddSThenDotY(int k, double a, Span<double> d, int next) => next < 0
        ? AddScaledThenDot(_pairs.S[k], a * _pairs.ScaleS[k], d, default)
        : AddScaledThenDot(_pairs.S[k], a * _pairs.ScaleS[k], d, _pairs.Y[next]) * _pairs.ScaleY[next];

    protected override double Gamma(int k, IPreconditioner? preconditioner, double[] scratch)
    {
        VectorKernels.Widen(_pairs.Y[k], _wide);
        double yPy;
        if (preconditioner is not null)
        {
            preconditioner.Apply(_wide, scratch);
            yPy = VectorKernels.Dot(_wide, scratch);
        }
        else
        {
            yPy = VectorKernels.Dot(_wide, _wide);
        }
        double scale = _pairs.ScaleY[k];
        // Ordered so that neither a tiny nor a huge scale over- or underflows on the way (ρ carries 1/scale already).
        return 1.0 / (Rho[k] * scale * (yPy * scale));
    }

    // d += a·x, then Σ next·d over the updated d (0 when next is empty): one sweep of d instead of two.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AddScaledThenDot(ReadOnlySpan<float> x, double a, Span<double> d, ReadOnlySpan<float> next)
    {
        if (!next.IsEmpty && next.Length != x.Length)
        {
            throw new ArgumentException("The pairs differ in length.", nameof(next));
        }
        if (d.Length < x.Length)
        {
            throw new ArgumentException("The direction is shorter than the pair.", nameof(d));
        }
        if (next.IsEmpty)
        {
            VectorKernels.AddScaled(x, a, d);
            return 0;
        }
        int n = x.Length;
        int i = 0;
        double sum = 0;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float nr = ref MemoryMarshal.GetReference(next);
        ref double dr = ref MemoryMarshal.GetReference(d);
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            int width = Vector<float>.Count;
            int half = Vector<double>.Count;
            var av = new Vector<double>(a);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i <= n - width; i += width)
            {
                Vector.Widen(Vector.LoadUnsafe(ref xr, (nuint)i), out Vector<double> xlo, out Vector<double> xhi);
                Vector.Widen(Vector.LoadUnsafe(ref nr, (nuint)i), out Vector<double> nlo, out Vector<double> nhi);
                var d0 = Vector.LoadUnsafe(ref dr, (nuint)i) + av * xlo;
                var d1 = Vector.LoadUnsafe(ref dr, (nuint)(i + half)) + av * xhi;
                d0.StoreUnsafe(ref dr, (nuint)i);
                d1.StoreUnsafe(ref dr, (nuint)(i + half));
                acc0 += nlo * d0;
                acc1 += nhi * d1;
            }
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++)
        {
            double di = Unsafe.Add(ref dr, i) + a * Unsafe.Add(ref xr, i);
            Unsafe.Add(ref dr, i) = di;
            sum += Unsafe.Add(ref nr, i) * di;
        }
        return sum;
    }
}
