using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// A step of one coefficient vector (over the columns in play) and its intercept, for halving until the objective falls:
/// where it started, and where the solve took it — a class's step in the multinomial rounds, a guarded Newton step of
/// the binary path.
/// </summary>
/// <param name="columns">The columns in play.</param>
/// <param name="start">At least as many values as columns: where the step starts (the caller's work array).</param>
/// <param name="end">As many: where the solve took it.</param>
internal sealed class HalvableStep(int[] columns, double[] start, double[] end)
{
    private readonly double[] _start = start;
    private readonly double[] _end = end;
    private double _startIntercept;
    private double _endIntercept;
    private double _fraction;

    /// <summary>Records the coefficients and intercept the step starts from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Begin(double[] beta, double intercept)
    {
        for (int a = 0; a < columns.Length; a++)
        {
            _start[a] = beta[columns[a]];
        }
        (_startIntercept, _fraction) = (intercept, 1);
    }

    /// <summary>Halves the step taken since <see cref="Begin"/> (the first time, from <paramref name="beta"/> and
    /// <paramref name="intercept"/> where the solve left them): sets the coefficients and returns the intercept.</summary>
    public double Halve(double[] beta, double intercept) => Shorten(beta, intercept, 0.5);

    /// <summary>As <see cref="Halve"/>, by <paramref name="factor"/> (in (0, 1)) instead of ½.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Shorten(double[] beta, double intercept, double factor)
    {
        if (_fraction == 1)
        {
            for (int a = 0; a < columns.Length; a++)
            {
                _end[a] = beta[columns[a]];
            }
            _endIntercept = intercept;
        }
        _fraction *= factor;
        for (int a = 0; a < columns.Length; a++)
        {
            beta[columns[a]] = _start[a] + _fraction * (_end[a] - _start[a]);
        }
        return _startIntercept + _fraction * (_endIntercept - _startIntercept);
    }
}
