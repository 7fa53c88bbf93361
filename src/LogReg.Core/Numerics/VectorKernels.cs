using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LogReg.Core.Numerics;

/// <summary>
/// SIMD inner loops over float data with double accumulation. The float values are widened to
/// double before they are multiplied, so every sum is a sum of exact products of the stored values.
/// The order of additions depends only on the vector width of the machine, never on threads.
/// </summary>
internal static partial class VectorKernels
{
    /// <summary>Σⱼ x[j]·w[j] with x in float and w in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<double> w)
    {
        if (w.Length < x.Length)
        {
            throw new ArgumentException("The weight span is shorter than the row.", nameof(w));
        }
        int n = x.Length;
        int i = 0;
        double sum = 0.0;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double wr = ref MemoryMarshal.GetReference(w);
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            int width = Vector<float>.Count;
            int half = Vector<double>.Count;
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i <= n - width; i += width)
            {
                var xv = Vector.LoadUnsafe(ref xr, (nuint)i);
                Vector.Widen(xv, out Vector<double> lo, out Vector<double> hi);
                acc0 += lo * Vector.LoadUnsafe(ref wr, (nuint)i);
                acc1 += hi * Vector.LoadUnsafe(ref wr, (nuint)(i + half));
            }
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref xr, i) * Unsafe.Add(ref wr, i);
        }
        return sum;
    }

    /// <summary>target[j] += alpha·x[j] with x in float and target in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<float> x, double alpha, Span<double> target)
    {
        if (target.Length < x.Length)
        {
            throw new ArgumentException("The target span is shorter than the row.", nameof(target));
        }
        int n = x.Length;
        int i = 0;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double tr = ref MemoryMarshal.GetReference(target);
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            int width = Vector<float>.Count;
            int half = Vector<double>.Count;
            var a = new Vector<double>(alpha);
            for (; i <= n - width; i += width)
            {
                var xv = Vector.LoadUnsafe(ref xr, (nuint)i);
                Vector.Widen(xv, out Vector<double> lo, out Vector<double> hi);
                var t0 = Vector.LoadUnsafe(ref tr, (nuint)i) + a * lo;
                var t1 = Vector.LoadUnsafe(ref tr, (nuint)(i + half)) + a * hi;
                t0.StoreUnsafe(ref tr, (nuint)i);
                t1.StoreUnsafe(ref tr, (nuint)(i + half));
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref tr, i) += alpha * Unsafe.Add(ref xr, i);
        }
    }

    /// <summary>target[j] += alpha·x[j]² with x in float and target in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledSquares(ReadOnlySpan<float> x, double alpha, Span<double> target)
    {
        if (target.Length < x.Length)
        {
            throw new ArgumentException("The target span is shorter than the row.", nameof(target));
        }
        int n = x.Length;
        int i = 0;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double tr = ref MemoryMarshal.GetReference(target);
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            int width = Vector<float>.Count;
            int half = Vector<double>.Count;
            var a = new Vector<double>(alpha);
            for (; i <= n - width; i += width)
            {
                var xv = Vector.LoadUnsafe(ref xr, (nuint)i);
                Vector.Widen(xv, out Vector<double> lo, out Vector<double> hi);
                var t0 = Vector.LoadUnsafe(ref tr, (nuint)i) + a * lo * lo;
                var t1 = Vector.LoadUnsafe(ref tr, (nuint)(i + half)) + a * hi * hi;
                t0.StoreUnsafe(ref tr, (nuint)i);
                t1.StoreUnsafe(ref tr, (nuint)(i + half));
            }
        }
        for (; i < n; i++)
        {
            double v = Unsafe.Add(ref xr, i);
            Unsafe.Add(ref tr, i) += alpha * v * v;
        }
    }

    /// <summary>target[j] = x[j] widened to double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Widen(ReadOnlySpan<float> x, Span<double> target)
    {
        if (target.Length < x.Length)
        {
            throw new ArgumentException("The target span is shorter than the source.", nameof(target));
        }
        int n = x.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref float xr = ref MemoryMarshal.GetReference(x);
            ref double tr = ref MemoryMarshal.GetReference(target);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref xr, (nuint)i), out var low, out var high);
                low.StoreUnsafe(ref tr, (nuint)i);
                high.StoreUnsafe(ref tr, (nuint)(i + Vector<double>.Count));
            }
        }
        for (; i < n; i++)
        {
            target[i] = x[i];
        }
    }

    /// <summary>values[j] = values[j]², in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(Span<double> values)
    {
        int n = values.Length;
        int i = 0;
        ref double vr = ref MemoryMarshal.GetReference(values);
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = Vector.LoadUnsafe(ref vr, (nuint)i);
                (v * v).StoreUnsafe(ref vr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref vr, i) *= Unsafe.Add(ref vr, i);
        }
    }

    /// <summary>target[j] += alpha·x[j], all double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<double> x, double alpha, Span<double> target)
    {
        if (target.Length < x.Length)
        {
            throw new ArgumentException("The target span is shorter than the source.", nameof(target));
        }
        int n = x.Length;
        int i = 0;
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double tr = ref MemoryMarshal.GetReference(target);
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            var a = new Vector<double>(alpha);
            for (; i <= n - width; i += width)
            {
                var t = Vector.LoadUnsafe(ref tr, (nuint)i) + a * Vector.LoadUnsafe(ref xr, (nuint)i);
                t.StoreUnsafe(ref tr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref tr, i) += alpha * Unsafe.Add(ref xr, i);
        }
    }

    /// <summary>Σ x[i] added in order, as LINQ's Sum adds doubles (the same bits), compiled optimised from its first call
    /// (LINQ's generic sum runs at tier-0 JIT, its checked additions included, in a process's first fit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double value in x)
        {
            sum += value;
        }
        return sum;
    }

    /// <summary>Σⱼ a[j]·b[j], all double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (b.Length < a.Length)
        {
            throw new ArgumentException("The second span is shorter than the first.", nameof(b));
        }
        int n = a.Length;
        int i = 0;
        double sum = 0.0;
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double br = ref MemoryMarshal.GetReference(b);
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i <= n - 2 * width; i += 2 * width)
            {
                acc0 += Vector.LoadUnsafe(ref ar, (nuint)i) * Vector.LoadUnsafe(ref br, (nuint)i);
                acc1 += Vector.LoadUnsafe(ref ar, (nuint)(i + width)) * Vector.LoadUnsafe(ref br, (nuint)(i + width));
            }
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ar, i) * Unsafe.Add(ref br, i);
        }
        return sum;
    }

    /// <summary>max |v[j]| (0 for an empty span).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0.0;
        foreach (double x in v)
        {
            double a = Math.Abs(x);
            if (a > m || double.IsNaN(a))
            {
                m = a;
            }
        }
        return m;
    }

    /// <summary>Euclidean norm ‖v‖₂.</summary>
    public static double Norm2(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));
}
