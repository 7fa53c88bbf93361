using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Paths;

/// <summary>
/// The cache's row loops four rows at a time: each class's update, offsets and move measures run once per class and
/// round, and as scalar loops they were a third of a 26-class path's time. A group of rows that needs the scalar
/// treatment (a margin above its shift, a class that overtook its row's top) is left to the row-by-row loop.
/// </summary>
internal sealed partial class SoftmaxExponentials
{
    private static ref double At(double[] values) => ref MemoryMarshal.GetArrayDataReference(values);

    private static Vector256<double> Load(double[] values, int i) => Vector256.LoadUnsafe(ref At(values), (nuint)i);

    private static void Store(Vector256<double> value, double[] values, int i) => value.StoreUnsafe(ref At(values), (nuint)i);

    // shiftᵢ = max(shiftᵢ, ηᵢₗ), topᵢ = l where ηᵢₗ is larger (the first class of a tie stays).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TrackLargest(double[] margins, int l)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var label = Vector256.Create((double)l);
            for (; i + 4 <= margins.Length; i += 4)
            {
                var (m, shift) = (Load(margins, i), Load(_shift, i));
                var larger = Vector256.GreaterThan(m, shift);
                Store(Vector256.ConditionalSelect(larger, m, shift), _shift, i);
                Store(Vector256.ConditionalSelect(larger, label, Load(_top, i)), _top, i);
            }
        }
        for (; i < margins.Length; i++)
        {
            if (margins[i] > _shift[i])
            {
                (_shift[i], _top[i]) = (margins[i], l);
            }
        }
    }

    // totalᵢ += eᵢₗ, and the top's others too unless l is the top.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToSums(double[] exp, int l)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var label = Vector256.Create((double)l);
            for (; i + 4 <= exp.Length; i += 4)
            {
                var e = Load(exp, i);
                var other = Vector256.ConditionalSelect(Vector256.Equals(Load(_top, i), label), Vector256<double>.Zero, e);
                Store(Load(_othersOfTop, i) + other, _othersOfTop, i);
                Store(Load(_total, i) + e, _total, i);
            }
        }
        for (; i < exp.Length; i++)
        {
            _othersOfTop[i] += _top[i] == l ? 0 : exp[i];
            _total[i] += exp[i];
        }
    }

    // Update's rows up to the returned count, from the exponentials of min(ηᵢₖ − cᵢ, 0) in the scratch; groups with a
    // margin above its shift are left to UpdateRows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int UpdateInVectors(int k, double[] margins, double[][] eta)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }
        var exp = _exp[k];
        var label = Vector256.Create((double)k);
        int i = 0;
        for (; i + 4 <= exp.Length; i += 4)
        {
            if (Vector256.GreaterThanAny(Load(margins, i) - Load(_shift, i), Vector256<double>.Zero))
            {
                UpdateRows(k, margins, eta, i, i + 4);
                continue;
            }
            var value = Load(_scratch, i);
            var change = value - Load(exp, i);
            Store(value, exp, i);
            var isTop = Vector256.Equals(Load(_top, i), label);
            var others = Load(_othersOfTop, i);
            Store(Vector256.ConditionalSelect(isTop, others + value, Load(_total, i) + change), _total, i);
            Store(Vector256.ConditionalSelect(isTop, others, others + change), _othersOfTop, i);
        }
        return i;
    }

    // OthersThan's rows up to the returned count; groups where class k overtook its row's top are left to OthersThanRows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int OthersThanInVectors(int k, double[] others)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }
        var exp = _exp[k];
        var (label, half) = (Vector256.Create((double)k), Vector256.Create(0.5));
        int i = 0;
        for (; i + 4 <= others.Length; i += 4)
        {
            var (own, total) = (Load(exp, i), Load(_total, i));
            var isTop = Vector256.Equals(Load(_top, i), label);
            if (Vector256.GreaterThanAny(Vector256.AndNot(Vector256.GreaterThan(own, half * total).AsUInt64(), isTop.AsUInt64()), Vector256<ulong>.Zero))
            {
                OthersThanRows(k, others, i, i + 4);
                continue;
            }
            Store(Vector256.ConditionalSelect(isTop, Load(_othersOfTop, i), total - own), others, i);
        }
        return i;
    }

    /// <summary>cᵢ −= δᵢ for every row: every class's margins fell by δᵢ, and the exponentials stay as they are.</summary>
    public void MoveShifts(double[] delta) => Numerics.VectorKernels.AddScaled(delta, -1, _shift);

    /// <summary>Turns log Σ₍ₗ≠ₖ₎ eᵢₗ, in place, into class k's offsets −(cᵢ + log Σ₍ₗ≠ₖ₎ eᵢₗ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OffsetsFromLogs(double[] logs)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= logs.Length; i += 4)
            {
                Store(-(Load(_shift, i) + Load(logs, i)), logs, i);
            }
        }
        for (; i < logs.Length; i++)
        {
            logs[i] = -(_shift[i] + logs[i]);
        }
    }

    /// <summary>
    /// Σ wᵢ·δᵢ²/4, the largest δᵢ and the largest pᵢₖ·δᵢ over the rows, δᵢ = |ηᵢₖ − before| the move of class k's margins
    /// (<paramref name="margins"/>) and pᵢₖ from this cache, updated since.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Bound, double Largest, double Felt) Moves(int k, double[] margins, double[] before, ReadOnlySpan<double> weights)
    {
        var exp = _exp[k];
        double change = 0, largest = 0, felt = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double w0 = ref Unsafe.AsRef(in MemoryMarshal.GetReference(weights));
            var (changes, largests, felts) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
            for (; i + 4 <= before.Length; i += 4)
            {
                var delta = Vector256.Abs(Load(margins, i) - Load(before, i));
                changes += Vector256.LoadUnsafe(ref w0, (nuint)i) * delta * delta;
                largests = Vector256.Max(largests, delta);
                felts = Vector256.Max(felts, Load(exp, i) * delta / Load(_total, i));
            }
            (change, largest, felt) = (Vector256.Sum(changes), MaxOf(largests), MaxOf(felts));
        }
        for (; i < before.Length; i++)
        {
            double delta = Math.Abs(margins[i] - before[i]);
            change += weights[i] * delta * delta;
            largest = Math.Max(largest, delta);
            felt = Math.Max(felt, exp[i] * delta / _total[i]);
        }
        return (change / 4, largest, felt);
    }

    private static double MaxOf(Vector256<double> values) => Math.Max(Math.Max(values[0], values[1]), Math.Max(values[2], values[3]));
}
