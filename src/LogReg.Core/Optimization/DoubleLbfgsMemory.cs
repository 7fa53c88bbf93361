using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary><see cref="LbfgsMemory"/> in double precision with the plain loops (problems below
/// <see cref="LbfgsMemory.SinglePrecisionFrom"/> coordinates).</summary>
internal sealed class DoubleLbfgsMemory : LbfgsMemory
{
    private readonly double[][] _s;
    private readonly double[][] _y;
    private double[] _spareS;
    private double[] _spareY;

    public DoubleLbfgsMemory(int dimension, int capacity)
        : base(capacity)
    {
        _s = new double[capacity][];
        _y = new double[capacity][];
        for (int k = 0; k < capacity; k++)
        {
            _s[k] = new double[dimension];
            _y[k] = new double[dimension];
        }
        _spareS = new double[dimension];
        _spareY = new double[dimension];
    }

    protected override (double Sy, double Ss, double Yy) WriteSpare(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext)
    {
        double sy = 0, ss = 0, yy = 0;
        var s = _spareS;
        var y = _spareY;
        for (int j = 0; j < s.Length; j++)
        {
            double sj = xNext[j] - x[j];
            double yj = gNext[j] - g[j];
            s[j] = sj;
            y[j] = yj;
            sy += sj * yj;
            ss += sj * sj;
            yy += yj * yj;
        }
        return (sy, ss, yy);
    }

    protected override void KeepSpare(int slot)
    {
        (_s[slot], _spareS) = (_spareS, _s[slot]);
        (_y[slot], _spareY) = (_spareY, _y[slot]);
    }

    protected override double DotS(int k, ReadOnlySpan<double> d) => VectorKernels.Dot(_s[k], d);

    protected override double DotY(int k, ReadOnlySpan<double> d) => VectorKernels.Dot(_y[k], d);

    protected override double SubtractYThenDotS(int k, double a, Span<double> d, int next)
    {
        VectorKernels.AddScaled(_y[k], -a, d);
        return next < 0 ? 0 : VectorKernels.Dot(_s[next], d);
    }

    protected override double AddSThenDotY(int k, double a, Span<double> d, int next)
    {
        VectorKernels.AddScaled(_s[k], a, d);
        return next < 0 ? 0 : VectorKernels.Dot(_y[next], d);
    }

    protected override double Gamma(int k, IPreconditioner? preconditioner, double[] scratch)
    {
        double yPy;
        if (preconditioner is not null)
        {
            preconditioner.Apply(_y[k], scratch);
            yPy = VectorKernels.Dot(_y[k], scratch);
        }
        else
        {
            yPy = VectorKernels.Dot(_y[k], _y[k]);
        }
        return VectorKernels.Dot(_s[k], _y[k]) / yPy;
    }
}
