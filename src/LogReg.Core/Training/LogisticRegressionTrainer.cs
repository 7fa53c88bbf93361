using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Fits a <see cref="LogisticModel"/>: validates the options and the data, builds the objective,
/// resolves and runs the optimizer from θ = 0, and logs what happened (a warning with the
/// remedies when it did not converge).
/// </summary>
public static class LogisticRegressionTrainer
{
    /// <summary>Trains on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Empty data, a single class, or options out of range.</exception>
    public static TrainingResult Train(TrainingSet data, TrainerOptions? options = null) => Train(data, options, checkSeparation: true);

    /// <summary>
    /// The same; <paramref name="checkSeparation"/> false leaves the separation check of an unpenalised fit to the caller
    /// (the statistics run it once, on the columns they describe).
    /// </summary>
    internal static TrainingResult Train(TrainingSet data, TrainerOptions? options, bool checkSeparation)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= TrainerOptions.Default;
        options.Validate();
        FitCapabilities.Require(ModelFamily.Sigmoid, RowSource.InMemory, options);
        CheckData(data);
        data = options.ClassWeighting.Apply(data);
        options.ValidateStart(data.FeatureCount);

        if (options.FirthBiasReduction)
        {
            return FirthTraining.Train(data, options);
        }
        OptimizerKind kind = OptimizerCatalog.Resolve(options, data.FeatureCount, data.RowCount);
        int threads = options.ResolvedThreads;
        var objective = ObjectiveFactory.Create(data, options.Loss, options.L2Regularization, options.L1Regularization, threads, options.EnforceNonNegativity);
        IOptimizer optimizer = OptimizerCatalog.Create(kind);
        // OWL-QN runs in centred-bias coordinates (same weights, same L1 term): see CenteredBiasObjective.
        Func<double[], OptimizationResult>? centredOwlqn = kind == OptimizerKind.Lbfgs && !objective.Penalty.IsSmooth
            ? start =>
            {
                var centred = new CenteredBiasObjective(objective);
                var found = optimizer.Minimize(centred, centred.FromOriginal(start), options);
                var theta = new double[objective.Dimension];
                centred.ToOriginal(found.Minimizer, theta);
                return found with { Minimizer = theta };
            }
            : null;
        var result = FitRun.Minimize(optimizer, objective, options, options.Loss.ToString(),
            $"{data.RowCount} rows × {data.FeatureCount} features ({(data.Features.IsSparse ? "sparse" : "dense")})", centredOwlqn);
        var separation = checkSeparation ? UnboundedLikelihood.Check(data, objective, result, options) : null;
        result = UnboundedLikelihood.Amend(result, separation);
        FitOutcomeLog.Report(options, optimizer, result);

        var model = new LogisticModel(result.Minimizer.AsSpan(0, data.FeatureCount).ToArray(), result.Minimizer[data.FeatureCount], options.Loss, data.FeatureNames);
        return new TrainingResult(model, new FitReport(kind, options, result, separation));
    }

    private static void CheckData(TrainingSet data)
    {
        var (positive, negative) = data.ClassWeights();
        RequireBothClasses(data.RowCount, positive, negative, nameof(data));
    }

    /// <summary>
    /// Refuses data without rows or with a single class (every row with a positive weight in one class):
    /// the one check behind every trainer, in memory, streamed or over shards.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, or one class only.</exception>
    public static void RequireBothClasses(long rowCount, double positiveWeight, double negativeWeight, string parameterName)
    {
        if (rowCount == 0)
        {
            throw new ArgumentException("The training data has no rows; at least one row of each class is needed.", parameterName);
        }
        if (positiveWeight <= 0 || negativeWeight <= 0)
        {
            string present = positiveWeight > 0 ? "true (1)" : "false (0)";
            throw new ArgumentException(
                $"The training labels hold a single class (every row with a positive weight is {present}); " +
                "binary classification needs rows of both classes.", parameterName);
        }
    }
}
