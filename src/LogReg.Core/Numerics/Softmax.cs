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

    /// <summary>ln Σₖ e^(zₖ), without overflow.</summary>
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }
        double sum = 0;
        foreach (double v in z)
        {
            sum += Math.Exp(v - max);
        }
        return max + Math.Log(sum);
    }
}
