namespace LogReg.Core.Paths;

/// <summary>
/// The covariance form's quadratic model — its curvature, centred and scaled from the raw Gram
/// (<see cref="PathProblem.AddRawGram"/>) — as one solve ended, with the point it ended at
/// and how far the coefficients had moved since the Gram was formed: while that is little, the curvature has hardly
/// changed, so the next solve — the next λ, which starts from that very point — can take its first Newton step with it
/// instead of forming it again. On a path whose columns in play stay the same (ridge; the lasso late in its path) the
/// first step's Gram was a fifth of the time. The multinomial path's class solves keep one per class and judge its age
/// themselves (<see cref="ClassCurvatureAge"/>).
/// </summary>
internal sealed class HeldGram(int[] columns, QuadraticModel model, double drift, PathPoint? point)
{
    private readonly int[] _columns = (int[])columns.Clone();

    /// <summary>The model whose curvature (H, H0, H00) the next solve may take as it is; its gradient is formed afresh.</summary>
    public QuadraticModel Model { get; } = model;

    /// <summary>The sum of the Newton steps' largest moves since the Gram was formed.</summary>
    public double Drift { get; } = drift;

    /// <summary>The columns whose curvature it holds, in the model's order.</summary>
    public IReadOnlyList<int> Columns => _columns;

    /// <summary>
    /// Whether a solve over <paramref name="columns"/> from (β, b) on <paramref name="labels"/> starts where this one ended
    /// and can take its curvature: over the same columns as it is, over others extended (<see cref="GramExtension"/>) while
    /// its raw Gram was kept and its curvature is fresh enough to serve a step.
    /// </summary>
    public bool Fits(int[] columns, double[] beta, double intercept, double[] labels) =>
        point is not null && point.Is(beta, intercept, labels)
        && (Covers(columns) || Model.Formed is not null && Drift <= CoordinateSteps.FreshCurvatureMove);

    /// <summary>Whether it is the Gram of <paramref name="columns"/>.</summary>
    public bool Covers(int[] columns) => columns.AsSpan().SequenceEqual(_columns);
}
