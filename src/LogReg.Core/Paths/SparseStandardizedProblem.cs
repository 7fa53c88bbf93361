using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>
/// The path's sparse data: the stored values by column (CSC, doubles), never centred — x̃ⱼ = (xⱼ − μⱼ)/σⱼ is applied in
/// every sum, so a pass costs the stored values, not rows × columns (glmnet's sparse form).
/// </summary>
internal sealed class SparseStandardizedProblem : PathProblem
{
    // Fewer than the dense problem's 1,000: the sparse Gram is cheap, but the exact solve's Cholesky (m³/3) is not, and on
    // the 20,000 × 2,000 benchmark the path at 1e-16 took 1.1–1.2 s with 100 or 400 here and 2.2 s with 1,000.
    private const int CovarianceColumns = 400;

    private int[] _position = [];

    private SparseStandardizedProblem(TrainingSet source, int[] start, int[] rows, double[] values, double[] weights, double[] rawWeights,
        double[] means, double[] scales)
        : base(source, weights, rawWeights, means, scales)
    {
        (ColumnStart, ColumnRows, ColumnValues) = (start, rows, values);
    }

    /// <summary>Where column j's entries begin in <see cref="ColumnRows"/> and <see cref="ColumnValues"/> (d + 1 offsets).</summary>
    public int[] ColumnStart { get; }

    public int[] ColumnRows { get; }

    public double[] ColumnValues { get; }

    public static SparseStandardizedProblem Of(TrainingSet data, bool standardize)
    {
        var matrix = (SparseMatrix)data.Features;
        int n = data.RowCount, d = data.FeatureCount;
        var (raw, weights) = WeightsOf(data);
        var start = new int[d + 1];
        for (int i = 0; i < n; i++)
        {
            foreach (int j in matrix.RowIndices(i))
            {
                start[j + 1]++;
            }
        }
        for (int j = 0; j < d; j++)
        {
            start[j + 1] += start[j];
        }
        var rows = new int[start[d]];
        var values = new double[start[d]];
        var next = start[..d];
        var sum = new double[d];
        var squares = new double[d];
        for (int i = 0; i < n; i++)
        {
            var indices = matrix.RowIndices(i);
            var stored = matrix.RowValues(i);
            for (int k = 0; k < indices.Length; k++)
            {
                int j = indices[k], at = next[j]++;
                (rows[at], values[at]) = (i, stored[k]);
                sum[j] += weights[i] * stored[k];
                squares[j] += weights[i] * (double)stored[k] * stored[k];
            }
        }
        var scales = new double[d];
        for (int j = 0; j < d; j++)
        {
            double variance = squares[j] - sum[j] * sum[j];
            // Rounding can leave a constant column a variance of a few ulps of its square: that is no variance.
            bool varies = variance > 1e-13 * squares[j];
            scales[j] = !varies ? 0 : standardize ? Math.Sqrt(variance) : 1;
        }
        return new SparseStandardizedProblem(data, start, rows, values, weights, raw, sum, scales);
    }

    /// <summary>Σᵢ xᵢⱼ·rᵢ over the stored values of column j (no centring).</summary>
    public double RawDot(int j, double[] r)
    {
        double total = 0;
        for (int k = ColumnStart[j]; k < ColumnStart[j + 1]; k++)
        {
            total += ColumnValues[k] * r[ColumnRows[k]];
        }
        return total;
    }

    public override double ColumnDot(int j, double[] r, double sum) => (RawDot(j, r) - Means[j] * sum) / Scales[j];

    public override void LinearPart(double[] beta, double intercept, double[] eta)
    {
        Array.Clear(eta);
        double shift = intercept;
        for (int j = 0; j < beta.Length; j++)
        {
            if (beta[j] == 0)
            {
                continue;
            }
            double coefficient = beta[j] / Scales[j];
            shift -= coefficient * Means[j];
            for (int k = ColumnStart[j]; k < ColumnStart[j + 1]; k++)
            {
                eta[ColumnRows[k]] += coefficient * ColumnValues[k];
            }
        }
        for (int i = 0; i < eta.Length; i++)
        {
            eta[i] += shift;
        }
    }

    // As the dense problem: the covariance form (with its exact active-set solve) while few columns are in play — on
    // correlated columns plain sweeps settle the last digits slowly — and sweeps over the stored values beyond that.
    public override double Solve(int[] columns, double[] beta, double intercept, double lambda, double alpha, double threshold,
        int newtonSteps = int.MaxValue) =>
        columns.Length <= Math.Min(RowCount, CovarianceColumns)
            ? CovarianceCoordinateDescent.Solve(this, columns, beta, intercept, lambda, alpha, threshold, newtonSteps)
            : SparseCoordinateDescent.Solve(this, columns, beta, intercept, lambda, alpha, threshold, newtonSteps);

    public override void AddRawGram(int[] columns, double[] v, double[] upper)
    {
        int m = columns.Length, stride = m + 1;
        if (_position.Length != FeatureCount)
        {
            _position = new int[FeatureCount];
        }
        Array.Fill(_position, -1);
        for (int a = 0; a < m; a++)
        {
            _position[columns[a]] = a;
        }
        var matrix = (SparseMatrix)Source.Features;
        var found = new (int At, double X)[m];
        for (int i = 0; i < RowCount; i++)
        {
            int count = 0;
            var indices = matrix.RowIndices(i);
            var stored = matrix.RowValues(i);
            for (int k = 0; k < indices.Length; k++)
            {
                if (_position[indices[k]] is int a and >= 0)
                {
                    found[count++] = (a, stored[k]);
                }
            }
            double vi = v[i];
            for (int p = 0; p < count; p++)
            {
                var (a, x) = found[p];
                double wx = vi * x;
                upper[a * stride + m] += wx;
                for (int r = 0; r < count; r++)
                {
                    // The upper triangle only: each unordered pair once, the diagonal once.
                    if (found[r].At >= a)
                    {
                        upper[a * stride + found[r].At] += wx * found[r].X;
                    }
                }
            }
            upper[m * stride + m] += vi;
        }
    }
}
