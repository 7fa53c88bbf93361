using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;

namespace LogReg.Core.Paths;

/// <summary>
/// One point of a path as a fit like any other (<see cref="FitResult{TModel}"/>): the model on the features' own scale,
/// and a report naming coordinate descent, the penalty on the summed scale of <see cref="TrainerOptions"/> (L2 = W·λ(1 − α),
/// L1 = W·λα, W the total weight — on the standardised coefficients when the path standardised), the objective and the
/// largest violation of the optimality conditions, measured here on the rows.
/// </summary>
public static class PathPointFit
{
    /// <summary>The fit at point <paramref name="index"/> of <paramref name="path"/>, fitted on <paramref name="data"/> with <paramref name="options"/>.</summary>
    public static FitResult<LogisticModel> At(TrainingSet data, RegularizationPath path, int index, ElasticNetPathOptions options, string how)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        int d = data.FeatureCount;
        double lambda = path.Lambdas[index], alpha = options.L1Ratio, b = path.Intercepts[index];
        var w = path.Coefficients[index];
        // The summed loss and its gradient (bias last) from the trainer's own objective; each column's weighted (1/W)
        // mean and variance from one pass over the rows.
        var theta = w.Append(b).ToArray();
        var gradient = new double[d + 1];
        double loss = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy).SmoothValueAndGradient(theta, gradient);
        var (scales, total) = ScalesOf(data.Features, data.WeightOf, options.Standardize);
        double penalty = 0, violation = Math.Abs(gradient[d] / total);
        for (int j = 0; j < d; j++)
        {
            double scale = scales[j];
            double g = gradient[j] / total + lambda * (1 - alpha) * scale * scale * w[j];
            double l1 = lambda * alpha * scale;
            penalty += lambda * ((1 - alpha) / 2 * scale * scale * w[j] * w[j] + alpha * scale * Math.Abs(w[j]));
            // The smallest subgradient: at zero the L1 part absorbs up to l1.
            violation = Math.Max(violation, w[j] != 0 ? Math.Abs(g + l1 * Math.Sign(w[j])) : Math.Max(Math.Abs(g) - l1, 0));
        }
        return new FitResult<LogisticModel>(new LogisticModel(w.ToArray(), b, LossKind.BinaryCrossEntropy, data.FeatureNames),
            Report(theta, loss + total * penalty, violation * total, total * lambda, options, path.Lambdas.Count, how));
    }

    /// <summary>The report of a path point: coordinate descent, the penalty on the summed scale, converged to the path's tolerance.</summary>
    internal static FitReport Report(double[] theta, double objective, double violation, double summedLambda, ElasticNetPathOptions options,
        int lambdaCount, string how, bool multinomial = false)
    {
        var trainerOptions = TrainerOptions.Default with
        {
            Optimizer = OptimizerKind.CoordinateDescent,
            L2Regularization = summedLambda * (1 - options.L1Ratio),
            L1Regularization = summedLambda * options.L1Ratio,
            OptimizationTolerance = options.ToleranceFor(multinomial),
        };
        var result = new OptimizationResult(theta, objective, violation, lambdaCount, default, TerminationReason.GradientTolerance, Converged: true,
            Remedy.None, how, []);
        return new FitReport(OptimizerKind.CoordinateDescent, trainerOptions, result);
    }

    /// <summary>Each column's weighted (1/W) standard deviation (1 when not standardising), and W, from one pass over the rows.</summary>
    internal static (double[] Scales, double Total) ScalesOf(DesignMatrix features, Func<int, double> weightOf, bool standardize)
    {
        int d = features.ColumnCount;
        var sum = new double[d];
        var squares = new double[d];
        double total = 0;
        for (int i = 0; i < features.RowCount; i++)
        {
            double s = weightOf(i);
            features.AddScaledRowAndSquares(i, s, sum, squares);
            total += s;
        }
        var scales = new double[d];
        for (int j = 0; j < d; j++)
        {
            double mean = sum[j] / total;
            scales[j] = standardize ? Math.Sqrt(Math.Max(squares[j] / total - mean * mean, 0)) : 1;
        }
        return (scales, total);
    }
}
