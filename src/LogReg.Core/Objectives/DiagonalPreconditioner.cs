using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>P = diag(1/hⱼ), fixed when made: one scale per coordinate, which keeps OWL-QN's orthants.</summary>
internal sealed class DiagonalPreconditioner : IPreconditioner
{
    private readonly double[] _inverse;

    /// <summary>
    /// P from the curvatures hⱼ, each floored at 1e-12 of the largest (and at 1e-300) so that a
    /// column without curvature does not get an infinite step.
    /// </summary>
    public DiagonalPreconditioner(IReadOnlyList<double> curvatures)
    {
        ArgumentNullException.ThrowIfNull(curvatures);
        double max = 0;
        foreach (double h in curvatures)
        {
            max = Math.Max(max, h);
        }
        double floor = Math.Max(1e-12 * max, 1e-300);
        _inverse = curvatures.Select(h => 1 / Math.Max(h, floor)).ToArray();
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int j = 0; j < _inverse.Length; j++)
        {
            result[j] = v[j] * _inverse[j];
        }
    }
}
