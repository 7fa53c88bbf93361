namespace LogReg.Core.Paths;

// A solution of the standardised problem on the features' own scale: βⱼ/sⱼ, and the intercept less Σ (βⱼ/sⱼ)·mⱼ.
internal abstract partial class PathProblem
{
    /// <summary>
    /// The non-zero coefficients on the features' own scale (features increasing) and the intercept: <paramref name="columns"/>
    /// (increasing) holds every non-zero one, and a point costs them rather than every feature. <paramref name="sameAs"/>, another
    /// class's features among the same columns, is taken as it is when this class's are the same (a ridge's classes all hold
    /// every column in play: 22 copies of 181,627 indices a text path's point).
    /// </summary>
    public (int[] Features, double[] Values, double Intercept) OriginalScale(double[] beta, double intercept, int[] columns, int[]? sameAs = null)
    {
        var features = sameAs is not null && columns.Count(j => beta[j] != 0) == sameAs.Length && sameAs.All(j => beta[j] != 0)
            ? sameAs
            : columns.Where(j => beta[j] != 0).ToArray();
        var values = new double[features.Length];
        double b = intercept;
        for (int e = 0; e < features.Length; e++)
        {
            int j = features[e];
            values[e] = beta[j] / Scales[j];
            b -= values[e] * Means[j];
        }
        return (features, values, b);
    }

    /// <summary>
    /// <see cref="OriginalScale"/>'s values written into <paramref name="dense"/> at their features (its other entries are left
    /// as they are), with the same arithmetic, and its intercept returned: a fold scoring its held-out rows at a point
    /// (<see cref="HeldOutPointScorer"/>) needs the dense vectors, not 29 MB of fresh arrays a λ on wide text.
    /// </summary>
    public double OriginalScaleInto(double[] beta, double intercept, int[] columns, double[] dense)
    {
        double b = intercept;
        foreach (int j in columns)
        {
            if (beta[j] != 0)
            {
                dense[j] = beta[j] / Scales[j];
                b -= dense[j] * Means[j];
            }
        }
        return b;
    }
}
