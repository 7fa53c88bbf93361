using LogReg.Core.Data;

namespace LogReg.Core.Separation;

/// <summary>
/// A better-conditioned copy of a dense design for a second interior-point solve. A column whose values sit far from 0
/// compared with their spread (Unix times, calendar years) is, once scaled to max |x| = 1, nearly the intercept column:
/// the normal matrices of <see cref="MinimumMarginProgram"/> then lose most of their digits to cancellation and the
/// iterates stall short of a provable candidate. Here such a column is shifted by a centre c near its midrange — a float
/// within a factor of 2 of every value, so each x − c is exact in single precision (Sterbenz) — which keeps the
/// separating hyperplanes and removes the near-collinearity. A direction found on the copy is mapped back to the
/// original columns, where the certificates check it; nothing is trusted from the copy.
/// </summary>
internal sealed class ShiftedColumns
{
    // Shifted when |midrange| is above this multiple of the half-range (the scaled column spans less than [0.6, 1]).
    private const double Offset = 4;

    private readonly double[] _centres;

    private ShiftedColumns(TrainingSet data, double[] centres)
    {
        Data = data;
        _centres = centres;
    }

    /// <summary>The copy with the shifted columns (the others as they were).</summary>
    public TrainingSet Data { get; }

    /// <summary>The centre subtracted from feature <paramref name="j"/> (0 when it was not shifted).</summary>
    public double Centre(int j) => _centres[j];

    /// <summary>The copy, or null when the design is sparse or no column is far enough from 0 to need it.</summary>
    public static ShiftedColumns? Of(TrainingSet data)
    {
        if (data.Features is not DenseMatrix dense)
        {
            return null;
        }
        int n = dense.RowCount, d = dense.ColumnCount;
        var low = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        for (int i = 0; i < n; i++)
        {
            var row = dense.Row(i);
            for (int j = 0; j < d; j++)
            {
                low[j] = Math.Min(low[j], row[j]);
                high[j] = Math.Max(high[j], row[j]);
            }
        }
        var centres = new double[d];
        for (int j = 0; j < d; j++)
        {
            double middle = 0.5 * (low[j] + high[j]), half = 0.5 * (high[j] - low[j]);
            centres[j] = n > 0 && Math.Abs(middle) > Offset * half ? (float)middle : 0;
        }
        if (centres.All(c => c == 0))
        {
            return null;
        }
        var values = new float[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            var row = dense.Row(i);
            for (int j = 0; j < d; j++)
            {
                values[(long)i * d + j] = (float)(row[j] - centres[j]);
            }
        }
        var shifted = new TrainingSet(new DenseMatrix(n, d, values), data.Labels, data.ExampleWeights, data.FeatureNames);
        return new ShiftedColumns(shifted, centres);
    }

    /// <summary>
    /// The direction of <paramref name="shifted"/> (a design over <see cref="Data"/>) as a direction of
    /// <paramref name="original"/>: the same hyperplane, Σⱼ β′ⱼ(xⱼ − cⱼ)/σ′ⱼ + β′₀ = Σⱼ βⱼxⱼ/σⱼ + β₀.
    /// </summary>
    public double[] MapBack(double[] beta, SignedDesign original, SignedDesign shifted)
    {
        int d = _centres.Length;
        var mapped = new double[d + 1];
        double intercept = beta[d];
        for (int j = 0; j < d; j++)
        {
            mapped[j] = beta[j] * original.Scale(j) / shifted.Scale(j);
            intercept -= beta[j] * _centres[j] / shifted.Scale(j);
        }
        mapped[d] = intercept;
        return mapped;
    }

    /// <summary>
    /// Parameters θ = (w, b) of a linear model on the original columns as parameters on the shifted ones: the same
    /// margins, w·x + b = w·(x − c) + (b + c·w).
    /// </summary>
    public double[] ToShifted(IReadOnlyList<double> theta) => MoveBias(theta, +1);

    /// <summary>The inverse of <see cref="ToShifted"/>: b = b′ − c·w.</summary>
    public double[] FromShifted(IReadOnlyList<double> shiftedTheta) => MoveBias(shiftedTheta, -1);

    private double[] MoveBias(IReadOnlyList<double> theta, int sign)
    {
        var moved = theta.ToArray();
        int d = _centres.Length;
        for (int j = 0; j < d; j++)
        {
            moved[d] += sign * _centres[j] * theta[j];
        }
        return moved;
    }

    /// <summary>
    /// A covariance of the shifted parameters (row-major, (w, b) order) as one of the original ones: with θ = A·θ′,
    /// A = [[I, 0], [−cᵀ, 1]], it is A·C′·Aᵀ.
    /// </summary>
    public double[] CovarianceFromShifted(double[] covariance)
    {
        int d = _centres.Length, k = d + 1;
        // Rows: (A·C′)ᵢ = C′ᵢ for weights, C′_b − Σⱼ cⱼ·C′ⱼ for the bias; then the same on columns.
        var left = (double[])covariance.Clone();
        for (int col = 0; col < k; col++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                sum += _centres[j] * covariance[j * k + col];
            }
            left[d * k + col] -= sum;
        }
        var result = (double[])left.Clone();
        for (int row = 0; row < k; row++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                sum += _centres[j] * left[row * k + j];
            }
            result[row * k + d] -= sum;
        }
        return result;
    }
}
