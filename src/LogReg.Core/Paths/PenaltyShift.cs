using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// The softmax is unchanged when one feature's coefficients in every class move by the same c; only the penalty sees
/// it. The c that minimises Σₖ[(1 − α)/2·(βₖ − c)² + α|βₖ − c|] (the mean for ridge, a median for the lasso) moves the
/// coefficients along a direction the per-class steps cross only slowly — glmnet's <c>elc</c> does the same.
/// </summary>
internal static class PenaltyShift
{
    /// <summary>The minimising c for <paramref name="values"/> (K coefficients of one feature), or 0 if none improves on c = 0.</summary>
    public static double Of(double[] values, double alpha)
    {
        // Called for every feature in play after every round over the classes: no allocation, and none of the work when
        // the feature is out of every class (c = 0 is then the minimiser).
        if (ZeroMinimises(values, alpha))
        {
            return 0;
        }
        Span<double> sorted = values.Length <= 64 ? stackalloc double[values.Length] : new double[values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        double sum = 0;
        foreach (double v in sorted)
        {
            sum += v;
        }
        double best = Breakpoint(sorted, sum, alpha, 1 - alpha);
        return Penalty(values, best, alpha) < Penalty(values, 0, alpha) ? best : 0;
    }

    /// <summary>
    /// Moves each of <paramref name="columns"/>' K coefficients together by their minimising c (<see cref="Of"/>), along the
    /// direction the softmax cannot see; the c are written into <paramref name="shift"/> (zero elsewhere). Whether any moved.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ApplyToAll(double[][] beta, int[] columns, double alpha, double[] shift)
    {
        bool moved = false;
        var values = new double[beta.Length];
        Array.Clear(shift);
        foreach (int j in columns)
        {
            for (int k = 0; k < beta.Length; k++)
            {
                values[k] = beta[k][j];
            }
            double c = Of(values, alpha);
            shift[j] = c;
            if (c != 0)
            {
                for (int k = 0; k < beta.Length; k++)
                {
                    beta[k][j] -= c;
                }
                moved = true;
            }
        }
        return moved;
    }

    // Whether c = 0 meets the optimality condition — the derivative's jump at 0, from (1 − α)(−Σβ) + α(#below − #above − #at)
    // to that + 2α·#at, spans zero — as it does for every feature in play but in few classes (the lasso's median is 0 while
    // half the coefficients are): the minimiser found without sorting. The function is convex, so 0 is then the minimum.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ZeroMinimises(double[] values, double alpha)
    {
        double sum = 0;
        int below = 0, above = 0;
        foreach (double v in values)
        {
            sum += v;
            below += v < 0 ? 1 : 0;
            above += v > 0 ? 1 : 0;
        }
        int at = values.Length - below - above;
        double lower = -(1 - alpha) * sum + alpha * (below - above - at);
        return lower <= 0 && lower + 2 * alpha * at >= 0;
    }

    // The derivative (1 − α)(K·c − Σβ) + α(#below − #above) is increasing: between two sorted values it is linear, at a
    // value it jumps by 2α per copy.
    private static double Breakpoint(ReadOnlySpan<double> sorted, double sum, double alpha, double ridge)
    {
        int count = sorted.Length;
        for (int below = 0; below <= count; below++)
        {
            double low = below == 0 ? double.NegativeInfinity : sorted[below - 1];
            double high = below == count ? double.PositiveInfinity : sorted[below];
            if (ridge > 0)
            {
                double c = (ridge * sum + alpha * (count - 2 * below)) / (ridge * count);
                if (c > low && c < high)
                {
                    return c;
                }
            }
            if (below < count)
            {
                // The run of values equal to this one, in the sorted order: those before it are below.
                double at = sorted[below];
                int less = below, end = below + 1;
                while (less > 0 && sorted[less - 1] == at)
                {
                    less--;
                }
                while (end < count && sorted[end] == at)
                {
                    end++;
                }
                int equal = end - less;
                double lower = ridge * (count * at - sum) + alpha * (less - (count - less - equal) - equal);
                if (lower <= 0 && lower + 2 * alpha * equal >= 0)
                {
                    return at;
                }
            }
        }
        return 0;
    }

    private static double Penalty(double[] values, double c, double alpha)
    {
        double total = 0;
        foreach (double v in values)
        {
            total += (1 - alpha) / 2 * (v - c) * (v - c) + alpha * Math.Abs(v - c);
        }
        return total;
    }
}
