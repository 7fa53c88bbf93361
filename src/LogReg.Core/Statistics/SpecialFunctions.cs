namespace LogReg.Core.Statistics;

/// <summary>
/// The few special functions the coefficient statistics need, accurate to ~1e-14 relative:
/// erfc (two-sided normal p-values), ln Γ, and the regularised upper incomplete gamma Q (chi-square
/// tail for the likelihood-ratio test).
/// </summary>
internal static class SpecialFunctions
{
    private const double SqrtPi = 1.7724538509055160273;

    /// <summary>The 0.975 quantile of the standard normal (95% two-sided intervals).</summary>
    public const double Normal975 = 1.959963984540054;

    /// <summary>
    /// erfc(x) = 1 − erf(x). For |x| &lt; 2.5 from the series erf(x) = (2x/√π)·e^(−x²)·Σ (2x²)ⁿ/(1·3···(2n+1))
    /// (positive terms, no cancellation); above, from the continued fraction
    /// erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))), evaluated by Lentz's method.
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }
        if (x < 2.5)
        {
            double x2 = x * x;
            double term = 1.0, sum = 1.0;
            for (int n = 1; n < 200; n++)
            {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum)
                {
                    break;
                }
            }
            double erf = 2 * x / SqrtPi * Math.Exp(-x2) * sum;
            return 1.0 - erf;
        }
        if (x > 27)
        {
            return 0.0; // below the smallest double
        }
        // Lentz: f = x + a1/(x + a2/(x + …)), a_k = k/2.
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k * 0.5;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(-x * x) / (SqrtPi * f);
    }

    /// <summary>P(|Z| ≥ |z|) for a standard normal Z.</summary>
    public static double TwoSidedNormalPValue(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; ~1e-15 relative).</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is evaluated for x > 0 only.");
        }
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        ReadOnlySpan<double> g = stackalloc double[]
        {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7,
        };
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++)
        {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>
    /// Q(a, x) = Γ(a, x)/Γ(a), the regularised upper incomplete gamma function: series for P when
    /// x &lt; a + 1, continued fraction for Q otherwise.
    /// </summary>
    public static double RegularizedUpperGamma(double a, double x)
    {
        if (!(a > 0) || x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"Q(a, x) needs a > 0 and x ≥ 0; got a = {a}, x = {x}.");
        }
        if (x == 0)
        {
            return 1;
        }
        double logPrefix = -x + a * Math.Log(x) - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a, sum = term;
            for (int n = 1; n < 10_000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }
            return 1 - sum * Math.Exp(logPrefix);
        }
        const double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(logPrefix) * h;
    }

    /// <summary>P(χ²_df ≥ x) (df = 0: the point mass at 0).</summary>
    public static double ChiSquareSurvival(double x, double degreesOfFreedom) =>
        x <= 0 ? 1.0 : degreesOfFreedom == 0 ? 0.0 : RegularizedUpperGamma(degreesOfFreedom / 2, x / 2);
}
