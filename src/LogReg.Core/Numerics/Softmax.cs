using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogReg.Core.Numerics;

/// <summary>The softmax, computed stably (the largest score is subtracted before exponentiating).</summary>
internal static class Softmax
{
    /// <summary>Replaces scores z by softmax(z)ₖ = e^(zₖ − m) / Σⱼ e^(zⱼ − m), m = max z.</summary>
    public static void InPlace(Span<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < z.Length; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.Length; k++)
        {
            z[k] /= sum;
        }
    }

    /// <summary>
    /// The cross-entropy half of a pass over a block of rows whose scores are row-major and padded (stride a multiple of 4,
    /// the first K lanes used): returns Σᵣ sᵣ·(logsumexp(zᵣ) − z_{r,yᵣ}) and writes cᵣₖ = sᵣ·(softmax(zᵣ)ₖ − [k = yᵣ]) for
    /// k &lt; K, 0 in the padding. Vectorised over classes for the exponentials and over rows for the logarithms
    /// (<see cref="VectorMath"/>).
    /// </summary>
    /// <param name="z">Scores, row r at r·stride.</param>
    /// <param name="c">Coefficients, the same layout (written).</param>
    /// <param name="count">Rows in the block (at most <see cref="MaximumBlockRows"/>).</param>
    /// <param name="stride">Doubles per row, a multiple of 4.</param>
    /// <param name="classes">K ≤ stride.</param>
    /// <param name="labels">The block's class indices.</param>
    /// <param name="weights">The block's example weights, or empty for weight 1.</param>
    /// <param name="probabilities">If not empty, also receives softmax(zᵣ) in the same layout (0 in the padding), as <see cref="ProbabilitiesBlock"/> writes them.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double CrossEntropyBlock(Span<double> z, Span<double> c, int count, int stride, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<double> weights,
        Span<double> probabilities = default)
    {
        if (labels.Length < count || (!probabilities.IsEmpty && probabilities.Length < count * stride))
        {
            throw new ArgumentException("A cross-entropy block needs a label for each row (and room for each row's probabilities).");
        }
        Span<double> maxima = stackalloc double[MaximumBlockRows];
        Span<double> sums = stackalloc double[MaximumBlockRows];
        Span<double> logs = stackalloc double[MaximumBlockRows];
        Exponentiate(z, c, count, stride, classes, maxima, sums);
        VectorMath.LogAtLeastOne(sums.Slice(0, count), logs);
        ref double z0 = ref MemoryMarshal.GetReference(z);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        // Neumaier's compensated sum: near an optimum the line search compares values that differ in their last bits.
        double value = 0, compensation = 0;
        for (int r = 0; r < count; r++)
        {
            double weight = weights.IsEmpty ? 1.0 : weights[r];
            ref double cr = ref Unsafe.Add(ref c0, r * stride);
            int y = labels[r];
            if ((uint)y >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), y, $"A label is a class index below {classes}.");
            }
            if (weight != 0)
            {
                // (max − z_y) first: 0 exactly when y scores highest, so a well-fitted row's term keeps the bits of its small logarithm.
                double term = weight * (maxima[r] - Unsafe.Add(ref z0, r * stride + y) + logs[r]);
                double total = value + term;
                compensation += Math.Abs(value) >= Math.Abs(term) ? value - total + term : term - total + value;
                value = total;
            }
            if (!probabilities.IsEmpty)
            {
                Normalise(ref cr, ref probabilities[r * stride], stride, sums[r]);
            }
            var scale = Vector256.Create(weight / sums[r]);
            for (int k = 0; k < stride; k += 4)
            {
                (Vector256.LoadUnsafe(ref cr, (nuint)k) * scale).StoreUnsafe(ref cr, (nuint)k);
            }
            Unsafe.Add(ref cr, y) -= weight;
        }
        return value + compensation;
    }

    /// <summary>
    /// pᵣ = softmax(zᵣ) for each row of a block in <see cref="CrossEntropyBlock"/>'s layout (0 in the padding); p may be z.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ProbabilitiesBlock(Span<double> z, Span<double> p, int count, int stride, int classes)
    {
        Span<double> maxima = stackalloc double[MaximumBlockRows];
        Span<double> sums = stackalloc double[MaximumBlockRows];
        Exponentiate(z, p, count, stride, classes, maxima, sums);
        ref double p0 = ref MemoryMarshal.GetReference(p);
        for (int r = 0; r < count; r++)
        {
            ref double pr = ref Unsafe.Add(ref p0, r * stride);
            Normalise(ref pr, ref pr, stride, sums[r]);
        }
    }

    // destination = e / sum over one padded row (the padding's e is 0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Normalise(ref double e, ref double destination, int stride, double sum)
    {
        var inverse = Vector256.Create(1.0 / sum);
        for (int k = 0; k < stride; k += 4)
        {
            (Vector256.LoadUnsafe(ref e, (nuint)k) * inverse).StoreUnsafe(ref destination, (nuint)k);
        }
    }

    // e = exp(z − max z) per row (0 in the padding), each row's max and Σₖ e; e may be z.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exponentiate(Span<double> z, Span<double> e, int count, int stride, int classes, Span<double> maxima, Span<double> sums)
    {
        if (count > MaximumBlockRows || stride % 4 != 0 || classes > stride || z.Length < count * stride || e.Length < count * stride)
        {
            throw new ArgumentException($"A softmax block has at most {MaximumBlockRows} rows, each with its padded scores.");
        }
        ref double z0 = ref MemoryMarshal.GetReference(z);
        ref double e0 = ref MemoryMarshal.GetReference(e);
        // Padding lanes (in the last vector of a row) are masked, never written one by one: a scalar store read back by a
        // vector load stalls store forwarding. They take e⁰ and are cleared after: e^(−∞) would run through subnormal
        // products, a microcode assist per lane.
        int last = stride - 4;
        var padding = Vector256.GreaterThanOrEqual(Vector256.Create((double)last) + Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)classes));
        var negativeInfinity = Vector256.Create(double.NegativeInfinity);
        // The exponentials of the whole block in one loop of independent vectors (their polynomials overlap in the core).
        for (int r = 0; r < count; r++)
        {
            ref double zr = ref Unsafe.Add(ref z0, r * stride);
            ref double er = ref Unsafe.Add(ref e0, r * stride);
            var max = Vector256.ConditionalSelect(padding, negativeInfinity, Vector256.LoadUnsafe(ref zr, (nuint)last));
            for (int k = 0; k < last; k += 4)
            {
                max = Vector256.Max(max, Vector256.LoadUnsafe(ref zr, (nuint)k));
            }
            var half = Vector128.Max(max.GetLower(), max.GetUpper());
            double m = Math.Max(half.ToScalar(), half.GetElement(1));
            var shift = Vector256.Create(m);
            for (int k = 0; k < last; k += 4)
            {
                (Vector256.LoadUnsafe(ref zr, (nuint)k) - shift).StoreUnsafe(ref er, (nuint)k);
            }
            Vector256.ConditionalSelect(padding, Vector256<double>.Zero, Vector256.LoadUnsafe(ref zr, (nuint)last) - shift).StoreUnsafe(ref er, (nuint)last);
            maxima[r] = m;
        }
        VectorMath.ExpNonPositive(e.Slice(0, count * stride), e.Slice(0, count * stride));
        for (int r = 0; r < count; r++)
        {
            ref double er = ref Unsafe.Add(ref e0, r * stride);
            var sum = Vector256.ConditionalSelect(padding, Vector256<double>.Zero, Vector256.LoadUnsafe(ref er, (nuint)last));
            sum.StoreUnsafe(ref er, (nuint)last);
            for (int k = 0; k < last; k += 4)
            {
                sum += Vector256.LoadUnsafe(ref er, (nuint)k);
            }
            var pair = sum.GetLower() + sum.GetUpper();
            sums[r] = pair.ToScalar() + pair.GetElement(1);
        }
    }

    /// <summary>Most rows <see cref="CrossEntropyBlock"/> takes at once.</summary>
    public const int MaximumBlockRows = 64;
}
