using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The binary path's data as coordinate descent sees it: columns x̃ⱼ = (xⱼ − μⱼ)/σⱼ (σⱼ the weighted 1/n standard
/// deviation when standardising, else 1), row weights normalised to sum 1 (glmnet's scaling of the loss), labels —
/// and the solver of one λ. Dense data keep the centred columns (<see cref="StandardizedProblem"/>); sparse data keep
/// the stored values and apply μ and σ in every sum (<see cref="SparseStandardizedProblem"/>).
/// </summary>
internal abstract partial class PathProblem
{
    private readonly double[] _rawWeights;
    private (double[] Eta, double[] Residual, double[] Curvature)? _rowBuffers;

    // The point whose rows the buffers hold untouched since GradientAndDeviance computed them, if any.
    private readonly PathPoint _heldPoint = new();
    private readonly PathPoint _marginsPoint = new();

    private int[]? _allColumns;

    private protected PathProblem(TrainingSet source, double[] weights, double[] rawWeights, double[] means, double[] scales)
    {
        (Source, Weights, _rawWeights, Means, Scales) = (source, weights, rawWeights, means, scales);
        _heldGrams = new HeldGramStore(Scratch);
        Labels = source.Labels;
        double positive = PathWeights.PositiveShare(weights, source.Labels);
        // log(P/N) from the classes' own weight totals: the shares of normalised weights carry rounding, and on 42 rows of
        // each class the intercept came out 1.3e-15, a probability a hair above ½ that scored the fold's misclassification
        // as class 1 where glmnet's exact 0 scores class 0 (an outside tester's MASS Cars93 folds).
        var (onPositive, onNegative) = PathWeights.ClassTotals(rawWeights, source.Labels);
        NullIntercept = Math.Log(onPositive / onNegative);
        TotalWeight = rawWeights.Sum();
        NullDeviance = -2 * TotalWeight * (positive * Math.Log(positive) + (1 - positive) * Math.Log(1 - positive));
    }

    /// <summary>The rows as given (float features, unscaled).</summary>
    public TrainingSet Source { get; }

    public int FeatureCount => Means.Length;

    /// <summary>The 0/1 labels the solver fits: the rows' own, or one class's indicators in the multinomial path.</summary>
    public double[] Labels { get; set; }

    /// <summary>
    /// A fixed part of every row's margin, or null: in the multinomial path, −log Σ over the other classes of exp(their
    /// margins), which makes one class's softmax probability the sigmoid of its margin plus this.
    /// </summary>
    public double[]? Offsets { get; set; }

    /// <summary>
    /// The linear part b + x̃ᵢ·β at the point the next solve starts from, when the caller already holds it (the
    /// multinomial path keeps every class's): that solve's first margins add the offsets to it instead of recomputing it.
    /// Read once, then cleared.
    /// </summary>
    public double[]? StartingLinearPart { get; set; }

    /// <summary>The rows' weights as given.</summary>
    public IReadOnlyList<double> RawWeights => _rawWeights;

    /// <summary>The rows' weights normalised to sum 1.</summary>
    public ReadOnlySpan<double> NormalizedWeights => Weights;

    public int RowCount => Weights.Length;

    public double NullIntercept { get; }

    public double NullDeviance { get; }

    /// <summary>The null deviance per unit of weight: the scale of glmnet's convergence threshold.</summary>
    public double NullDeviancePerWeight => NullDeviance / TotalWeight;

    /// <summary>The rows' weights as given, summed.</summary>
    public double TotalWeight { get; }

    private protected double[] Weights { get; }

    private protected double[] Means { get; }

    private protected double[] Scales { get; }

    /// <summary>Column j's weighted mean (subtracted).</summary>
    public double Mean(int j) => Means[j];

    /// <summary>Column j's scale (divided by; 1 when not standardising).</summary>
    public double Scale(int j) => Scales[j];

    /// <summary>The value column j's raw Gram sums (<see cref="AddRawGram"/>) are taken about: 0, or for a dense column whose
    /// mean is many times its spread the mean itself, whose products' sums would otherwise cancel when centred.</summary>
    public virtual double GramShift(int j) => 0;

    /// <summary>The mean the covariance form centres column j's raw Gram sums by: its mean less <see cref="GramShift"/>.</summary>
    public double GramMean(int j) => Means[j] - GramShift(j);

    /// <summary>A constant column never enters (its centred values are all zero).</summary>
    public bool Varies(int j) => Scales[j] > 0;

    /// <summary>ηᵢ = b + x̃ᵢ·β.</summary>
    public double[] Margins(double[] beta, double intercept) => Margins(beta, intercept, new double[RowCount]);

    /// <summary>ηᵢ = b + x̃ᵢ·β (+ the offset), written into <paramref name="eta"/> (n values), which is returned.</summary>
    public double[] Margins(double[] beta, double intercept, double[] eta)
    {
        LinearPart(beta, intercept, eta);
        AddOffsets(eta);
        return eta;
    }

    private void AddOffsets(double[] eta)
    {
        if (Offsets is { } offsets)
        {
            Numerics.VectorKernels.AddScaled(offsets, 1, eta);
        }
    }

    /// <summary>
    /// ηᵢ = b + x̃ᵢ·β without the offset, into <paramref name="eta"/>. <paramref name="support"/> (increasing), when given,
    /// holds every non-zero coefficient: the multinomial path sets each class's margins several times a round, and looking
    /// through all of a text set's 10⁵ features each time cost more than the margins.
    /// </summary>
    public abstract void LinearPart(double[] beta, double intercept, double[] eta, int[]? support = null);

    /// <summary>0 … d − 1, the support that holds every coefficient.</summary>
    private protected int[] AllColumns(int d) => _allColumns is { } all && all.Length == d ? all : _allColumns = Enumerable.Range(0, d).ToArray();

    /// <summary>
    /// Adds Σᵢ vᵢ·x̂ᵢx̂ᵢᵀ to <paramref name="upper"/> ((m + 1)², row-major, upper triangle), x̂ᵢ = (the stored values of
    /// <paramref name="columns"/> in row i, each less its <see cref="GramShift"/>, 1): the uncentred Gram of the covariance form.
    /// </summary>
    public abstract void AddRawGram(int[] columns, double[] v, double[] upper);

    /// <summary>
    /// Of <see cref="AddRawGram"/>'s sums, adds only the entries that involve a column marked in <paramref name="isNew"/>
    /// (its pairs with every column, and its entry with the rows' 1s): the rest of <paramref name="upper"/> already holds
    /// them (<see cref="GramExtension"/>).
    /// </summary>
    public abstract void AddRawGramCrossing(int[] columns, bool[] isNew, double[] v, double[] upper);

    /// <summary>Adds to <paramref name="upper"/> the raw Gram's terms of the listed <paramref name="rows"/> only, row k weighted
    /// by <paramref name="weights"/>[k] (which may be negative: a held Gram's rows moved to new weights).</summary>
    public abstract void AddRawGramOfRows(int[] columns, int[] rows, double[] weights, double[] upper);

    /// <summary>x̃ⱼ·r, given Σr.</summary>
    public abstract double ColumnDot(int j, double[] r, double sum);

    /// <summary>
    /// Minimises the objective at λ over <paramref name="columns"/> (the others stay zero) from <paramref name="beta"/>
    /// (updated in place); returns the intercept. Converged when no coordinate's move m changes the quadratic model by
    /// Hⱼⱼ·m² ≥ <paramref name="threshold"/> (glmnet's test, already scaled by the null deviance), else it stops after
    /// <paramref name="newtonSteps"/> Newton steps (the multinomial path takes one per class in turn, as glmnet does);
    /// <see cref="LastSolveSettled"/> says which.
    /// </summary>
    public double Solve(int[] columns, double[] beta, double intercept, double lambda, double alpha, double threshold, int newtonSteps)
    {
        LastSolveMovedLinearPart = false;
        return SolveOver(columns, beta, intercept, lambda, alpha, threshold, newtonSteps);
    }

    /// <summary>As <see cref="Solve"/>, by the solver for this storage and these columns.</summary>
    protected abstract double SolveOver(int[] columns, double[] beta, double intercept, double lambda, double alpha, double threshold, int newtonSteps);

    /// <summary>Whether the last <see cref="Solve"/> converged rather than running out of Newton steps.</summary>
    public bool LastSolveSettled { get; set; }

    /// <summary>Whether the last <see cref="Solve"/> moved <see cref="StartingLinearPart"/>'s array with its coordinates to b + x̃ᵢ·β
    /// where it ended (the sparse sweeps do in one Newton step): the caller need not recompute it.</summary>
    public bool LastSolveMovedLinearPart { get; set; }

    /// <summary>
    /// At (β, b), from one pass over the margins: gⱼ = Σ wᵢ·x̃ᵢⱼ·(yᵢ − pᵢ), the negative gradient of the loss part, for
    /// every j with βⱼ = 0 (0 where βⱼ ≠ 0), and the deviance −2·Σ sᵢ·log-likelihood.
    /// </summary>
    public (double[] Gradient, double Deviance) GradientAndDeviance(double[] beta, double intercept)
    {
        var (eta, residual, curvature) = RowBuffers();
        if (Offsets is not null || !_marginsPoint.Is(beta, intercept, Labels))
        {
            Margins(beta, intercept, eta);
        }
        _marginsPoint.Forget();
        double deviance = ResidualsAndDeviance(eta, residual, curvature);
        double sum = VectorKernels.Sum(residual);
        // Only the zero coefficients' entries: screening and the KKT check read no other, and late in a path nearly every
        // coefficient is non-zero.
        var gradient = Enumerable.Range(0, FeatureCount).Select(j => Varies(j) && beta[j] == 0 ? ColumnDot(j, residual, sum) : 0).ToArray();
        if (Offsets is null)
        {
            _heldPoint.MoveTo(beta, intercept, Labels);
        }
        else
        {
            _heldPoint.Forget();
        }
        return (gradient, deviance);
    }

    /// <summary>
    /// The margins, working residuals and curvature weights at (β, b) in this problem's row buffers, which the caller
    /// may then change. When <see cref="GradientAndDeviance"/> last computed them at this very point they are handed over
    /// as they are: each λ of a path starts where the last one's check ended, and recomputing them was a tenth of a
    /// sparse path's time.
    /// </summary>
    internal (double[] Eta, double[] Residual, double[] Curvature) RowsAt(double[] beta, double intercept)
    {
        var rows = RowBuffers();
        bool held = Offsets is null && _heldPoint.Is(beta, intercept, Labels);
        bool marginsHeld = !held && Offsets is null && _marginsPoint.Is(beta, intercept, Labels);
        _heldPoint.Forget();
        _marginsPoint.Forget();
        if (!held)
        {
            if (marginsHeld)
            {
                // A solve's last step left them here (MarginsMovedTo).
            }
            else if (StartingLinearPart is { } known)
            {
                Array.Copy(known, rows.Eta, rows.Eta.Length);
                AddOffsets(rows.Eta);
            }
            else
            {
                Margins(beta, intercept, rows.Eta);
            }
            Residuals(rows.Eta, rows.Residual, rows.Curvature);
        }
        StartingLinearPart = null;
        return rows;
    }

    /// <summary>The row buffer <see cref="RowsAt"/> wrote the margins into.</summary>
    internal double[] MarginBuffer => RowBuffers().Eta;

    /// <summary>A solve's step left <see cref="MarginBuffer"/> holding the margins at (β, b), where it ended: the next step there
    /// (<see cref="RowsAt"/>) and the check (<see cref="GradientAndDeviance"/>) take them instead of a pass over every stored value.</summary>
    internal void MarginsMovedTo(double[] beta, double intercept) => _marginsPoint.MoveTo(beta, intercept, Labels);

    /// <summary>
    /// Three row-length work arrays (margins, residuals, curvature weights) kept for the solves of this problem, which run
    /// one at a time: a path calls a solver per λ (and the multinomial path per class and round), and fresh arrays cost
    /// their zeroing and page faults on every call — an eighth of a sparse path's time.
    /// </summary>
    private (double[] Eta, double[] Residual, double[] Curvature) RowBuffers()
    {
        _rowBuffers ??= (new double[RowCount], new double[RowCount], new double[RowCount]);
        return _rowBuffers.Value;
    }

    /// <summary>The working residuals wᵢ(yᵢ − pᵢ) into <paramref name="r"/> (returned), and the curvature weights
    /// vᵢ = wᵢ·pᵢ(1 − pᵢ) into <paramref name="v"/>.</summary>
    public double[] Residuals(double[] eta, double[] r, double[] v)
    {
        BinaryRowResiduals.NegativeExponentials(eta, r);
        ResidualsFrom(eta, r, v);
        return r;
    }

    /// <summary>
    /// As <see cref="Residuals(double[], double[], double[])"/>, and returns the deviance −2·Σ sᵢ·log-likelihood at
    /// <paramref name="eta"/> from the same exponentials.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ResidualsAndDeviance(double[] eta, double[] r, double[] v)
    {
        BinaryRowResiduals.NegativeExponentials(eta, r);
        // The binary cross-entropy max(η, 0) − yη + log(1 + e^(−|η|)), its logarithms in one vector pass.
        Numerics.VectorMath.Log1PUnit(r, v);
        var labels = Labels;
        double deviance = 0;
        for (int i = 0; i < eta.Length; i++)
        {
            deviance += _rawWeights[i] * (Math.Max(eta[i], 0) - labels[i] * eta[i] + v[i]);
        }
        ResidualsFrom(eta, r, v);
        return 2 * deviance;
    }

    private void ResidualsFrom(double[] eta, double[] r, double[] v) => BinaryRowResiduals.FromExponentials(eta, r, v, Weights, Labels);
}
