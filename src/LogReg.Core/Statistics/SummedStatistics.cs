using System.Globalization;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Separation;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// Coefficient statistics of a fit whose rows are never in one place (shards, streamed blocks): everything comes from
/// sums over the rows — the Hessian at the fit (one round of dense curvature), the log-likelihood (the objective's value
/// without its penalty), and the weight of each class (the intercept-only model). The covariance is the inverse observed
/// Fisher information (the inverse penalised Hessian under L2), as <see cref="StatisticsCalculator"/> gives for rows in
/// memory; what needs the rows themselves is not done and says so: the separation proof (a linear program over the rows),
/// the rank analysis (a singular Hessian gives no standard errors, with the warning), sandwich covariances, and the
/// count of fitted probabilities numerically 0 or 1.
/// </summary>
public static class SummedStatistics
{
    /// <summary>Statistics of <paramref name="fit"/>, a binary cross-entropy fit (unpenalised or L2) on <paramref name="objective"/>.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="objective">The summed objective the fit minimised (its penalty is the fit's).</param>
    /// <param name="positiveWeight">Σ sᵢ over rows with label 1 (class weights applied).</param>
    /// <param name="negativeWeight">Σ sᵢ over rows with label 0 (class weights applied).</param>
    /// <param name="why">Why the rows are not in one place, for the notes ("the rows are spread over 6 shards").</param>
    /// <exception cref="ArgumentException">The fit is not binary cross-entropy, has L1 or a non-negativity bound, or Firth's correction.</exception>
    public static ModelStatistics Compute(FitResult<LogisticModel> fit, SummedObjective objective, double positiveWeight, double negativeWeight, string why)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(objective);
        var options = fit.Report.Options;
        if (fit.Model.Loss != LossKind.BinaryCrossEntropy || options.L1Regularization != 0 || options.EnforceNonNegativity || options.FirthBiasReduction)
        {
            throw new ArgumentException("Statistics from sums are for binary cross-entropy fits, unpenalised or with L2 only (no L1, non-negativity or Firth).", nameof(fit));
        }
        var theta = fit.Model.ToParameters();
        int k = theta.Length;
        double l2 = options.L2Regularization;
        double penalty = 0;
        for (int j = 0; j < k - 1; j++)
        {
            penalty += 0.5 * l2 * theta[j] * theta[j];
        }
        double logLikelihood = -(objective.SmoothValue(theta) - penalty);
        double n = positiveWeight + negativeWeight;
        double pBar = positiveWeight / n;
        double nullLogLikelihood = positiveWeight * Math.Log(pBar) + negativeWeight * Math.Log(1 - pBar);

        var warnings = new List<string>
        {
            $"Separation was not checked: {why}, and the proof is a linear program over the rows. Whether the maximum-likelihood estimate exists is not known; the estimates and standard errors reported assume it does.",
        };
        if (!fit.Report.Optimization.Converged)
        {
            warnings.Add($"The fit did not converge: {fit.Report.Optimization.Message}");
        }
        var h = objective.HessianAt(theta).ToDense();
        var cholesky = h.All(double.IsFinite) ? DenseLinearAlgebra.Cholesky(h, k) : null;
        double[]? inverse = cholesky is null ? null : DenseLinearAlgebra.InverseFromCholesky(cholesky, k);
        if (inverse is null)
        {
            warnings.Add("The Hessian at the fitted coefficients is singular, indefinite or not finite; no standard errors. Remedy: add L2 regularization or drop collinear features.");
        }
        var names = fit.Model.FeatureNames;
        string Name(int c) => c == 0 ? "intercept" : names?[c - 1] ?? $"x{c - 1}";
        // Table order: intercept first; θ holds the weights, then the bias.
        int Index(int c) => c == 0 ? k - 1 : c - 1;
        var coefficients = Enumerable.Range(0, k)
            .Select(c => CoefficientStatistics.Wald(Name(c), theta[Index(c)], inverse?[Index(c) * k + Index(c)]))
            .ToList();
        double[]? table = inverse is null ? null : new double[k * k];
        for (int a = 0; table is not null && a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                table[a * k + b] = inverse![Index(a) * k + Index(b)];
            }
        }
        return new ModelStatistics
        {
            Observations = n,
            Coefficients = coefficients,
            Covariance = table,
            StandardErrors = inverse is null ? StandardErrorKind.None : l2 == 0 ? StandardErrorKind.InverseFisherInformation : StandardErrorKind.InversePenalizedHessian,
            CovarianceType = CovarianceType.NonRobust,
            StandardErrorNote = inverse is null ? "none: the Hessian at the fit is not positive definite."
                : l2 == 0 ? "from the inverse observed Fisher information at the maximum-likelihood estimate, summed over the rows where they are (as statsmodels' nonrobust covariance)."
                : string.Create(CultureInfo.InvariantCulture, $"from the inverse of the penalised Hessian Xᵀ·W·X + {l2:G4}·I, summed over the rows where they are; the estimates are shrunk towards 0."),
            LogLikelihood = logLikelihood,
            NullLogLikelihood = nullLogLikelihood,
            ParameterCount = k,
            Converged = fit.Report.Optimization.Converged,
            MaximumLikelihoodEstimateExists = null,
            Separation = SeparationResult.NotChecked($"{why}; the proof is a linear program over the rows."),
            Warnings = warnings,
            Notes = [$"Computed from sums ({why}): no rank analysis (a singular Hessian gives no standard errors), no sandwich covariance, no count of fitted probabilities numerically 0 or 1."],
            Loss = LossKind.BinaryCrossEntropy,
            L2Regularization = l2,
        };
    }
}
