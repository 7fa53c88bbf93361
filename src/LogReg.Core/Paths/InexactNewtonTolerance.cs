namespace LogReg.Core.Paths;

/// <summary>
/// How closely the sweeps minimise each Newton step's quadratic model at one λ (an inexact Newton method, Dembo,
/// Eisenstat and Steihaug 1982). Only the last step needs its model solved to the path's threshold: sweeping an earlier
/// step's model that far buys precision the next step's new curvature throws away. A step is therefore swept until its
/// largest change of the model falls below a hundredth of its first sweep's largest change — a tenth of the move, the
/// change being a curvature times a squared move — never below the threshold, and a λ is solved only by a step swept to
/// the threshold itself. The last two steps allowed are always swept to it, so a path allowed few Newton steps ends where
/// exact steps would end it.
/// </summary>
internal struct InexactNewtonTolerance
{
    // The forcing term, in the model's change: a step's sweeps stop at this fraction of its first sweep's largest change.
    // A tenth of the change was too loose: on a nearly separable set, whose Newton steps move far, the steps then
    // multiplied and the path was slower than with exact steps.
    private const double Forcing = 0.01;

    private readonly double _threshold;
    private readonly int _newtonSteps;
    private bool _loose;

    /// <summary>For a λ solved to <paramref name="threshold"/> within <paramref name="newtonSteps"/> Newton steps.</summary>
    public InexactNewtonTolerance(double threshold, int newtonSteps)
    {
        (_threshold, _newtonSteps) = (threshold, newtonSteps);
        Inner = threshold;
    }

    /// <summary>The largest change of the model by one coordinate's move at which this step's sweeps stop.</summary>
    public double Inner { get; private set; }

    /// <summary>Starts Newton step <paramref name="step"/> (0-based), swept to the threshold until its first sweep is done.</summary>
    public void BeginStep(int step)
    {
        _loose = step + 2 < _newtonSteps;
        Inner = _threshold;
    }

    /// <summary>After the step's first sweep, whose largest change of the model was <paramref name="largest"/>.</summary>
    public void AfterFirstSweep(double largest)
    {
        if (_loose)
        {
            Inner = Math.Max(_threshold, Forcing * largest);
        }
    }

    /// <summary>Ends a step whose largest change of the model by one coordinate (intercept included) was
    /// <paramref name="size"/>; returns whether the λ is solved.</summary>
    public readonly bool EndStep(double size) => size < _threshold && Inner == _threshold;
}
