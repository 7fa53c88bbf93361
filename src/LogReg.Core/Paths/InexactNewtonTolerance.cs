namespace LogReg.Core.Paths;

/// <summary>
/// How closely the sweeps minimise each Newton step's quadratic model at one λ (an inexact Newton method, Dembo,
/// Eisenstat and Steihaug 1982). Only the last steps need their model solved closely: sweeping an earlier step's model
/// to the path's threshold buys precision the next step's new curvature throws away. A step is therefore swept until its
/// largest change of the model falls below a hundredth of its first sweep's largest change (a tenth of the move, the
/// change being a curvature times a squared move); a step whose first sweep is already near the threshold is exact. A
/// λ is solved only by an exact step that moves no coordinate by the threshold. Exact steps that follow loose
/// ones sweep to a tenth of the threshold: they start further from the optimum than after exact steps, and sweeps that
/// crawl stop further from it at the same bar. The last two steps allowed are always exact, so a path allowed few Newton
/// steps ends where exact steps would end it.
/// </summary>
internal struct InexactNewtonTolerance
{
    // The forcing term, in the model's change: a step's sweeps stop at this fraction of its first sweep's largest change.
    // A tenth of the change was too loose: on a nearly separable set, whose Newton steps move far, the steps then
    // multiplied and the path was slower than with exact steps.
    private const double Forcing = 0.01;

    // The exact steps' bar after loose steps, as a share of the threshold.
    private const double FinishShare = 0.1;

    private readonly double _threshold;
    private readonly int _newtonSteps;
    // Whether this step may be loose: not one of the last two allowed.
    private bool _mayLoosen;
    private bool _anyLoose;

    /// <summary>For a λ solved to <paramref name="threshold"/> within <paramref name="newtonSteps"/> Newton steps.</summary>
    public InexactNewtonTolerance(double threshold, int newtonSteps)
    {
        (_threshold, _newtonSteps) = (threshold, newtonSteps);
        Inner = threshold;
    }

    /// <summary>The largest change of the model by one coordinate's move at which this step's sweeps stop.</summary>
    public double Inner { get; private set; }

    /// <summary>Starts Newton step <paramref name="step"/> (0-based), exact until its first sweep is done.</summary>
    public void BeginStep(int step)
    {
        _mayLoosen = step + 2 < _newtonSteps;
        Inner = Exact;
    }

    /// <summary>
    /// <see cref="CoordinateSteps.SweepDone"/> at this step's bar, after sweep <paramref name="sweep"/> (0-based) whose
    /// largest change of the model was <paramref name="largest"/>: the first sweep sets the bar.
    /// </summary>
    public bool SweepDone(int sweep, double largest, ref bool activeOnly)
    {
        if (sweep == 0)
        {
            AfterFirstSweep(largest);
        }
        return CoordinateSteps.SweepDone(largest, Inner, ref activeOnly);
    }

    /// <summary>After the step's first sweep, whose largest change of the model was <paramref name="largest"/>.</summary>
    public void AfterFirstSweep(double largest)
    {
        if (_mayLoosen)
        {
            Inner = Math.Max(Exact, Forcing * largest);
        }
    }

    /// <summary>Ends a step whose largest change of the model by one coordinate (intercept included) was
    /// <paramref name="size"/>; returns whether the λ is solved.</summary>
    public bool EndStep(double size)
    {
        bool loose = Inner > Exact;
        _anyLoose |= loose;
        return size < _threshold && !loose;
    }

    // The sweeps' stop for an exact step: after loose steps a tenth of the threshold, since their exact steps start
    // further from the optimum and sweeps that crawl stop further from it at the same bar.
    private readonly double Exact => _anyLoose ? _threshold * FinishShare : _threshold;
}
