using LogReg.Core.Data;

namespace LogReg.Core.Objectives;

/// <summary>
/// The working memory of one softmax pass — the loaded point or direction, each chunk's gradient partial and block
/// buffers — owned by a <see cref="SoftmaxObjective"/> and shared with its curvatures. Every pass loads its own point
/// and clears what it sums into, so nothing carries over between passes; they must not run at the same time (an
/// objective and its curvatures are evaluated from one thread, as the optimizers do). Sharing them spares a Newton fit
/// a chunk's worth of partials per iteration (K·d doubles each: 25 MB per iteration on a 20,000-word, 20-class set).
/// <para>
/// The one thing kept between passes: every row's probabilities from the last value pass and the point they belong to.
/// The optimizers ask for curvature at the point they have just evaluated (Newton's Hessian, L-BFGS's diagonal), so
/// that curvature needs no forward half of its own. Kept only while they take at most the rows' own memory (or 8 MB).
/// </para>
/// </summary>
internal sealed class SoftmaxPassBuffers
{
    private const long SmallCache = 1 << 20;

    private readonly int _rows;
    private readonly double[] _point;
    private double[]? _probabilities;
    private double[]? _lent;
    private bool _valid;

    public SoftmaxPassBuffers(DesignMatrix x, int classes, RowChunks chunks)
    {
        Blocks = new SoftmaxBlocks(x, classes, chunks.Threads);
        Partials = new double[chunks.Count][];
        BlockBuffers = new SoftmaxBlock[chunks.Count];
        for (int c = 0; c < chunks.Count; c++)
        {
            Partials[c] = new double[Blocks.PartialLength];
            BlockBuffers[c] = Blocks.NewBlock();
        }
        _rows = x.RowCount;
        long cached = (long)_rows * Blocks.Stride;
        KeepsProbabilities = cached <= Math.Min(Array.MaxLength, Math.Max(SmallCache, x.StoredValueCount / 2));
        _point = KeepsProbabilities ? new double[Blocks.Dimension] : Array.Empty<double>();
    }

    /// <summary>The pass's kernels and the point or direction they use.</summary>
    public SoftmaxBlocks Blocks { get; }

    /// <summary>Per chunk: the sums of the transposed half, in <see cref="SoftmaxBlocks"/>' layout.</summary>
    public double[][] Partials { get; }

    /// <summary>Per chunk: a block's rows, scores and coefficients.</summary>
    public SoftmaxBlock[] BlockBuffers { get; }

    /// <summary>Whether value passes keep the rows' probabilities.</summary>
    public bool KeepsProbabilities { get; }

    /// <summary>Where a value pass writes the rows' probabilities (n × Stride), or null when they are not kept; forgets the last ones.</summary>
    public double[]? ProbabilitiesForPass()
    {
        _valid = false;
        return KeepsProbabilities ? _probabilities ??= new double[_rows * Blocks.Stride] : null;
    }

    /// <summary>Marks the probabilities just written as those at θ.</summary>
    public void ProbabilitiesWrittenAt(ReadOnlySpan<double> theta)
    {
        theta.Slice(0, _point.Length).CopyTo(_point);
        _valid = _probabilities is not null;
    }

    /// <summary>The rows' probabilities at θ (n × Stride, read only) if the last value pass was at θ, else null.</summary>
    public double[]? ProbabilitiesAt(ReadOnlySpan<double> theta) =>
        _valid && theta.Slice(0, _point.Length).SequenceEqual(_point) ? _probabilities : null;

    /// <summary>The lease of the last curvature made (<see cref="LendProbabilitiesAt"/>).</summary>
    public int Lease { get; private set; }

    /// <summary>
    /// For a new curvature at θ: the rows' probabilities there, lent (the curvature keeps them, and passes write into the
    /// array the last curvature held), or null when the last value pass was elsewhere; and the new lease. A curvature is
    /// valid until the next one is made — the optimizers use one at a time — and checks its lease (<see cref="Lease"/>):
    /// a fresh array every Newton iteration had been 3.2 MB of new pages each on a 20,000-document text set.
    /// </summary>
    public (double[]? Probabilities, int Lease) LendProbabilitiesAt(ReadOnlySpan<double> theta)
    {
        var returned = _lent;
        _lent = ProbabilitiesAt(theta);
        if (_lent is not null)
        {
            _probabilities = returned;
            _valid = false;
        }
        else
        {
            _probabilities ??= returned;
        }
        return (_lent, ++Lease);
    }
}
