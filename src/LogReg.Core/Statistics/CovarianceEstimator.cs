using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Separation;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// The covariance of the estimates, and what it means: the inverse observed Fisher information at
/// the MLE, the inverse penalised Hessian under L2, or a sandwich H⁻¹·B·H⁻¹ (<see cref="RobustSandwich"/>:
/// HC0, HC1, HC3, cluster), the default for squared error (not a likelihood). A Hessian that is not
/// positive definite gives no covariance, with a warning.
/// </summary>
internal static class CovarianceEstimator
{
    public sealed record Estimate(double[]? Covariance, StandardErrorKind Kind, string Note, string? Warning);

    // estimate: what the fit is, for the note of an unpenalised-Hessian covariance ("the maximum-likelihood estimate").
    public static Estimate Compute(TrainingSet data, ILinearModelObjective objective, double[] theta, double[] margins, LossKind loss, double l2,
        StatisticsOptions options, string estimate)
    {
        // A column far from 0 (a Unix time) makes X̃ᵀWX̃ nearly singular in the intercept's direction (condition ~
        // (mean/spread)²) and its inverse loses digits; on shifted columns it is well conditioned, and the covariance
        // maps back exactly (the same margins, an affine change of parameters).
        if (ShiftedColumns.Of(data) is { } shifted)
        {
            var onShifted = Compute(shifted.Data, ObjectiveFactory.Create(shifted.Data, loss, l2), shifted.ToShifted(theta), margins, loss, l2, options, estimate);
            return onShifted.Covariance is null ? onShifted : onShifted with { Covariance = shifted.CovarianceFromShifted(onShifted.Covariance) };
        }
        int k = theta.Length;
        var type = options.Covariance == CovarianceType.Default
            ? loss == LossKind.MeanSquaredError ? CovarianceType.HC0 : CovarianceType.NonRobust
            : options.Covariance;
        if (type == CovarianceType.NonRobust && loss == LossKind.MeanSquaredError)
        {
            return new Estimate(null, StandardErrorKind.None, "none: a model-based covariance needs a likelihood, which MSE on the sigmoid is not.",
                "Covariance NonRobust was asked for an MSE fit; use a sandwich (HC0, HC1, HC3 or Cluster).");
        }
        var h = objective.HessianAt(theta).ToDense();
        if (!h.All(double.IsFinite))
        {
            return new Estimate(null, StandardErrorKind.None, "none: the Hessian at the fit is not finite.",
                "The Hessian at the fitted coefficients has a non-finite entry; no standard errors.");
        }
        var l = DenseLinearAlgebra.Cholesky(h, k);
        if (l is null)
        {
            return new Estimate(null, StandardErrorKind.None, "none: the Hessian at the fit is not positive definite.",
                "The Hessian at the fitted coefficients is singular or indefinite; no standard errors. Remedy: add L2 regularization or drop collinear features.");
        }
        var inverse = DenseLinearAlgebra.InverseFromCholesky(l, k);
        if (type != CovarianceType.NonRobust)
        {
            string penalised = l2 == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" The bread is the penalised Hessian (L2 = {l2:G4}).");
            string what = loss == LossKind.MeanSquaredError
                ? " MSE on the sigmoid is not a likelihood, so the likelihood figures describe the fitted probabilities only."
                : "";
            return new Estimate(RobustSandwich.Compute(data, margins, inverse, ObjectiveFactory.Loss(loss), type, options.Clusters), StandardErrorKind.Sandwich,
                RobustSandwich.Describe(type) + penalised + what, null);
        }
        if (l2 == 0)
        {
            return new Estimate(inverse, StandardErrorKind.InverseFisherInformation,
                $"from the inverse observed Fisher information at {estimate} (as statsmodels' nonrobust covariance).", null);
        }
        return new Estimate(inverse, StandardErrorKind.InversePenalizedHessian, string.Create(CultureInfo.InvariantCulture,
            $"from the inverse of the penalised Hessian Xᵀ·W·X + {l2:G4}·I (as ML.NET documents for its L-BFGS statistics); ") +
            "the estimates are shrunk towards 0, so z and p describe the penalised fit, not an unbiased estimator.", null);
    }
}
