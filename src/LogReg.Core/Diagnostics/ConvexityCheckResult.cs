namespace LogReg.Core.Diagnostics;

/// <summary>Eigenvalues of the curvature at a point: convex there when none is negative.</summary>
/// <param name="Eigenvalues">All eigenvalues, ascending.</param>
public sealed record ConvexityCheckResult(IReadOnlyList<double> Eigenvalues)
{
    /// <summary>The smallest eigenvalue.</summary>
    public double Min => Eigenvalues[0];

    /// <summary>The largest eigenvalue.</summary>
    public double Max => Eigenvalues[^1];

    /// <summary>How many eigenvalues are below −1e-12·max(1, |Max|) (numerically negative).</summary>
    public int NegativeCount => Eigenvalues.Count(e => e < -1e-12 * Math.Max(1, Math.Abs(Max)));

    /// <summary>True when no eigenvalue is numerically negative.</summary>
    public bool IsLocallyConvex => NegativeCount == 0;
}
