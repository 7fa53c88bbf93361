using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Fits a <see cref="LogisticModel"/>: checks the data, builds the objective, picks and runs the
/// optimizer from θ = 0, and logs what happened (a warning naming a remedy when it did not converge).
/// </summary>
public static class LogisticRegressionTrainer
{
    /// <summary>Trains on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Empty data, a single class, or options that do not fit together.</exception>
    public static LogisticModel Train(TrainingSet data, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainerOptions();
        CheckData(data);
        CheckOptions(options);

        OptimizerKind kind = Resolve(options, data.FeatureCount);
        int threads = options.NumberOfThreads ?? Environment.ProcessorCount;
        var objective = new LinearModelObjective(data, options.Loss, options.L2Regularization, options.L1Regularization, threads);
        IOptimizer optimizer = Create(kind);
        var settings = new OptimizerSettings
        {
            Tolerance = options.OptimizationTolerance,
            MaximumIterations = options.MaximumNumberOfIterations ?? TrainerDefaults.IterationsFor(kind),
            LearningRate = options.LearningRate,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            HistorySize = options.HistorySize,
            Progress = options.Progress,
            CancellationToken = options.CancellationToken,
        };

        options.Log?.Invoke(
            $"Training {options.Loss} with {optimizer.Name} on {data.RowCount} rows × {data.FeatureCount} features " +
            $"({(data.Features.IsSparse ? "sparse" : "dense")}), L2 = {options.L2Regularization.ToString(CultureInfo.InvariantCulture)}, " +
            $"L1 = {options.L1Regularization.ToString(CultureInfo.InvariantCulture)}, {threads} thread(s).");
        OptimizationResult result;
        if (kind == OptimizerKind.Lbfgs && options.L1Regularization > 0)
        {
            // OWL-QN in centred-bias coordinates (same weights, same L1 term): see CenteredBiasObjective.
            var centred = new CenteredBiasObjective(objective);
            var inU = optimizer.Minimize(centred, new double[objective.Dimension], settings);
            var theta = new double[objective.Dimension];
            centred.ToOriginal(inU.Minimizer, theta);
            result = new OptimizationResult(theta, inU.Objective, inU.GradientNorm, inU.Iterations, inU.FunctionEvaluations,
                inU.Termination, inU.Converged, inU.Message, inU.Trace);
        }
        else
        {
            result = optimizer.Minimize(objective, new double[objective.Dimension], settings);
        }
        string summary =
            $"{optimizer.Name}: {result.Iterations} iterations, {result.FunctionEvaluations} passes, objective " +
            $"{result.Objective.ToString("R", CultureInfo.InvariantCulture)}, ‖∇F‖∞ = {result.GradientNorm.ToString("G3", CultureInfo.InvariantCulture)}, " +
            $"stopped on {result.Termination}.";
        options.Log?.Invoke(result.Converged ? summary : $"Warning: not converged. {summary} {result.Message}");

        var weights = result.Minimizer.AsSpan(0, data.FeatureCount).ToArray();
        double bias = result.Minimizer[data.FeatureCount];
        return new LogisticModel(weights, bias, options.Loss, kind, options.L2Regularization, options.L1Regularization, result, data.FeatureNames);
    }

    /// <summary>The optimizer <see cref="OptimizerKind.Auto"/> stands for, given the options and d.</summary>
    public static OptimizerKind Resolve(TrainerOptions options, int featureCount)
    {
        if (options.Optimizer != OptimizerKind.Auto)
        {
            return options.Optimizer;
        }
        return options.L1Regularization == 0 && featureCount + 1 <= TrainerDefaults.AutoNewtonLimit
            ? OptimizerKind.Newton
            : OptimizerKind.Lbfgs;
    }

    /// <summary>A new optimizer of the given kind.</summary>
    public static IOptimizer Create(OptimizerKind kind) => kind switch
    {
        OptimizerKind.GradientDescent => new GradientDescentOptimizer(),
        OptimizerKind.MiniBatchSgd => new MiniBatchSgdOptimizer(),
        OptimizerKind.Newton => new NewtonOptimizer(),
        OptimizerKind.Lbfgs => new LbfgsOptimizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer."),
    };

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

    private static void CheckOptions(TrainerOptions o)
    {
        if (!Enum.IsDefined(o.Loss))
        {
            throw new ArgumentOutOfRangeException(nameof(o.Loss), o.Loss, "Unknown loss; expected BinaryCrossEntropy or MeanSquaredError.");
        }
        if (!Enum.IsDefined(o.Optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(o.Optimizer), o.Optimizer, "Unknown optimizer.");
        }
        if (!double.IsFinite(o.L2Regularization) || o.L2Regularization < 0)
        {
            throw new ArgumentOutOfRangeException("L2Regularization", o.L2Regularization, "L2Regularization must be a finite number ≥ 0.");
        }
        if (!double.IsFinite(o.L1Regularization) || o.L1Regularization < 0)
        {
            throw new ArgumentOutOfRangeException("L1Regularization", o.L1Regularization, "L1Regularization must be a finite number ≥ 0.");
        }
        if (!(o.OptimizationTolerance > 0) || !double.IsFinite(o.OptimizationTolerance))
        {
            throw new ArgumentOutOfRangeException("OptimizationTolerance", o.OptimizationTolerance, "OptimizationTolerance must be a finite number > 0.");
        }
        if (o.MaximumNumberOfIterations is int it && it < 1)
        {
            throw new ArgumentOutOfRangeException("MaximumNumberOfIterations", it, "MaximumNumberOfIterations must be at least 1.");
        }
        if (o.NumberOfThreads is int t && t < 1)
        {
            throw new ArgumentOutOfRangeException("NumberOfThreads", t, "NumberOfThreads must be at least 1.");
        }
        if (o.LearningRate is double lr && (!(lr > 0) || !double.IsFinite(lr)))
        {
            throw new ArgumentOutOfRangeException("LearningRate", lr, "LearningRate must be a finite number > 0.");
        }
        if (o.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException("BatchSize", o.BatchSize, "BatchSize must be at least 1.");
        }
        if (o.HistorySize < 1)
        {
            throw new ArgumentOutOfRangeException("HistorySize", o.HistorySize, "HistorySize must be at least 1.");
        }
        if (o.Optimizer == OptimizerKind.Newton && o.L1Regularization > 0)
        {
            throw new ArgumentException("The Newton optimizer needs a smooth objective: set L1Regularization to 0, or use Lbfgs (OWL-QN) for L1.");
        }
    }
}
