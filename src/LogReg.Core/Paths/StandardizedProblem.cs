using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The path's dense data: each column centred (and scaled) once, as doubles; each λ solved in glmnet's covariance form
/// while few columns are in play, over the rows beyond that.
/// </summary>
internal sealed partial class StandardizedProblem : PathProblem
{
    // Up to this many screened-in columns the covariance form's m² inner products (8 MB here) beat sweeps over the rows.
    internal const int CovarianceColumns = 1000;

    private readonly double[][] _columns;
    private float[] _selected = [];
    private int[] _selectedColumns = [];
    private int[] _lastColumns = [];
    private bool _sweepsCrawled;

    // A column whose mean is more than this many times its spread has its Gram's products taken about its mean: summed raw
    // and centred afterwards, they cancel to noise — an outside tester's column at 1e8 stored as floats (steps of 8, spread
    // about 3) gave a curvature so far off that null-direction steps grew coefficients to 1e304 and the fit failed on a NaN.
    // Below it (0/1 and count columns) the raw products keep their zeros, which the extensions skip.
    private const double ShiftedSpread = 16;

    private readonly double[] _gramShifts;
    private readonly bool _anyShift;

    private StandardizedProblem(TrainingSet source, double[][] columns, double[] weights, double[] rawWeights, double[] means, double[] scales,
        double[] gramShifts)
        : base(source, weights, rawWeights, means, scales)
    {
        _columns = columns;
        _gramShifts = gramShifts;
        _anyShift = gramShifts.Any(s => s != 0);
    }

    public override double GramShift(int j) => _gramShifts[j];

    // The shifts of the listed columns, or null when none has one.
    private double[]? ShiftsOf(int[] columns) => _anyShift && columns.Any(j => _gramShifts[j] != 0) ? columns.Select(j => _gramShifts[j]).ToArray() : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StandardizedProblem Of(TrainingSet data, bool standardize)
    {
        int n = data.RowCount, d = data.FeatureCount;
        var (raw, weights) = PathWeights.Of(data);
        var columns = Enumerable.Range(0, d).Select(_ => new double[n]).ToArray();
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            data.Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                columns[j][i] = row[j];
            }
        }
        var means = new double[d];
        var scales = new double[d];
        var shifts = new double[d];
        for (int j = 0; j < d; j++)
        {
            var x = columns[j];
            double mean = VectorKernels.Dot(weights, x), variance = 0;
            bool varies = Varies(x, weights);
            for (int i = 0; i < n; i++)
            {
                // A constant column's centred values are rounding (the weights sum to 1 only to an ulp): exactly zero instead.
                x[i] = varies ? x[i] - mean : 0;
                variance += weights[i] * x[i] * x[i];
            }
            double scale = standardize ? Math.Sqrt(variance) : 1;
            if (variance > 0 && scale != 1)
            {
                for (int i = 0; i < n; i++)
                {
                    x[i] /= scale;
                }
            }
            (means[j], scales[j]) = (mean, variance > 0 ? scale : 0);
            shifts[j] = variance > 0 && Math.Abs(mean) > ShiftedSpread * Math.Sqrt(variance) ? mean : 0;
        }
        return new StandardizedProblem(data, columns, weights, raw, means, scales, shifts);
    }

    // Whether two rows with weight hold different values (glmnet's test, exact; a variance computed in floating point is not).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Varies(double[] x, double[] weights)
    {
        int first = Array.FindIndex(weights, w => w > 0);
        for (int i = first + 1; first >= 0 && i < x.Length; i++)
        {
            if (weights[i] > 0 && x[i] != x[first])
            {
                return true;
            }
        }
        return false;
    }

    // All columns in order are the matrix's own rows. Other screened-in columns asked for twice running (the binary path's
    // Newton steps and λ) are copied row-major into a buffer reused from one call to the next (a path solves a hundred
    // λ; a fresh copy each time cost most of its allocations) and kept while the columns stay the same; a set asked for
    // once (the multinomial path's classes, in turn) is gathered from the rows as the Gram is formed.
    public override void AddRawGram(int[] columns, double[] v, double[] upper)
    {
        var matrix = (DenseMatrix)Source.Features;
        if (ShiftsOf(columns) is { } shifts)
        {
            matrix.AddWeightedGram(columns, v, upper, shifts);
            return;
        }
        if (columns.Length == matrix.ColumnCount && IsEveryColumnInOrder(columns))
        {
            matrix.AddWeightedGram(0, RowCount, v, upper);
            return;
        }
        bool repeated = columns.AsSpan().SequenceEqual(_lastColumns);
        if (!repeated)
        {
            _lastColumns = (int[])columns.Clone();
        }
        if (repeated || columns.AsSpan().SequenceEqual(_selectedColumns))
        {
            DenseGramKernel.AddWeightedGram(SelectedRows(columns), columns.Length, 0, RowCount, v, upper);
        }
        else
        {
            matrix.AddWeightedGram(columns, v, upper);
        }
    }

    // Each new column's products with every column are summed a row at a time into a row of its own, eight at once, and
    // added to the Gram at the end: the entries are the same products added in the same order as a pair at a time, bit for
    // bit, and a row whose new value is zero (most rows of one-hot or 0/1 columns) is skipped. A pair at a time, the
    // extensions had come to a fifth of mlbench DNA's path (3,186 rows × 180 0/1 columns).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddRawGramCrossing(int[] columns, bool[] isNew, double[] v, double[] upper)
    {
        var matrix = (DenseMatrix)Source.Features;
        int m = columns.Length, stride = m + 1;
        var added = Enumerable.Range(0, m).Where(a => isNew[a]).ToArray();
        var crossing = new double[added.Length * m];
        var interceptCrossing = new double[added.Length];
        var x = new double[m];
        var shifts = ShiftsOf(columns);
        for (int i = 0; i < RowCount; i++)
        {
            var row = matrix.Row(i);
            for (int a = 0; a < m; a++)
            {
                x[a] = row[columns[a]] - (shifts is null ? 0 : shifts[a]);
            }
            for (int c = 0; c < added.Length; c++)
            {
                double wx = v[i] * x[added[c]];
                if (wx != 0)
                {
                    interceptCrossing[c] += wx;
                    VectorKernels.AddScaled(x, wx, crossing.AsSpan(c * m, m));
                }
            }
        }
        for (int c = 0; c < added.Length; c++)
        {
            int a = added[c];
            upper[a * stride + m] += interceptCrossing[c];
            for (int b = 0; b < m; b++)
            {
                // A pair of new columns is taken from its earlier position's row only.
                if (b < a && isNew[b])
                {
                    continue;
                }
                upper[b < a ? b * stride + a : a * stride + b] += crossing[c * m + b];
            }
        }
    }

    public override void AddRawGramOfRows(int[] columns, int[] rows, double[] weights, double[] upper) =>
        ((DenseMatrix)Source.Features).AddWeightedGram(columns, rows, weights, upper, ShiftsOf(columns));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsEveryColumnInOrder(int[] columns)
    {
        for (int a = 0; a < columns.Length; a++)
        {
            if (columns[a] != a)
            {
                return false;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float[] SelectedRows(int[] columns)
    {
        int m = columns.Length;
        if (columns.AsSpan().SequenceEqual(_selectedColumns))
        {
            return _selected;
        }
        if (_selected.Length < RowCount * m)
        {
            // Room for twice the columns (at most all of them): grown one column at a time, as a lasso path adds them, the
            // copies were 30 MB of large objects a path on spam (4,601 rows × 57).
            _selected = PooledArray.Rent<float>((long)RowCount * Math.Min(FeatureCount, Math.Max(m, 2 * _selectedColumns.Length)));
        }
        var matrix = (DenseMatrix)Source.Features;
        for (int i = 0; i < RowCount; i++)
        {
            var row = matrix.Row(i);
            int at = i * m;
            for (int a = 0; a < m; a++)
            {
                _selected[at + a] = row[columns[a]];
            }
        }
        _selectedColumns = (int[])columns.Clone();
        return _selected;
    }

    public override void ReleaseArrays()
    {
        base.ReleaseArrays();
        PooledArray.Return(_selected);
        (_selected, _selectedColumns) = ([], []);
    }

    /// <summary>The standardised column j (centred; scaled when standardising).</summary>
    public double[] Column(int j) => _columns[j];

    public override double ColumnDot(int j, double[] r, double sum) => VectorKernels.Dot(_columns[j], r);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void LinearPart(double[] beta, double intercept, double[] eta, int[]? support = null)
    {
        Array.Fill(eta, intercept);
        foreach (int j in support ?? AllColumns(beta.Length))
        {
            if (beta[j] != 0)
            {
                VectorKernels.AddScaled(_columns[j], beta[j], eta);
            }
        }
    }

    // Columns beyond the rows, or more than CovarianceColumns of them, are swept over the rows until the sweeps crawl;
    // then that λ, and every later solve of this problem whose columns fit, takes the covariance form (whose Gram is then
    // singular on columns beyond the rows, which its exact step's factorisation allows).
    protected override double SolveOver(int[] columns, double[] beta, double intercept, double lambda, double alpha, double threshold,
        int newtonSteps)
    {
        var form = FormFor(columns.Length, RowCount, _sweepsCrawled);
        if (form == SolveForm.Covariance)
        {
            return CovarianceCoordinateDescent.Solve(this, columns, beta, intercept, lambda, alpha, threshold, newtonSteps);
        }
        var (swept, stepsLeft) = NaiveCoordinateDescent.Solve(this, columns, beta, intercept, lambda, alpha, threshold, newtonSteps,
            mayHandOver: form == SolveForm.SweepsThenCovariance);
        if (stepsLeft == 0)
        {
            return swept;
        }
        _sweepsCrawled = true;
        return CovarianceCoordinateDescent.Solve(this, columns, beta, swept, lambda, alpha, threshold, stepsLeft);
    }
}
