using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial path's margins: each class's linear part ηᵢₖ = bₖ + x̃ᵢ·βₖ, and what the per-class solves and the
/// KKT checks need from them — one class's offset (the log of the other classes' share of the softmax denominator), the
/// gradient of the loss for every class and feature, the deviance — from their exponentials (<see cref="SoftmaxExponentials"/>).
/// </summary>
internal sealed class SoftmaxMargins
{
    private readonly PathProblem _problem;
    private readonly int[] _labels;
    private readonly bool[] _present;
    private readonly double[][] _eta;
    private readonly SoftmaxExponentials _exp;

    // Classes whose margins may have changed since their exponentials were: set, restored or handed out for writing.
    private readonly bool[] _stale;
    private int _staleCount;

    // Class updates since the last refill: the row sums are refilled after RefillEvery·K of them (RefreshIfStale), which
    // bounds their rounding (≈ updates·ε) and how far a row's margins can fall below its shift (10 a class step at most).
    private int _updates;
    private const int RefillEvery = 16;
    private readonly double[] _scratch;
    private double[][]? _saved;
    private SoftmaxWork? _work;
    private double[]? _lossShare;
    // K·d values, the same arrays on every call: on text (181,627 features × 22 classes) a fresh set a check was 32 MB of
    // the large-object heap each time, which the collector let pile up to gigabytes over a path.
    private double[][]? _gradients;

    public SoftmaxMargins(PathProblem problem, int[] labels, bool[] present)
    {
        (_problem, _labels, _present) = (problem, labels, present);
        int n = problem.RowCount;
        _eta = present.Select(_ => new double[n]).ToArray();
        _exp = new SoftmaxExponentials(present, n);
        _stale = new bool[present.Length];
        _scratch = new double[n];
    }

    /// <summary>Each row's class.</summary>
    public int[] Labels => _labels;

    /// <summary>Σ sᵢ, the rows' weights as given.</summary>
    public double TotalWeight => _problem.TotalWeight;

    private int ClassCount => _present.Length;

    private int RowCount => _scratch.Length;

    /// <summary>The path's row-length work arrays (made at the first use).</summary>
    public SoftmaxWork Work => _work ??= new SoftmaxWork(ClassCount, RowCount);

    /// <summary>Class k's linear part, recomputed from its coefficients (whose non-zero ones <paramref name="support"/>, if given, holds).</summary>
    public void Set(int k, double[] beta, double intercept, int[]? support = null)
    {
        if (_present[k])
        {
            _problem.LinearPart(beta, intercept, _eta[k], support);
            MarkStale(k);
        }
    }

    /// <summary>Refills the exponential cache from the margins.</summary>
    public void Refresh()
    {
        _exp.Refresh(_eta);
        Array.Clear(_stale);
        (_staleCount, _updates) = (0, 0);
    }

    /// <summary>
    /// Refills the cache unless it holds every class's margins as they are, and not many updates have gone by: the
    /// multinomial rounds start each round here, and a refill costs K exponentials per row (a tenth of a 26-class path).
    /// </summary>
    public void RefreshIfStale()
    {
        if (_staleCount > 0 || _updates >= RefillEvery * ClassCount)
        {
            Refresh();
        }
    }

    /// <summary>After class k's margins changed: its exponentials.</summary>
    public void Update(int k)
    {
        _exp.Update(k, _eta[k], _eta);
        _updates++;
        if (_stale[k])
        {
            (_stale[k], _staleCount) = (false, _staleCount - 1);
        }
    }

    private void MarkStale(int k)
    {
        if (!_stale[k])
        {
            (_stale[k], _staleCount) = (true, _staleCount + 1);
        }
    }

    /// <summary>oᵢ = −log Σ over the other present classes of exp(ηᵢₗ): class k's softmax probability is σ(ηᵢₖ + oᵢ).</summary>
    public void OffsetsFor(int k, double[] offsets)
    {
        _exp.OthersThan(k, offsets);
        // The logarithms as vectors (as scalars they were a tenth of a text path's rounds); a row whose other classes'
        // exponentials underflowed to zero (class k certain) takes −∞.
        Numerics.VectorMath.LogNonNegative(offsets, offsets);
        _exp.OffsetsFromLogs(offsets);
    }

    /// <summary>
    /// From a fresh cache: |gₖⱼ| for each class and feature (gₖⱼ = Σ wᵢ·x̃ᵢⱼ·(yᵢₖ − pᵢₖ), weights normalised; zero for a
    /// class without weight and a constant feature), the deviance −2·Σ sᵢ·log pᵢ,yᵢ, and each class's mean curvature
    /// Σᵢ wᵢ·pᵢₖ(1 − pᵢₖ) (a standardised column's coordinate curvature as the rows' average) from the same pass. The
    /// gradients are this object's arrays, overwritten by the next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double[][] Gradients, double Deviance, double[] Curvatures) GradientsAndDeviance()
    {
        Refresh();
        int n = RowCount, classes = ClassCount, d = _problem.FeatureCount;
        var weights = _problem.NormalizedWeights;
        var residual = Work.Residuals;
        var curvatures = new double[classes];
        for (int i = 0; i < n; i++)
        {
            var row = _exp.Row(i);
            for (int k = 0; k < classes; k++)
            {
                double exponential = _exp.Exponential(k, i);
                var (p, q) = (row.Probability(exponential), row.Complement(k, exponential));
                residual[k][i] = weights[i] * (_labels[i] == k ? q : -p);
                curvatures[k] += weights[i] * p * q;
            }
        }
        var gradients = _gradients ??= Enumerable.Range(0, classes).Select(_ => new double[d]).ToArray();
        for (int k = 0; k < classes; k++)
        {
            var g = gradients[k];
            if (!_present[k])
            {
                continue;
            }
            double sum = residual[k].Sum();
            for (int j = 0; j < d; j++)
            {
                g[j] = _problem.Varies(j) ? Math.Abs(_problem.ColumnDot(j, residual[k], sum)) : 0;
            }
        }
        return (gradients, CachedDeviance(), curvatures);
    }

    /// <summary>
    /// From a fresh cache: each of <paramref name="classes"/>' softmax probabilities pᵢₖ and 1 − pᵢₖ into the matching
    /// arrays of <paramref name="into"/> and <paramref name="complements"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Probabilities(int[] classes, double[][] into, double[][] complements)
    {
        for (int i = 0; i < RowCount; i++)
        {
            var row = _exp.Row(i);
            for (int c = 0; c < classes.Length; c++)
            {
                double exponential = _exp.Exponential(classes[c], i);
                into[c][i] = row.Probability(exponential);
                complements[c][i] = row.Complement(classes[c], exponential);
            }
        }
    }

    /// <summary>From a fresh cache: the deviance −2·Σ sᵢ·log pᵢ,yᵢ alone.</summary>
    public double Deviance()
    {
        RefreshIfStale();
        return CachedDeviance();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double CachedDeviance()
    {
        var raw = _problem.RawWeights;
        var (gap, share) = (_scratch, _lossShare ??= new double[RowCount]);
        for (int i = 0; i < RowCount; i++)
        {
            // −log pᵢ,yᵢ = log Σₗ exp(ηᵢₗ) − ηᵢ,yᵢ with the sum's log as the largest margin's plus log1p(the others' share):
            // a nearly certain row's loss is that share, which log(1 + share) rounds to a multiple of 1e-16.
            var row = _exp.Row(i);
            gap[i] = _eta[row.Top][i] - _eta[_labels[i]][i];
            share[i] = row.Others / _exp.Exponential(row.Top, i);
        }
        // The logarithms as vectors: one scalar log per row was a fifth of a dense multinomial path's time.
        Numerics.VectorMath.Log1PNonNegative(share, share);
        double deviance = 0;
        for (int i = 0; i < RowCount; i++)
        {
            deviance += 2 * raw[i] * (gap[i] + share[i]);
        }
        return deviance;
    }

    /// <summary>Keeps every class's margins, to be put back by <see cref="Restore"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Save()
    {
        _saved ??= _eta.Select(e => new double[e.Length]).ToArray();
        for (int k = 0; k < _eta.Length; k++)
        {
            Array.Copy(_eta[k], _saved[k], _eta[k].Length);
        }
    }

    /// <summary>Puts back the margins kept by <see cref="Save"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Restore()
    {
        for (int k = 0; k < _eta.Length; k++)
        {
            Array.Copy(_saved![k], _eta[k], _eta[k].Length);
            MarkStale(k);
        }
    }

    /// <summary>
    /// Σ wᵢ·(new ηᵢₖ − old)²/4: a bound on how much class k's last step changed its quadratic model (pq ≤ ¼); the largest
    /// |new ηᵢₖ − old| over the rows; and the largest pᵢₖ·|new ηᵢₖ − old| (from a cache updated since), by which, to first
    /// order, the step moved every other class's log-probabilities (∂ log pᵢₗ/∂ηᵢₖ = −pᵢₖ).
    /// </summary>
    public (double Bound, double Largest, double Felt) ChangeBound(int k, double[] before) =>
        _exp.Moves(k, _eta[k], before, _problem.NormalizedWeights);

    /// <summary>Class k's margins copied into <paramref name="copy"/>.</summary>
    public void Copy(int k, double[] copy) => Array.Copy(_eta[k], copy, copy.Length);

    /// <summary>Class k's linear part as held (not a copy: a caller that changes it calls <see cref="Update"/> or <see cref="Refresh"/> after).</summary>
    public double[] LinearPart(int k)
    {
        MarkStale(k);
        return _eta[k];
    }

    /// <summary>Subtracts <paramref name="delta"/> from every present class's margins (a move common to all classes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SubtractFromAll(double[] delta)
    {
        for (int k = 0; k < _eta.Length; k++)
        {
            if (_present[k])
            {
                Numerics.VectorKernels.AddScaled(delta, -1, _eta[k]);
            }
        }
        // Every class's margins fell by the same δᵢ: the softmax is as it was, and the cache holds with the shifts moved too.
        _exp.MoveShifts(delta);
    }
}
