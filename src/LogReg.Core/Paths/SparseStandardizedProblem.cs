using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The path's sparse data: the stored values by column (CSC; singles, as the rows store them, so exactly the values — half
/// the bytes each pass reads as doubles took), never centred — x̃ⱼ = (xⱼ − μⱼ)/σⱼ is applied in
/// every sum, so a pass costs the stored values, not rows × columns (glmnet's sparse form).
/// </summary>
internal sealed partial class SparseStandardizedProblem : PathProblem
{
    // Fewer than the dense problem's 1,000: the sparse Gram is cheap, but the exact solve's Cholesky (m³/3) is not, and on
    // the 20,000 × 2,000 benchmark the path at 1e-16 took 1.1–1.2 s with 100 or 400 here and 2.2 s with 1,000.
    private const int CovarianceColumns = 400;

    // The covariance form only below this tolerance (glmnet's thresh; the solve's threshold is it × the null deviance per
    // weight). Its exact active-set solve buys the last digits, where sweeps over one-hot columns (collinear with the
    // intercept) settle slowly: 100,000 × 50 one-hot columns at 1e-13 took 0.68 s with it and 1.14 s without, at 1e-11
    // 0.64 s and 0.91 s. At looser tolerances the sweeps settle in a pass or two and the Grams do not pay: at 1e-9 0.73
    // against 0.59 s, at glmnet's 1e-7 0.58 against 0.28 s; the multinomial path at 1e-7 on 1,123 man pages × 367,563
    // FeaturizeText features 23.5 against 18.7 s; a 500 × 3,000 wide CSV's binary path at 1e-7 55 against 14 ms.
    private const double CovarianceTolerance = 1e-10;

    // Where the sweeps crawl (SparseCovarianceChoice) the covariance form pays at looser tolerances too: on ticdata a path at
    // 1e-9 took 12 s and at 1e-10 20 s by sweeps, against 4.7 s at 1e-11. Not at glmnet's 1e-7, where the sweeps settle
    // soon enough (ticdata 1.2 s, against 2.1 s and an early stop with the covariance form).
    private const double CrawlTolerance = 1e-7;

    private double[]? _stored;
    private SparseCovarianceChoice? _covarianceChoice;
    private HeldColumnCurvature? _heldCurvature;
    private StepMargins? _stepMargins;
    private double[]? _coefficients;
    private (double[] Curvature, double[] CrossWeights, double[] Total)? _columnWork;

    private SparseStandardizedProblem(TrainingSet source, int[] start, int[] rows, float[] values, double[] weights, double[] rawWeights,
        double[] means, double[] scales)
        : base(source, weights, rawWeights, means, scales)
    {
        (ColumnStart, ColumnRows, ColumnValues) = (start, rows, values);
    }

    /// <summary>Where column j's entries begin in <see cref="ColumnRows"/> and <see cref="ColumnValues"/> (d + 1 offsets).</summary>
    public int[] ColumnStart { get; }

    public int[] ColumnRows { get; }

    public float[] ColumnValues { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SparseStandardizedProblem Of(TrainingSet data, bool standardize)
    {
        var matrix = (SparseMatrix)data.Features;
        int n = data.RowCount, d = data.FeatureCount;
        var (raw, weights) = PathWeights.Of(data);
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
        var values = new float[start[d]];
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

    /// <summary>
    /// Three work arrays of at least <paramref name="m"/> values (curvatures, cross weights, moves) for a solve over m
    /// columns, the first m the caller's: kept and grown by doubling, since the multinomial path solves each class in turn,
    /// each over its own columns — fresh arrays were most of its allocations (570 of 790 MB a text path).
    /// </summary>
    public (double[] Curvature, double[] CrossWeights, double[] Total) ColumnWork(int m)
    {
        if (_columnWork is not { } work || work.Curvature.Length < m)
        {
            int size = Math.Max(m, 2 * (_columnWork?.Curvature.Length ?? 0));
            _columnWork = work = (new double[size], new double[size], new double[size]);
        }
        return work;
    }

    /// <summary>The binary path's held quadratic model (<see cref="HeldColumnCurvature"/>); null with offsets (the multinomial
    /// rounds' class solves each take one Newton step from a fresh point).</summary>
    public HeldColumnCurvature? HeldCurvature => Offsets is not null ? null : _heldCurvature ??= new HeldColumnCurvature(RowCount, FeatureCount);

    /// <summary>A work array at least as long as the stored values, kept for this problem's solves (which run one at a time);
    /// from the shared pool (<see cref="PooledArray"/>) and back with <see cref="ReleaseArrays"/>.</summary>
    public double[] StoredBuffer() => _stored ??= PooledArray.Rent<double>(ColumnValues.Length);

    /// <summary>Σᵢ xᵢⱼ·rᵢ over the stored values of column j (no centring).</summary>
    public double RawDot(int j, double[] r)
    {
        int from = ColumnStart[j], count = ColumnStart[j + 1] - from;
        return VectorKernels.GatheredDot(ColumnRows.AsSpan(from, count), ColumnValues.AsSpan(from, count), r);
    }

    public override double ColumnDot(int j, double[] r, double sum) => (RawDot(j, r) - Means[j] * sum) / Scales[j];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void LinearPart(double[] beta, double intercept, double[] eta, int[]? support = null)
    {
        double shift = intercept;
        long inPlay = 0;
        support ??= AllColumns(beta.Length);
        foreach (int j in support)
        {
            if (beta[j] != 0)
            {
                shift -= beta[j] / Scales[j] * Means[j];
                inPlay += ColumnStart[j + 1] - ColumnStart[j];
            }
        }
        // With most stored values in play, each row's dot product with the coefficients (a small array that stays in
        // cache) beats scattering columns into the row-length margins.
        if (inPlay * 2 > ColumnValues.Length)
        {
            RowMajorLinearPart(beta, intercept, eta);
            return;
        }
        Array.Fill(eta, shift);
        foreach (int j in support)
        {
            if (beta[j] == 0)
            {
                continue;
            }
            double coefficient = beta[j] / Scales[j];
            int from = ColumnStart[j], count = ColumnStart[j + 1] - from;
            var rows = ColumnRows.AsSpan(from, count);
            var values = ColumnValues.AsSpan(from, count);
            for (int k = 0; k < count; k++)
            {
                eta[rows[k]] += coefficient * SingleWidening.Widen(values[k]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RowMajorLinearPart(double[] beta, double intercept, double[] eta)
    {
        var (coefficients, shift) = RawCoefficients(beta, intercept);
        var matrix = (SparseMatrix)Source.Features;
        for (int i = 0; i < eta.Length; i++)
        {
            eta[i] = shift + VectorKernels.GatheredDot(matrix.RowIndices(i), matrix.RowValues(i), coefficients);
        }
    }

    /// <summary>βⱼ/σⱼ for every column (0 where βⱼ = 0; in an array kept for this problem) and the shift b − Σ βⱼμⱼ/σⱼ: the
    /// coefficients of the stored values, with which a row's margin is the shift plus one dot product over its own values.</summary>
    public (double[] Coefficients, double Shift) RawCoefficients(double[] beta, double intercept)
    {
        var coefficients = _coefficients ??= new double[FeatureCount];
        double shift = intercept;
        for (int j = 0; j < beta.Length; j++)
        {
            coefficients[j] = beta[j] == 0 ? 0 : beta[j] / Scales[j];
            if (beta[j] != 0)
            {
                shift -= beta[j] / Scales[j] * Means[j];
            }
        }
        return (coefficients, shift);
    }

    /// <summary>Row i's margin without offset: <paramref name="shift"/> + Σ over its stored values of xᵢⱼ·coefficientⱼ.</summary>
    public double RowMargin(int i, double[] coefficients, double shift)
    {
        var matrix = (SparseMatrix)Source.Features;
        return shift + VectorKernels.GatheredDot(matrix.RowIndices(i), matrix.RowValues(i), coefficients);
    }

    /// <summary>Margins carried from a Newton step's start to its end (<see cref="Paths.StepMargins"/>).</summary>
    public StepMargins StepMargins => _stepMargins ??= new StepMargins(this);

    /// <summary>
    /// How many more of the sweeps' exact steps on the support (<see cref="SparseActiveSetStep"/>) were cut short than went
    /// their way, lately (0–10): each doubles the sweeps a Newton step takes before it tries one. On a set whose supports
    /// keep changing (count columns with near-duplicates) most are cut short and would cost more than the sweeps they save.
    /// </summary>
    public int ActiveSetReluctance { get; set; }

    /// <summary>Whether a solve over more columns than the covariance limit still pays for the covariance form.</summary>
    public SparseCovarianceChoice CovarianceChoice => _covarianceChoice ??= new SparseCovarianceChoice(this);

    // As the dense problem: the covariance form (with its exact active-set solve) while few columns are in play and the
    // tolerance is tight — on correlated columns plain sweeps settle the last digits slowly — and sweeps over the stored
    // values otherwise. The multinomial rounds' class solves (with offsets: one Newton step each) always sweep: at 1e-12
    // the Grams lost on every sparse set measured once each class's own columns fit under CovarianceColumns (3,000 ×
    // 1,500 × 8 tf-idf rows 5.1 → 3.0 s, 5,000 × 3,000 × 10 counts 11.3 → 6.9 s; 50,000 one-hot rows × 4 classes even).
    // Above CovarianceColumns, or with more columns than rows, the covariance form is taken only where the sweeps crawl
    // (SparseCovarianceChoice): 60 rows × 151 columns, 50 of them copies of others, took 19–40 s a path at 1e-20 by
    // sweeps, whose exact step on the support did not end the crawl, and takes 0.7–0.9 s.
    // The sweeps themselves hand over to it where they crawl on such a solve, which then finishes in it.
    protected override double SolveOver(int[] columns, double[] beta, double intercept, double lambda, double alpha, double threshold,
        int newtonSteps)
    {
        bool crawlMayPay = Offsets is null && threshold < CrawlTolerance * NullDeviancePerWeight;
        if (Offsets is null && threshold < CovarianceTolerance * NullDeviancePerWeight && columns.Length <= Math.Min(RowCount, CovarianceColumns)
            || crawlMayPay && CovarianceChoice.Pays(columns))
        {
            return CovarianceCoordinateDescent.Solve(this, columns, beta, intercept, lambda, alpha, threshold, newtonSteps);
        }
        var (swept, stepsLeft) = SparseCoordinateDescent.Solve(this, columns, beta, intercept, lambda, alpha, threshold, newtonSteps,
            crawlMayPay && columns.Length <= StandardizedProblem.CovarianceColumns);
        if (stepsLeft == 0)
        {
            return swept;
        }
        CovarianceChoice.Crawled = true;
        return CovarianceCoordinateDescent.Solve(this, columns, beta, swept, lambda, alpha, threshold, stepsLeft);
    }
}
