using LogReg.Core.Data;

namespace LogReg.Core.Training;

/// <summary>
/// What Auto reads from sparse rows in memory to choose the softmax's optimizer (<see cref="OptimizerCatalog.ResolveSoftmax"/>),
/// made in one pass over the stored values.
/// </summary>
/// <param name="ValueSpan">The largest stored |x| over the smallest non-zero one (1 when there is none).</param>
/// <param name="RowNormSpread">The largest squared row norm ‖xᵢ‖² over the smallest, over rows of positive weight with a
/// non-zero value (1 when there is none): 1 on rows normalised as ML.NET's <c>FeaturizeText</c> leaves them.</param>
/// <param name="StoredValuesPerColumn">Stored values per feature column.</param>
/// <param name="RowsPerColumn">Rows of positive weight with a non-zero value, per feature column.</param>
/// <param name="WeightedSquaredNorm">Σ sᵢ‖xᵢ‖² over the rows (sᵢ the example weight): the trace of XᵀSX.</param>
public readonly record struct SparseRowShape(double ValueSpan, double RowNormSpread, double StoredValuesPerColumn, double RowsPerColumn, double WeightedSquaredNorm)
{
    /// <summary>The shape of these rows under these example weights (null: all 1).</summary>
    public static SparseRowShape Of(SparseMatrix features, IReadOnlyList<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(features);
        double smallestNorm = double.PositiveInfinity, largestNorm = 0, total = 0;
        int rows = 0;
        for (int i = 0; i < features.RowCount; i++)
        {
            double squares = 0;
            foreach (float v in features.RowValues(i))
            {
                squares += (double)v * v;
            }
            double weight = weights?[i] ?? 1;
            if (weight > 0 && squares > 0)
            {
                (smallestNorm, largestNorm) = (Math.Min(smallestNorm, squares), Math.Max(largestNorm, squares));
                total += weight * squares;
                rows++;
            }
        }
        double columns = Math.Max(1, features.ColumnCount);
        return new SparseRowShape(
            features.ValueSpan(),
            largestNorm > 0 ? largestNorm / smallestNorm : 1,
            features.StoredValueCount / columns,
            rows / columns,
            total);
    }

    /// <summary>
    /// The scale of the softmax's curvature at the start against the L2 penalty's: Σ sᵢ‖xᵢ‖² / (K·L2) (+∞ without L2).
    /// At W = 0 with equal biases the Hessian is (diag(p) − ppᵀ) ⊗ XᵀSX + L2·I with p = 1/K, whose largest eigenvalue is at
    /// most trace(XᵀSX)/K + L2: this ratio plus 1 bounds its condition number there.
    /// </summary>
    public double CurvatureOverPenalty(int classes, double l2) =>
        l2 > 0 ? WeightedSquaredNorm / (classes * l2) : double.PositiveInfinity;
}
