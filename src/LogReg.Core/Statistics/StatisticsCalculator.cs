using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// Coefficient statistics of a logistic model, in managed code (no MKL): standard errors from the
/// inverse of the Hessian of the negative log-likelihood at the optimum (Cholesky), z, two-sided
/// p-values, 95% Wald intervals, odds ratios, log-likelihood, deviance, AIC, BIC, McFadden's
/// pseudo-R², likelihood-ratio test. Separation and rank deficiency are detected and reported
/// instead of printing meaningless numbers.
/// </summary>
public static class StatisticsCalculator
{
    /// <summary>|z| above which R's glm calls a fitted probability "numerically 0 or 1" (p or 1 − p &lt; 10·ε).</summary>
    public static readonly double ExtremeMargin = Math.Log(1 / (10 * 2.220446049250313e-16));

    /// <summary>Most parameters (features + intercept) the statistics handle: the covariance is dense.</summary>
    public const int MaximumParameters = 2000;

    /// <summary>
    /// What a statistician fits by default: the unpenalised maximum-likelihood estimate (L2 = 0),
    /// to a tight tolerance (1e-10), every other option the trainer's default.
    /// </summary>
    public static TrainerOptions MaximumLikelihoodOptions { get; } = new() { L2Regularization = 0, OptimizationTolerance = 1e-10 };

    /// <summary>
    /// Fits with the trainer (<paramref name="options"/>, by default <see cref="MaximumLikelihoodOptions"/>)
    /// and computes the statistics of that fit.
    /// </summary>
    public static ModelStatistics Fit(TrainingSet data, TrainerOptions? options = null) =>
        Compute(data, LogisticRegressionTrainer.Train(data, options ?? MaximumLikelihoodOptions));

    /// <summary>The statistics of a fit on its training data.</summary>
    public static ModelStatistics Compute(TrainingSet data, TrainingResult fit)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var model = fit.Model;
        var options = fit.Report.Options;
        var optimization = fit.Report.Optimization;
        if (model.FeatureCount != data.FeatureCount)
        {
            throw new ArgumentException($"The model has {model.FeatureCount} weights but the data have {data.FeatureCount} features.", nameof(fit));
        }
        if (data.FeatureCount + 1 > MaximumParameters)
        {
            throw new ArgumentException(
                $"Coefficient statistics invert a dense (d+1)×(d+1) Hessian; d = {data.FeatureCount} features is above the {MaximumParameters - 1} supported.", nameof(data));
        }
        if (options.L1Regularization > 0)
        {
            throw new ArgumentException("Statistics are computed for L2-regularised or unpenalised fits only; this model has L1 > 0.", nameof(fit));
        }
        int d = data.FeatureCount;
        int k = d + 1;
        var theta = model.ToParameters();
        var objective = ObjectiveFactory.Create(data, model.Loss, options.L2Regularization);
        var margins = objective.Margins(theta);
        var warnings = new List<string>();

        // Log-likelihoods of the fitted probabilities and of the intercept-only model.
        var bce = new BinaryCrossEntropyLoss();
        double n = 0, positives = 0, logLikelihood = 0;
        int extreme = 0, correct = 0, used = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            double s = data.WeightOf(i);
            if (s == 0)
            {
                continue;
            }
            used++;
            n += s;
            positives += s * data.Labels[i];
            logLikelihood -= s * bce.Value(data.Labels[i], margins[i]);
            if (Math.Abs(margins[i]) > ExtremeMargin)
            {
                extreme++;
            }
            if (margins[i] != 0 && (margins[i] > 0) == (data.Labels[i] == 1))
            {
                correct++;
            }
        }
        double pBar = positives / n;
        double nullLogLikelihood = positives * Math.Log(pBar) + (n - positives) * Math.Log(1 - pBar);

        bool mleExists = true;
        var checks = DesignChecks.Inspect(data);
        bool unpenalised = options.L2Regularization == 0;
        if (checks.RankDeficient)
        {
            var parts = new List<string>();
            if (checks.ConstantColumns.Count > 0)
            {
                parts.Add("constant column(s) " + string.Join(", ", checks.ConstantColumns.Select(c => $"'{c}'")) + " (collinear with the intercept)");
            }
            if (checks.DuplicatePairs.Count > 0)
            {
                parts.Add("duplicated column(s) " + string.Join(", ", checks.DuplicatePairs.Select(p => $"'{p.Second}' = '{p.First}'")));
            }
            if (parts.Count == 0)
            {
                parts.Add($"linearly dependent columns (rank of [1 X] is {checks.Rank} < {k})");
            }
            if (unpenalised)
            {
                mleExists = false;
                warnings.Add("The design is rank deficient: " + string.Join("; ", parts) +
                    ". The coefficients are not identifiable and have no standard errors. Remedy: drop the named column(s), or add L2 regularisation.");
            }
            else
            {
                warnings.Add("The design is rank deficient: " + string.Join("; ", parts) + ". The L2 penalty makes the fit unique; drop the named column(s) for interpretable coefficients.");
            }
        }
        if (extreme > 0 && unpenalised && model.Loss == LossKind.BinaryCrossEntropy)
        {
            mleExists = false;
            string kind = correct == used
                ? "complete separation: a linear combination of the features classifies every row perfectly"
                : "quasi-complete separation: some rows are classified perfectly";
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Fitted probabilities numerically 0 or 1 for {extreme} of {used} rows — {kind}, so the maximum-likelihood estimate does not exist ") +
                "(the coefficients run off to infinity and no standard error is meaningful). Remedy: add L2 regularisation (e.g. L2 = 1), or drop the separating feature(s).");
        }
        if (!optimization.Converged)
        {
            warnings.Add($"The fit did not converge: {optimization.Message}");
        }

        // Standard errors.
        StandardErrorKind kindOfErrors = StandardErrorKind.None;
        string note;
        double[]? covariance = null;
        if (!mleExists)
        {
            note = "none: the maximum-likelihood estimate does not exist or is not unique (see the warnings).";
        }
        else
        {
            var h = objective.HessianAt(theta).ToDense();
            var l = DenseLinearAlgebra.Cholesky(h, k);
            if (l is null)
            {
                note = "none: the Hessian at the fit is not positive definite.";
                warnings.Add("The Hessian at the fitted coefficients is singular or indefinite; no standard errors. Remedy: add L2 regularisation or drop collinear features.");
            }
            else
            {
                var inverse = DenseLinearAlgebra.InverseFromCholesky(l, k);
                if (model.Loss == LossKind.MeanSquaredError)
                {
                    covariance = Sandwich(data, margins, inverse);
                    kindOfErrors = StandardErrorKind.Sandwich;
                    note = "sandwich (robust) H⁻¹·B·H⁻¹, B = Σ sᵢ²·gᵢgᵢᵀ from the per-row gradients of the squared-error loss; " +
                        "MSE on the sigmoid is not a likelihood, so the likelihood figures describe the fitted probabilities only.";
                }
                else if (unpenalised)
                {
                    covariance = inverse;
                    kindOfErrors = StandardErrorKind.InverseFisherInformation;
                    note = "from the inverse observed Fisher information at the maximum-likelihood estimate (as statsmodels' nonrobust covariance).";
                }
                else
                {
                    covariance = inverse;
                    kindOfErrors = StandardErrorKind.InversePenalizedHessian;
                    note = string.Create(CultureInfo.InvariantCulture,
                        $"from the inverse of the penalised Hessian Xᵀ·W·X + {options.L2Regularization:G4}·I (as ML.NET documents for its L-BFGS statistics); ") +
                        "the estimates are shrunk towards 0, so z and p describe the penalised fit, not an unbiased estimator.";
                }
            }
        }

        // Intercept first, as statsmodels' add_constant(prepend=True) does.
        var coefficients = new List<CoefficientStatistics>(k);
        for (int t = 0; t < k; t++)
        {
            int index = t == 0 ? d : t - 1;
            string name = t == 0 ? "intercept" : data.FeatureNames?[index] ?? $"x{index}";
            double estimate = theta[index];
            if (covariance is null)
            {
                coefficients.Add(new CoefficientStatistics(name, estimate, null, null, null, null, null));
                continue;
            }
            double se = Math.Sqrt(covariance[index * k + index]);
            double z = estimate / se;
            coefficients.Add(new CoefficientStatistics(name, estimate, se, z, SpecialFunctions.TwoSidedNormalPValue(z),
                estimate - SpecialFunctions.Normal975 * se, estimate + SpecialFunctions.Normal975 * se));
        }

        return new ModelStatistics
        {
            Observations = n,
            Coefficients = coefficients,
            StandardErrors = kindOfErrors,
            StandardErrorNote = note,
            LogLikelihood = logLikelihood,
            NullLogLikelihood = nullLogLikelihood,
            ParameterCount = k,
            // A diverging coefficient sequence has not converged, whatever the optimizer's test said.
            Converged = optimization.Converged && mleExists,
            MaximumLikelihoodEstimateExists = mleExists,
            Warnings = warnings,
            Loss = model.Loss,
            L2Regularization = options.L2Regularization,
        };
    }

    // H⁻¹·B·H⁻¹ with B = Σ sᵢ²·(ℓ'ᵢ)²·x̃ᵢx̃ᵢᵀ (the per-row score outer products; the L2 term is not random).
    private static double[] Sandwich(TrainingSet data, double[] margins, double[] hInverse)
    {
        int d = data.FeatureCount;
        int k = d + 1;
        var mse = new SquaredErrorOnSigmoidLoss();
        var b = new double[k * k];
        var scratch = new double[k];
        for (int i = 0; i < data.RowCount; i++)
        {
            double s = data.WeightOf(i);
            double g = s * mse.Derivative(data.Labels[i], margins[i]);
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
