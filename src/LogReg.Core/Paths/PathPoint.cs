namespace LogReg.Core.Paths;

/// <summary>
/// A point a path's solve or check ended at — a copy of the standardised coefficients, the intercept, and the label vector
/// it was on (by reference: the multinomial path's classes each have their own) — at which what it left behind (the
/// check's row buffers, the last Gram, the sweeps' model) may be handed to the next solve, and only there. A holder that
/// marks a point every λ moves one instance (<see cref="MoveTo"/>): on 40,000 columns a fresh copy each time was a
/// large-object allocation a solve, and the path took 1.5 times as long.
/// </summary>
internal sealed class PathPoint
{
    private double[] _beta = [];
    private double _intercept;
    private double[]? _labels;

    /// <summary>No point yet (<see cref="Is"/> is false until <see cref="MoveTo"/>).</summary>
    public PathPoint()
    {
    }

    /// <summary>The point (β, b) on <paramref name="labels"/>.</summary>
    public PathPoint(double[] beta, double intercept, double[] labels) => MoveTo(beta, intercept, labels);

    /// <summary>Makes this (β, b) on <paramref name="labels"/>, copying β into the array it holds when the lengths agree.</summary>
    public void MoveTo(double[] beta, double intercept, double[] labels)
    {
        if (_beta.Length != beta.Length)
        {
            _beta = new double[beta.Length];
        }
        beta.CopyTo(_beta, 0);
        (_intercept, _labels) = (intercept, labels);
    }

    /// <summary>No point any more.</summary>
    public void Forget() => _labels = null;

    /// <summary>Whether (β, b) on <paramref name="labels"/> is this very point, bit for bit.</summary>
    public bool Is(double[] beta, double intercept, double[] labels) =>
        _labels is not null && ReferenceEquals(labels, _labels) && intercept.Equals(_intercept) && beta.AsSpan().SequenceEqual(_beta);
}
