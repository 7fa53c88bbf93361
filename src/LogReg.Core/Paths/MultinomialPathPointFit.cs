using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Training;

namespace LogReg.Core.Paths;

/// <summary>
/// One point of a multinomial path as a fit like any other (<see cref="FitResult{TModel}"/>): the softmax model on the
/// features' own scale, and a report as <see cref="PathPointFit"/> gives for the binary family — the objective and the
/// largest violation of the optimality conditions measured on the rows.
/// </summary>
public static class MultinomialPathPointFit
{
    /// <summary>The fit at point <paramref name="index"/> of <paramref name="path"/>, fitted on <paramref name="data"/> with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A class without weight in the rows (its intercept is −∞: no model holds it).</exception>
    public static FitResult<SoftmaxModel> At(MulticlassTrainingSet data, MultinomialRegularizationPath path, int index, ElasticNetPathOptions options, string how)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        int d = data.FeatureCount, classes = data.ClassCount;
        var biases = path.Intercepts[index];
        if (Array.FindIndex(biases, double.IsNegativeInfinity) is int missing and >= 0)
        {
            throw new ArgumentException($"Class '{data.ClassNames[missing]}' has no rows with weight; every class needs some.", nameof(data));
        }
        double lambda = path.Lambdas[index], alpha = options.L1Ratio;
        var weights = path.Coefficients[index].SelectMany(w => w).ToArray();
        var theta = weights.Concat(biases).ToArray();
        var gradient = new double[theta.Length];
        double loss = new SoftmaxObjective(data, l2: 0).SmoothValueAndGradient(theta, gradient);
        var (scales, total) = PathPointFit.ScalesOf(data.Features, i => data.ExampleWeights?[i] ?? 1, options.Standardize);
        double penalty = 0, violation = 0;
        for (int k = 0; k < classes; k++)
        {
            violation = Math.Max(violation, Math.Abs(gradient[classes * d + k] / total));
            for (int j = 0; j < d; j++)
            {
                double w = weights[k * d + j], scale = scales[j];
                double g = gradient[k * d + j] / total + lambda * (1 - alpha) * scale * scale * w;
                double l1 = lambda * alpha * scale;
                penalty += lambda * ((1 - alpha) / 2 * scale * scale * w * w + alpha * scale * Math.Abs(w));
                violation = Math.Max(violation, w != 0 ? Math.Abs(g + l1 * Math.Sign(w)) : Math.Max(Math.Abs(g) - l1, 0));
            }
        }
        return new FitResult<SoftmaxModel>(new SoftmaxModel(weights, biases.ToArray(), data.ClassNames, data.FeatureNames),
            PathPointFit.Report(theta, loss + total * penalty, violation * total, total * lambda, options, path.Lambdas.Count, how, multinomial: true));
    }
}
