using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>
/// A fold path's held-out rows scored at each point as the path solves it, so the fold need not keep the point: on wide
/// text a multinomial ridge point holds every class's coefficient of every feature (29 MB a λ on the 181,627 features of
/// ML.NET's GitHub-issues sample), and folds that kept their 100 points each could not be cross-validated in 24 GB. The
/// probabilities are those <see cref="PathInterpolation"/> gives at a point's own λ, bit for bit.
/// </summary>
/// <param name="features">Every row's features, the held-out ones among them.</param>
/// <param name="rows">The held-out rows.</param>
/// <param name="classes">The number of classes (K) of a softmax model; 1 for the binary family's sigmoid (one intercept
/// and coefficient vector, the probabilities of class 0 and class 1).</param>
/// <param name="scored">Told each point's index on the path and the held-out rows' class probabilities there.</param>
internal sealed class HeldOutPointScorer(DesignMatrix features, int[] rows, int classes, Action<int, double[][]> scored)
{
    /// <summary>
    /// The point's K coefficient vectors on the features' own scale, dense, which the path fills
    /// (<see cref="PathProblem.OriginalScaleInto"/>) before <see cref="Score"/>; zero between points.
    /// </summary>
    public double[][] Coefficients { get; } = Enumerable.Range(0, classes).Select(_ => new double[features.ColumnCount]).ToArray();

    /// <summary>Scores point <paramref name="index"/>: its K intercepts (−∞ for a class without weight; one, binary) and
    /// <see cref="Coefficients"/>, which hold non-zeros only at <paramref name="columns"/> and are cleared there after.</summary>
    public void Score(int index, double[] intercepts, int[] columns)
    {
        var probabilities = classes == 1
            ? PathInterpolation.Sigmoid(features, rows, intercepts[0], Coefficients[0])
            : PathInterpolation.Softmax(features, rows, intercepts, Coefficients);
        foreach (var dense in Coefficients)
        {
            foreach (int j in columns)
            {
                dense[j] = 0;
            }
        }
        scored(index, probabilities);
    }
}
