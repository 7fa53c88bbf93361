using LogReg.Core.Numerics;
using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>
/// The curvature of a <see cref="StreamingObjective"/> at a fixed point: every product (and the dense
/// form) is one pass over the source, each block's curvature summed in block order, plus the penalty's.
/// </summary>
internal sealed class StreamingCurvature : ICurvature
{
    private readonly StreamingObjective _objective;
    private readonly double[] _theta;
    private readonly bool _gaussNewton;

    public StreamingCurvature(StreamingObjective objective, double[] theta, bool gaussNewton)
    {
        _objective = objective;
        _theta = theta;
        _gaussNewton = gaussNewton;
    }

    public int Dimension => _theta.Length;

    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        var vector = v.Slice(0, Dimension).ToArray();
        var total = new double[Dimension];
        var block = new double[Dimension];
        _objective.Pass(o =>
        {
            o.HessianAt(_theta, _gaussNewton).Multiply(vector, block);
            VectorKernels.AddScaled(block, 1.0, total);
        });
        total.CopyTo(result);
        _objective.Penalty.AddSmoothCurvature(v, result);
    }

    public double[] ToDense()
    {
        int m = Dimension;
        var h = new double[m * m];
        _objective.Pass(o => VectorKernels.AddScaled(o.HessianAt(_theta, _gaussNewton).ToDense(), 1.0, h));
        _objective.Penalty.AddSmoothCurvatureToDense(h, m);
        return h;
    }
}
