namespace LogReg.Core.Paths;

/// <summary>
/// How closely the sweeps minimise each Newton step's quadratic model at one λ (an inexact Newton method, Dembo,
/// Eisenstat and Steihaug 1982). Only the last step needs the model solved to the path's threshold: the steps before it
/// move the coefficients by far more than that, and sweeping their models to the threshold buys precision the next step's
/// new curvature throws away. A step is therefore swept until its largest change of the model falls below a tenth of
/// the step before's largest change (the first step: a tenth of its first sweep's), never below the threshold; a λ is
/// solved only by a step swept to the threshold itself. The last two steps allowed are always swept to it, so a path
/// allowed few Newton steps ends where exact steps would end it.
/// </summary>
internal struct InexactNewtonTolerance
{
    // The forcing term: each step's sweeps stop at this fraction of the step before's size.
    private const double Forcing = 0.1;

    private readonly double _threshold;
    private readonly int _newtonSteps;
    private double _previousSize = double.PositiveInfinity;
    private bool _loose;

    /// <summary>For a λ solved to <paramref name="threshold"/> within <paramref name="newtonSteps"/> Newton steps.</summary>
    public InexactNewtonTolerance(double threshold, int newtonSteps)
    {
        (_threshold, _newtonSteps) = (threshold, newtonSteps);
        Inner = threshold;
    }

    /// <summary>The largest change of the model by one coordinate's move at which this step's sweeps stop.</summary>
    public double Inner { get; private set; }

    /// <summary>Sets <see cref="Inner"/> for Newton step <paramref name="step"/> (0-based).</summary>
    public void BeginStep(int step)
    {
        _loose = step + 2 < _newtonSteps;
        Inner = _loose && step > 0 ? Math.Max(_threshold, Forcing * _previousSize) : _threshold;
    }

    /// <summary>After the first step's first sweep, whose largest change of the model was <paramref name="largest"/>.</summary>
    public void AfterFirstSweep(int step, double largest)
    {
        if (step == 0 && _loose)
        {
            Inner = Math.Max(_threshold, Forcing * largest);
        }
    }

    /// <summary>Ends a step whose largest change of the model by one coordinate (intercept included) was
    /// <paramref name="size"/>; returns whether the λ is solved.</summary>
    public bool EndStep(double size)
    {
        _previousSize = size;
        return size < _threshold && Inner == _threshold;
    }
}
