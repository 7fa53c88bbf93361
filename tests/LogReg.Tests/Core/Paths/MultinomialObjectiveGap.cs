using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Tests.Core.Paths;

/// <summary>How far a multinomial path's points are from a closely solved path's over the same λ, in glmnet's objective.</summary>
internal static class MultinomialObjectiveGap
{
    /// <summary>Each column's 1/n standard deviation over unweighted rows.</summary>
    public static double[] Scales(double[][] rows) => Scales(rows, Enumerable.Repeat(1.0, rows.Length).ToArray());

    /// <summary>Each column's weighted 1/n standard deviation, as the path standardises it.</summary>
    public static double[] Scales(double[][] rows, double[] weights)
    {
        double total = weights.Sum();
        return Enumerable.Range(0, rows[0].Length).Select(j =>
        {
            double mean = Enumerable.Range(0, rows.Length).Sum(i => weights[i] * rows[i][j]) / total;
            double square = Enumerable.Range(0, rows.Length).Sum(i => weights[i] * rows[i][j] * rows[i][j]) / total;
            return Math.Sqrt(Math.Max(square - mean * mean, 0));
        }).ToArray();
    }

    /// <summary>
    /// The default path's points at mixing <paramref name="alpha"/>, each against a path on the same λ solved at
    /// <paramref name="tolerance"/>: the gaps at λ 2 … (the first λ is glmnet's λ_max, for a ridge path a stand-in whose
    /// objective is not comparable), in λ order.
    /// </summary>
    public static double[] OfDefaultPath(MulticlassTrainingSet data, double[] scales, double alpha, double tolerance)
    {
        var loose = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha });
        var close = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha, Lambdas = loose.Lambdas.ToArray(), Tolerance = tolerance });
        double totalWeight = data.ExampleWeights?.Sum() ?? data.RowCount;
        return Enumerable.Range(1, loose.Lambdas.Count - 1).Select(m => At(loose, close, m, totalWeight, scales, alpha)).ToArray();
    }

    /// <summary>(loose − close)/close at point m, glmnet's objective with the penalty on the standardised coefficients.</summary>
    public static double At(MultinomialRegularizationPath loose, MultinomialRegularizationPath close, int m, double totalWeight, double[] scales,
        double alpha)
    {
        double Objective(MultinomialRegularizationPath path)
        {
            double penalty = 0;
            foreach (var coefficients in path.Coefficients[m])
            {
                for (int j = 0; j < coefficients.Length; j++)
                {
                    double b = coefficients[j] * scales[j];
                    penalty += (1 - alpha) / 2 * b * b + alpha * Math.Abs(b);
                }
            }
            return (1 - path.DevianceRatio[m]) * path.NullDeviance / (2 * totalWeight) + path.Lambdas[m] * penalty;
        }
        double reference = Objective(close);
        return (Objective(loose) - reference) / Math.Abs(reference);
    }
}
