using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
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
    public static MultinomialStatistics Fit(MulticlassTrainingSet data, int threads = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        int K = data.ClassCount, d = data.FeatureCount, p = (K - 1) * (d + 1);
        var full = new SoftmaxObjective(data, l2: 0, threads: threads);
        var objective = new ReferenceClassObjective(full);
        var result = OptimizerCatalog.Create(OptimizerKind.Newton).Minimize(objective, new double[p],
            new OptimizerSettings { OptimizationTolerance = 1e-10, CancellationToken = cancellationToken });
        var beta = result.Minimizer;
        var warnings = new List<string>();
        if (!result.Converged)
        {
            warnings.Add($"Newton did not converge ({result.Termination}): {Remedies.Explain(result.Termination)}; the classes may be separated, so the estimates and errors are not reliable.");
        }

        int extreme = CountCertainRows(data, full.Probabilities(objective.ToFull(beta)));
        if (extreme > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{extreme} row(s) have a fitted probability of their own class numerically 1 (within 1e-10): some classes are probably (quasi-)separated, so their estimates do not exist and their standard errors are not meaningful (this is a symptom, not a proof). Remedy: a penalty (the trainer's L2), or fewer features."));
        }

        double[]? covariance = null;
        if (p > MaximumParameters)
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
            LogLikelihood = -result.Objective,
            NullLogLikelihood = nullLogLikelihood,
            ParameterCount = p,
            ModelDegreesOfFreedom = (K - 1) * d,
            Converged = result.Converged,
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
            double estimate = beta[index];
            if (covariance is null)
            {
                rows.Add(new CoefficientStatistics(name, estimate, null, null, null, null, null));
                continue;
            }
            double se = Math.Sqrt(covariance[index * p + index]);
            double z = estimate / se;
            rows.Add(new CoefficientStatistics(name, estimate, se, z, SpecialFunctions.TwoSidedNormalPValue(z),
                estimate - SpecialFunctions.Normal975 * se, estimate + SpecialFunctions.Normal975 * se));
        }
        return rows;
    }
}
