using LogReg.Core.Optimization;

namespace LogReg.Tests.Kit;

/// <summary>A curvature given as a dense row-major n×n matrix.</summary>
public sealed class DenseCurvature : ICurvature
{
    private readonly double[] _h;

    public DenseCurvature(double[] h)
    {
        _h = h;
        Dimension = (int)Math.Round(Math.Sqrt(h.Length));
    }

    public int Dimension { get; }

    public void Multiply(ReadOnlySpan<double> v, Span<double> r)
    {
        for (int i = 0; i < Dimension; i++)
        {
            double sum = 0;
            for (int j = 0; j < Dimension; j++)
            {
                sum += _h[i * Dimension + j] * v[j];
            }
            r[i] = sum;
        }
    }

    public double[] ToDense() => (double[])_h.Clone();
}
