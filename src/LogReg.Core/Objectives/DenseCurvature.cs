using LogReg.Core.Numerics;
using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>A curvature held as a dense symmetric k×k matrix (row-major).</summary>
internal sealed class DenseCurvature(double[] matrix, int k) : ICurvature
{
    /// <inheritdoc/>
    public int Dimension => k;

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int a = 0; a < k; a++)
        {
            result[a] = VectorKernels.Dot(matrix.AsSpan(a * k, k), v);
        }
    }

    /// <inheritdoc/>
    public double[] ToDense() => (double[])matrix.Clone();
}
