using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary><see cref="LbfgsMemory"/> in double precision with the plain loops (problems below
/// <see cref="LbfgsMemory.SinglePrecisionFrom"/> coordinates).</summary>
internal sealed class DoubleLbfgsMemory : LbfgsMemory
{
    private readonly LbfgsPairStore<double> _pairs;

    public DoubleLbfgsMemory(int dimension, int capacity)
        : base(capacity)
    {
        _pairs = new LbfgsPairStore<double>(dimension, capacity);
    }

    protected override (double Sy, double Ss, double Yy) WriteSpare(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext) =>
        _pairs.WriteSpare(x, xNext, g, gNext);

    protected override void KeepSpare(int slot) => _pairs.KeepSpare(slot);

    protected override double DotS(int k, ReadOnlySpan<double> d) => VectorKernels.Dot(_pairs.S[k], d);

    protected override double DotY(int k, ReadOnlySpan<double> d) => VectorKernels.Dot(_pairs.Y[k], d);

    protected override double SubtractYThenDotS(int k, double a, Span<double> d, int next)
    {
        VectorKernels.AddScaled(_pairs.Y[k], -a, d);
        return next < 0 ? 0 : VectorKernels.Dot(_pairs.S[next], d);
    }

    protected override double AddSThenDotY(int k, double a, Span<double> d, int next)
    {
        VectorKernels.AddScaled(_pairs.S[k], a, d);
        return next < 0 ? 0 : VectorKernels.Dot(_pairs.Y[next], d);
    }

    protected override double Gamma(int k, IPreconditioner? preconditioner, double[] scratch)
    {
        double yPy;
        if (preconditioner is not null)
        {
            preconditioner.Apply(_pairs.Y[k], scratch);
            yPy = VectorKernels.Dot(_pairs.Y[k], scratch);
        }
        else
        {
            yPy = VectorKernels.Dot(_pairs.Y[k], _pairs.Y[k]);
        }
        return VectorKernels.Dot(_pairs.S[k], _pairs.Y[k]) / yPy;
    }
}
