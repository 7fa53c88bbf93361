namespace LogReg.Core.Paths;

/// <summary>
/// Makes a λ's Newton steps descend once they are guarded: the objective (glmnet's scaling, the penalty over the columns
/// in play) at each step's start must be below the last start's, else the step is halved toward the last start until it
/// is. Unguarded full steps can cycle on rows with far more columns than rows.
/// </summary>
internal sealed class NewtonStepGuard(PathProblem problem, int[] columns, double lambda, double alpha)
{
    // Newton steps after which each must lower the objective, halved toward the last step's start until it does. A λ
    // takes 1–3 steps where the steps converge; on 300 rows × 6,000 sparse columns at a coarse λ grid (678 columns in
    // play) full steps cycled between two points for all 100 steps, and at the next λ ran every row to certainty.
    private const int GuardAfter = 10;

    private const int MaxHalvings = 50;

    private readonly HalvableStep _step = new(columns, new double[columns.Length], new double[columns.Length]);
    private readonly double _totalWeight = problem.TotalWeight;
    private double _startObjective = double.PositiveInfinity;

    /// <summary>
    /// From the rows at (β, b) (<paramref name="eta"/>, the residuals and curvature weights RowsAt gave): halves the step
    /// from the last start while the objective is above it, then records the point as the next start. Returns the rows'
    /// residuals and weights at the point kept, and its intercept.
    /// </summary>
    public (double[] Residual, double[] Curvature, double Intercept) Descend(double[] beta, double intercept, double[] eta, double[] residual,
        double[] curvature)
    {
        double objective = Objective(beta, eta, residual, curvature);
        for (int halving = 0; halving < MaxHalvings && objective > _startObjective + CoordinateSteps.RoundingShare * Math.Abs(_startObjective); halving++)
        {
            intercept = _step.Halve(beta, intercept);
            (eta, residual, curvature) = problem.RowsAt(beta, intercept);
            objective = Objective(beta, eta, residual, curvature);
        }
        _step.Begin(beta, intercept);
        _startObjective = objective;
        return (residual, curvature, intercept);
    }

    /// <summary>
    /// The rows (RowsAt's) at the start of Newton step <paramref name="step"/> of a λ's solve, its first steps as they are and
    /// later ones through <paramref name="guard"/> (made on the first guarded step: the multinomial rounds solve one step
    /// per class thousands of times) — the residuals, curvature weights and intercept to take the step from.
    /// </summary>
    public static (double[] Residual, double[] Curvature, double Intercept) StepStart(ref NewtonStepGuard? guard, int step, PathProblem problem,
        int[] columns, double lambda, double alpha, double[] beta, double intercept)
    {
        var (eta, residual, curvature) = problem.RowsAt(beta, intercept);
        if (step < GuardAfter)
        {
            return (residual, curvature, intercept);
        }
        guard ??= new NewtonStepGuard(problem, columns, lambda, alpha);
        return guard.Descend(beta, intercept, eta, residual, curvature);
    }

    // Recomputes the rows' residuals and weights with the deviance (the same values RowsAt gave).
    private double Objective(double[] beta, double[] eta, double[] residual, double[] curvature) =>
        problem.ResidualsAndDeviance(eta, residual, curvature) / (2 * _totalWeight) + CoordinateSteps.Penalty(beta, columns, lambda, alpha);
}
