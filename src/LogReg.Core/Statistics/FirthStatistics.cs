using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Separation;
using LogReg.Core.Training;

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
        // As brglm2 does, aliased columns (exact combinations of earlier ones) are left out and reported as NA.
        var rank = RankAnalysis.Inspect(data);
        var aliased = rank?.Aliased.Where(c => c > 0).ToList() ?? new List<int>();
        var kept = Enumerable.Range(0, data.FeatureCount).Where(j => !aliased.Contains(j + 1)).ToList();
        var fitted = aliased.Count == 0 ? data : data.SelectFeatures(kept);
        var fit = FirthLogisticRegression.Fit(fitted);
        int k = fit.Coefficients.Length, t = data.FeatureCount + 1;
        var margins = new double[fitted.RowCount];
        var row = new double[fitted.FeatureCount];
        for (int i = 0; i < margins.Length; i++)
        {
            fitted.Features.CopyRow(i, row);
            margins[i] = fit.Coefficients[0] + Numerics.VectorKernels.Dot(row, fit.Coefficients.AsSpan(1));
        }
        var likelihood = LikelihoodSummary.Of(fitted, margins, StatisticsCalculator.ExtremeMargin);
        var separation = SeparationCheck.Run(data, cancellationToken: cancellationToken);
        // Table position c (0 = intercept, j + 1 = feature j) → position in the fit, or −1 for an aliased column.
        var index = Enumerable.Range(0, t).Select(c => c == 0 ? 0 : kept.IndexOf(c - 1) is var a and >= 0 ? a + 1 : -1).ToArray();
        var coefficients = new List<CoefficientStatistics>(t);
        var covariance = new double[t * t];
        for (int c = 0; c < t; c++)
        {
            string name = DesignWarnings.Name(data, c);
            for (int b = 0; b < t; b++)
            {
                covariance[c * t + b] = index[c] < 0 || index[b] < 0 ? double.NaN : fit.Covariance[index[c] * k + index[b]];
            }
            if (index[c] < 0)
            {
                coefficients.Add(new CoefficientStatistics(name, double.NaN, null, null, null, null, null, Aliased: true));
                continue;
            }
            coefficients.Add(CoefficientStatistics.Wald(name, fit.Coefficients[index[c]], fit.Covariance[index[c] * k + index[c]]));
        }
        var warnings = new List<string>();
        if (aliased.Count > 0)
        {
            warnings.Add(DesignWarnings.RankDeficient(data, rank!, 0, unpenalised: true));
        }
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
            Covariance = covariance,
            AliasedCoefficients = aliased.Select(c => DesignWarnings.Name(data, c)).ToArray(),
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
