namespace LogReg.Compare;

/// <summary>Mean and standard deviation (n − 1 in the denominator) over folds.</summary>
public readonly record struct MeanSd(double Mean, double Sd)
{
    /// <summary>The mean and sample standard deviation of <paramref name="values"/>.</summary>
    public static MeanSd Of(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MeanSd(mean, sd);
    }

    /// <summary>"mean ± sd", both in <paramref name="format"/>, invariant culture.</summary>
    public string Format(string format) =>
        $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {Sd.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
}
