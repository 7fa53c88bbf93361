using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;

namespace LogReg.Core.Statistics;

/// <summary>
/// The covariance of the estimates, and what it means: the inverse observed Fisher information at
/// the MLE, the inverse penalised Hessian under L2, or the sandwich H⁻¹·B·H⁻¹ for squared error
/// (not a likelihood). A Hessian that is not positive definite gives no covariance, with a warning.
/// </summary>
internal static class CovarianceEstimator
{
    public sealed record Estimate(double[]? Covariance, StandardErrorKind Kind, string Note, string? Warning);

    public static Estimate Compute(TrainingSet data, ILinearModelObjective objective, double[] theta, double[] margins, LossKind loss, double l2)
    {
        int k = theta.Length;
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
        if (loss == LossKind.MeanSquaredError)
        {
            return new Estimate(Sandwich(data, margins, inverse), StandardErrorKind.Sandwich,
                "sandwich (robust) H⁻¹·B·H⁻¹, B = Σ sᵢ²·gᵢgᵢᵀ from the per-row gradients of the squared-error loss; " +
                "MSE on the sigmoid is not a likelihood, so the likelihood figures describe the fitted probabilities only.", null);
        }
        if (l2 == 0)
        {
            return new Estimate(inverse, StandardErrorKind.InverseFisherInformation,
                "from the inverse observed Fisher information at the maximum-likelihood estimate (as statsmodels' nonrobust covariance).", null);
        }
        return new Estimate(inverse, StandardErrorKind.InversePenalizedHessian, string.Create(CultureInfo.InvariantCulture,
            $"from the inverse of the penalised Hessian Xᵀ·W·X + {l2:G4}·I (as ML.NET documents for its L-BFGS statistics); ") +
            "the estimates are shrunk towards 0, so z and p describe the penalised fit, not an unbiased estimator.", null);
    }

    // H⁻¹·B·H⁻¹ with B = Σ sᵢ²·(ℓ'ᵢ)²·x̃ᵢx̃ᵢᵀ (the per-row score outer products; the L2 term is not random).
    private static double[] Sandwich(TrainingSet data, double[] margins, double[] hInverse)
    {
        int k = data.FeatureCount + 1;
        var mse = new SquaredErrorOnSigmoidLoss();
        var b = new double[k * k];
        var scratch = new double[k];
        for (int i = 0; i < data.RowCount; i++)
        {
            double g = data.WeightOf(i) * mse.Derivative(data.Labels[i], margins[i]);
            if (g != 0)
            {
                data.Features.AddWeightedOuterProduct(i, g * g, b, scratch);
            }
        }
        for (int a = 0; a < k; a++)
        {
            for (int c = 0; c < a; c++)
            {
                b[a * k + c] = b[c * k + a];
            }
        }
        return DenseLinearAlgebra.Multiply(DenseLinearAlgebra.Multiply(hInverse, b, k), hInverse, k);
    }
}
