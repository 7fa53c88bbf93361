using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Separation;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// Maximum-likelihood multinomial logit and its statistics, as statsmodels' <c>MNLogit</c>: Newton
/// on the reference-class parametrisation (<see cref="ReferenceClassObjective"/>), standard errors
/// from the inverse of its Hessian at the estimate (Cholesky), z, two-sided normal p-values, 95%
/// Wald intervals, log-likelihood, null log-likelihood, AIC, BIC, McFadden's R² and the LR test.
/// </summary>
public static class MultinomialStatisticsCalculator
{
    /// <summary>Largest number of parameters (K − 1)·(d + 1) for which standard errors are computed (one pass per parameter).</summary>
    public const int MaximumParameters = 500;

    /// <summary>Fits the unpenalised model on <paramref name="data"/> (example weights as frequency weights) and computes its statistics.</summary>
    public static MultinomialStatistics Fit(MulticlassTrainingSet data, int threads = 1, CancellationToken cancellationToken = default) =>
        FitFrom(data, null, threads, cancellationToken);

    // Newton to 1e-10 on the reference-class parametrisation, from β₀ (0 when null).
    private static MultinomialStatistics FitFrom(MulticlassTrainingSet data, double[]? start, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        int p = (data.ClassCount - 1) * (data.FeatureCount + 1);
        var full = new SoftmaxObjective(data, l2: 0, threads: threads);
        var objective = ReferenceClassObjective.Of(full);
        var result = OptimizerCatalog.Create(OptimizerKind.Newton).Minimize(objective, start ?? new double[p],
            new OptimizerSettings { OptimizationTolerance = 1e-10, CancellationToken = cancellationToken });
        var warnings = new List<string>();
        // The proof, not the symptom: whether the maximum exists at all (MultinomialSeparationCheck).
        var separation = MultinomialSeparationCheck.Run(data, threads: threads, cancellationToken: cancellationToken);
        if (separation.Separated)
        {
            warnings.Add($"{separation.Describe()} So the maximum-likelihood estimate does not exist: the coefficients run off to infinity and no " +
                "standard error is meaningful. Remedy: a penalty (the trainer's L2), or dropping the separating features.");
        }
        else if (!separation.Checked)
        {
            warnings.Add($"Whether the maximum-likelihood estimate exists was not decided: {separation.Reason}");
        }
        if (!separation.Separated && !result.Converged)
        {
            warnings.Add($"Newton did not converge ({result.Termination}): {Remedies.Explain(result.Termination)}; the estimates and errors are not reliable.");
        }
        bool? exists = separation.Checked ? !separation.Separated : null;
        var statistics = Describe(data, full, result.Minimizer, result.Converged && !separation.Separated, withErrors: !separation.Separated, warnings, exists);
        return statistics with { MaximumLikelihoodEstimateExists = exists, Separation = separation };
    }

    /// <summary>
    /// The statistics of the trainer's fit (<paramref name="fit"/>, on <paramref name="data"/>) in the reference-class
    /// parametrisation (class k's coefficients minus class 0's: the same probabilities). An unpenalised fit gets the
    /// whole table at the maximum-likelihood estimate, polished from the fit by Newton to 1e-10 as <see cref="Fit"/> does
    /// (the full softmax's common shift leaves a first-order method short of that precision); a penalised fit gets the
    /// fit-level figures and its estimates, without standard errors, which describe the unpenalised likelihood only.
    /// </summary>
    public static MultinomialStatistics Compute(MulticlassTrainingSet data, FitResult<SoftmaxModel> fit, int threads = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var options = fit.Report.Options;
        int K = data.ClassCount, d = data.FeatureCount;
        var model = fit.Model;
        var beta = new double[(K - 1) * (d + 1)];
        for (int k = 1; k < K; k++)
        {
            for (int j = 0; j < d; j++)
            {
                beta[(k - 1) * d + j] = model.WeightsOf(k)[j] - model.WeightsOf(0)[j];
            }
            beta[(K - 1) * d + k - 1] = model.Biases[k] - model.Biases[0];
        }
        bool unpenalised = options.IsUnpenalised;
        if (unpenalised)
        {
            return FitFrom(data, beta, threads, cancellationToken);
        }
        var warnings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"The fit is penalised (L2 = {options.L2Regularization}, L1 = {options.L1Regularization}): the estimates are the penalised ones; standard errors describe the unpenalised maximum-likelihood fit only (L2 = L1 = 0)."),
        };
        return Describe(data, new SoftmaxObjective(data, l2: 0, threads: threads), beta, fit.Report.Optimization.Converged, withErrors: false, warnings);
    }

    // The table and the fit-level figures at β (reference-class parametrisation) on the unpenalised likelihood.
    // estimateExists: the separation check's word on the unpenalised likelihood (null: not decided or not asked).
    private static MultinomialStatistics Describe(MulticlassTrainingSet data, SoftmaxObjective full, double[] beta, bool converged, bool withErrors, List<string> warnings,
        bool? estimateExists = null)
    {
        int K = data.ClassCount, d = data.FeatureCount, p = beta.Length;
        var objective = ReferenceClassObjective.Of(full);
        int extreme = CountCertainRows(data, full.Probabilities(objective.Expand(beta)));
        if (extreme > 0 && estimateExists != false)
        {
            string rows = extreme.ToString(CultureInfo.InvariantCulture);
            warnings.Add(estimateExists == true
                ? $"{rows} row(s) have a fitted probability of their own class numerically 1 (within 1e-10), though the classes are not separated (proved): the estimates exist, but some are large and their standard errors wide."
                : $"{rows} row(s) have a fitted probability of their own class numerically 1 (within 1e-10): some classes are probably (quasi-)separated, so their estimates do not exist and their standard errors are not meaningful (a symptom: the separation check could not decide). Remedy: a penalty (the trainer's L2), or fewer features.");
        }

        double[]? covariance = null;
        if (!withErrors)
        {
            // Fit-level figures only.
        }
        else if (p > MaximumParameters)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{p} parameters are above the {MaximumParameters} supported for standard errors; only fit-level statistics are given."));
        }
        else
        {
            var hessian = objective.HessianAt(beta).ToDense();
            var factor = DenseLinearAlgebra.Cholesky(hessian, p);
            if (factor is null)
            {
                warnings.Add("The information matrix is singular (collinear features, or separated classes): no standard errors.");
            }
            else
            {
                covariance = DenseLinearAlgebra.InverseFromCholesky(factor, p);
            }
        }

        var counts = data.ClassWeights();
        double n = counts.Sum();
        double nullLogLikelihood = counts.Where(c => c > 0).Sum(c => c * Math.Log(c / n));
        return new MultinomialStatistics
        {
            ReferenceClass = data.ClassNames[0],
            Classes = data.ClassNames.Skip(1).ToArray(),
            Coefficients = Enumerable.Range(1, K - 1).Select(k => Table(data, beta, covariance, k)).ToArray(),
            Observations = n,
            LogLikelihood = -objective.SmoothValue(beta),
            NullLogLikelihood = nullLogLikelihood,
            ParameterCount = p,
            Converged = converged,
            Warnings = warnings,
        };
    }

    // As R's glm warns of "fitted probabilities numerically 0 or 1".
    private static int CountCertainRows(MulticlassTrainingSet data, double[] p)
    {
        int K = data.ClassCount, count = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            if (1 - p[i * K + data.Labels[i]] <= 1e-10)
            {
                count++;
            }
        }
        return count;
    }

    // Class k's rows of β: its d weights at (k − 1)·d, its bias at (K − 1)·d + k − 1; intercept first.
    private static List<CoefficientStatistics> Table(MulticlassTrainingSet data, double[] beta, double[]? covariance, int k)
    {
        int K = data.ClassCount, d = data.FeatureCount, p = beta.Length;
        var rows = new List<CoefficientStatistics>(d + 1);
        for (int c = -1; c < d; c++)
        {
            int index = c < 0 ? (K - 1) * d + k - 1 : (k - 1) * d + c;
            string name = c < 0 ? "intercept" : data.FeatureNames?[c] ?? $"x{c}";
            rows.Add(CoefficientStatistics.Wald(name, beta[index], covariance?[index * p + index]));
        }
        return rows;
    }
}
