namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial path's points as it solves them, by index (a point solved again replaces its first solution): each
/// class's non-zero coefficients on the features' own scale, the K intercepts centred as glmnet reports them, the features
/// in use and the deviance ratio — or, for a fold scoring its held-out rows (<see cref="HeldOutPointScorer"/>), the point
/// handed to the scorer and kept without its coefficients.
/// </summary>
/// <param name="problem">The path's standardised problem.</param>
/// <param name="present">Which classes have weight.</param>
/// <param name="scorer">Or null: the points are kept whole.</param>
internal sealed class MultinomialPathPoints(PathProblem problem, bool[] present, HeldOutPointScorer? scorer)
{
    private readonly List<(double Lambda, double[] Intercepts, int[][] Features, double[][] Values, int NonZero, double Ratio)> _points = [];

    /// <summary>The number of points solved.</summary>
    public int Count => _points.Count;

    /// <summary>Point <paramref name="index"/>'s deviance ratio.</summary>
    public double Ratio(int index) => _points[index].Ratio;

    /// <summary>The intercepts-only model (the path's first point at its own λ_max).</summary>
    public void AddNull(double lambda, double[] intercepts)
    {
        var centred = Centred(intercepts);
        scorer?.Score(0, centred, []);
        _points.Add((lambda, centred, Nothing<int>(), Nothing<double>(), 0, 0));
    }

    /// <summary>Point <paramref name="index"/> (added, or replacing the one there) from the standardised solution:
    /// <paramref name="columns"/> (increasing) hold every non-zero coefficient.</summary>
    public void Set(int index, double lambda, double[][] beta, double[] intercepts, int[] columns, int nonZero, double ratio)
    {
        int classes = beta.Length;
        var original = new double[classes];
        var (features, values) = scorer is null ? (new int[classes][], new double[classes][]) : (Nothing<int>(), Nothing<double>());
        for (int k = 0; k < classes; k++)
        {
            double intercept = present[k] ? intercepts[k] : 0;
            if (scorer is null)
            {
                (features[k], values[k], original[k]) = problem.OriginalScale(beta[k], intercept, columns, k > 0 ? features[k - 1] : null);
            }
            else
            {
                original[k] = problem.OriginalScaleInto(beta[k], intercept, columns, scorer.Coefficients[k]);
            }
        }
        var centred = Centred(original);
        scorer?.Score(index, centred, columns);
        _points.Put(index, (lambda, centred, features, values, nonZero, ratio));
    }

    /// <summary>The path of the points solved.</summary>
    public MultinomialRegularizationPath ToPath(int featureCount, double nullDeviance, double? unsettled) =>
        new(_points.Select(f => f.Lambda).ToArray(), _points.Select(f => f.Intercepts).ToArray(),
            new MultinomialPathCoefficients(present.Length,
                new PathCoefficients(featureCount, _points.SelectMany(f => f.Features).ToArray(), _points.SelectMany(f => f.Values).ToArray())),
            _points.Select(f => f.NonZero).ToArray(), _points.Select(f => f.Ratio).ToArray(), nullDeviance)
        {
            UnsettledLambda = unsettled,
        };

    // glmnet reports intercepts that sum to zero (the softmax is unchanged by a common shift); absent classes stay −∞.
    private double[] Centred(double[] intercepts)
    {
        double mean = intercepts.Where((_, k) => present[k]).Average();
        return intercepts.Select((b, k) => present[k] ? b - mean : double.NegativeInfinity).ToArray();
    }

    private T[][] Nothing<T>() => Array.ConvertAll(present, _ => Array.Empty<T>());
}
