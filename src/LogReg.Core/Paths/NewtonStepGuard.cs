namespace LogReg.Core.Paths;

/// <summary>
/// Makes a λ's Newton steps descend once they are guarded: the objective (glmnet's scaling, the penalty over the columns
/// in play) at each step's start must be below the last start's, else the step is halved toward the last start until it
/// is. Unguarded full steps can cycle on rows with far more columns than rows.
/// </summary>
internal sealed class NewtonStepGuard(PathProblem problem, int[] columns, double lambda, double alpha)
{
    private readonly HalvableStep _step = new(columns);
    private readonly double _totalWeight = problem.NullDeviance / problem.NullDeviancePerWeight;
    private double _startObjective = double.PositiveInfinity;

    /// <summary>
    /// From the rows at (β, b) (<paramref name="eta"/>, the residuals and curvature weights RowsAt gave): halves the step
    /// from the last start while the objective is above it, then records the point as the next start. Returns the rows'
    /// residuals and weights at the point kept, and its intercept.
    /// </summary>
    public (double[] Residual, double[] Curvature, double Intercept) Descend(double[] beta, double intercept, double[] eta, double[] residual,
        double[] curvature, int maxHalvings)
    {
        double objective = Objective(beta, eta, residual, curvature);
        for (int halving = 0; halving < maxHalvings && objective > _startObjective + CoordinateSteps.RoundingShare * Math.Abs(_startObjective); halving++)
        {
            intercept = _step.Halve(beta, intercept);
            (eta, residual, curvature) = problem.RowsAt(beta, intercept);
            objective = Objective(beta, eta, residual, curvature);
        }
        _step.Begin(beta, intercept);
        _startObjective = objective;
        return (residual, curvature, intercept);
    }

    // Recomputes the rows' residuals and weights with the deviance (the same values RowsAt gave).
    private double Objective(double[] beta, double[] eta, double[] residual, double[] curvature) =>
        problem.ResidualsAndDeviance(eta, residual, curvature) / (2 * _totalWeight) + CoordinateSteps.Penalty(beta, columns, lambda, alpha);
}
