namespace LogReg.Core.Paths;

/// <summary>
/// A point a path's solve or check ended at — a copy of the standardised coefficients, the intercept, and the label vector
/// it was on (by reference: the multinomial path's classes each have their own) — at which what it left behind (the
/// check's row buffers, the last Gram) may be handed to the next solve, and only there.
/// </summary>
internal sealed class PathPoint(double[] beta, double intercept, double[] labels)
{
    private readonly double[] _beta = (double[])beta.Clone();

    /// <summary>Whether (β, b) on <paramref name="labels"/> is this very point, bit for bit.</summary>
    public bool Is(double[] beta, double intercept, double[] labels) =>
        ReferenceEquals(labels, Labels) && intercept.Equals(Intercept) && beta.AsSpan().SequenceEqual(_beta);

    private double Intercept { get; } = intercept;

    private double[] Labels { get; } = labels;
}
