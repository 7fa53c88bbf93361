using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Separation;

namespace LogReg.Core.Statistics;

/// <summary>The statistics of Firth's fit (<see cref="FirthLogisticRegression"/>) in the same table as the MLE's.</summary>
public static class FirthStatistics
{
    /// <summary>
    /// Fits Firth's logistic regression on <paramref name="data"/> and reports it as <see cref="ModelStatistics"/>:
    /// estimates, standard errors from I⁻¹ at the estimate, Wald z, p and intervals; ℓ at the estimate;
    /// whether the data are separated (then the MLE does not exist, and Firth's estimate is the finite alternative).
    /// </summary>
    public static ModelStatistics Fit(TrainingSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var fit = FirthLogisticRegression.Fit(data);
        int k = fit.Coefficients.Length;
        var margins = new double[data.RowCount];
        var row = new double[data.FeatureCount];
        for (int i = 0; i < margins.Length; i++)
        {
            data.Features.CopyRow(i, row);
            margins[i] = fit.Coefficients[0] + Numerics.VectorKernels.Dot(row, fit.Coefficients.AsSpan(1));
        }
        var likelihood = LikelihoodSummary.Of(data, margins, StatisticsCalculator.ExtremeMargin);
        var separation = SeparationCheck.Run(data, cancellationToken: cancellationToken);
        var coefficients = new List<CoefficientStatistics>(k);
        for (int c = 0; c < k; c++)
        {
            string name = DesignWarnings.Name(data, c);
            double estimate = fit.Coefficients[c], se = Math.Sqrt(fit.Covariance[c * k + c]), z = estimate / se;
            coefficients.Add(new CoefficientStatistics(name, estimate, se, z, SpecialFunctions.TwoSidedNormalPValue(z),
                estimate - SpecialFunctions.Normal975 * se, estimate + SpecialFunctions.Normal975 * se));
        }
        var warnings = new List<string>();
        if (!fit.Converged)
        {
            warnings.Add($"Firth's iterations did not converge in {fit.Iterations} steps (the modified score did not vanish); the estimates are not reliable.");
        }
        var notes = new List<string>
        {
            $"Firth's penalised log-likelihood ℓ + ½·ln|I| = {fit.PenalizedLogLikelihood:G10} ({fit.Iterations} Newton iterations).",
        };
        if (separation.Separated)
        {
            notes.Add("The data are separated, so the maximum-likelihood estimate does not exist; Firth's estimate is finite and is the one reported.");
        }
        return new ModelStatistics
        {
            Observations = likelihood.Observations,
            Coefficients = coefficients,
            Covariance = fit.Covariance,
            StandardErrors = StandardErrorKind.FirthInverseInformation,
            Method = "firth",
            StandardErrorNote = "from the inverse Fisher information at Firth's penalised estimate (as logistf and brglm2 report); the likelihood figures are those of the ordinary likelihood at that estimate.",
            LogLikelihood = likelihood.LogLikelihood,
            NullLogLikelihood = likelihood.NullLogLikelihood,
            ParameterCount = k,
            Converged = fit.Converged,
            MaximumLikelihoodEstimateExists = separation.Separated ? false : separation.Checked ? true : null,
            Separation = separation,
            Warnings = warnings,
            Notes = notes,
            Loss = LossKind.BinaryCrossEntropy,
        };
    }
}
