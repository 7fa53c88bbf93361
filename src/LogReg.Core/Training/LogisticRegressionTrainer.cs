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
    public static TrainingResult Train(TrainingSet data, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= TrainerOptions.Default;
        options.Validate();
        CheckData(data);

        OptimizerKind kind = OptimizerCatalog.Resolve(options, data.FeatureCount);
        int threads = options.ResolvedThreads;
        var objective = ObjectiveFactory.Create(data, options.Loss, options.L2Regularization, options.L1Regularization, threads);
        IOptimizer optimizer = OptimizerCatalog.Create(kind);
        options.Log?.Invoke(new LogEvent(LogSeverity.Info, string.Create(CultureInfo.InvariantCulture,
            $"Training {options.Loss} with {optimizer.Name} on {data.RowCount} rows × {data.FeatureCount} features " +
            $"({(data.Features.IsSparse ? "sparse" : "dense")}), L2 = {options.L2Regularization}, L1 = {options.L1Regularization}, {threads} thread(s).")));

        OptimizationResult result;
        var start = new double[objective.Dimension];
        if (kind == OptimizerKind.Lbfgs && !objective.Penalty.IsSmooth)
        {
            // OWL-QN in centred-bias coordinates (same weights, same L1 term): see CenteredBiasObjective.
            var centred = new CenteredBiasObjective(objective);
            result = optimizer.Minimize(centred, start, options);
            var theta = new double[objective.Dimension];
            centred.ToOriginal(result.Minimizer, theta);
            result = result with { Minimizer = theta };
        }
        else
        {
            result = optimizer.Minimize(objective, start, options);
        }
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{optimizer.Name}: {result.Iterations} iterations, {result.Evaluations.Total} passes, objective {result.Objective:R}, " +
            $"‖∇F‖∞ = {result.GradientNorm:G3}, stopped on {result.Termination}.");
        options.Log?.Invoke(result.Converged
            ? new LogEvent(LogSeverity.Info, summary)
            : new LogEvent(LogSeverity.Warning, $"Not converged. {summary} {Remedies.Explain(result.Termination)}.", result.Remedies));

        var model = new LogisticModel(result.Minimizer.AsSpan(0, data.FeatureCount).ToArray(), result.Minimizer[data.FeatureCount], options.Loss, data.FeatureNames);
        return new TrainingResult(model, new FitReport(kind, options, result));
    }

    private static void CheckData(TrainingSet data)
    {
        if (data.RowCount == 0)
        {
            throw new ArgumentException("The training data has no rows; at least one row of each class is needed.", nameof(data));
        }
        var (positive, negative) = data.ClassWeights();
        if (positive <= 0 || negative <= 0)
        {
            string present = positive > 0 ? "true (1)" : "false (0)";
            throw new ArgumentException(
                $"The training labels hold a single class (every row with a positive weight is {present}); " +
                "binary classification needs rows of both classes.", nameof(data));
        }
    }
}
