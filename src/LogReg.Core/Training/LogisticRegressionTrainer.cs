using LogReg.Core.Data;

namespace LogReg.Core.Training;

/// <summary>
/// The binary model's entry point on rows in memory: <see cref="Fitter.Fit{TModel}"/> of <see cref="FitProblem.Binary(TrainingSet)"/>
/// (validate, weight, resolve Auto, minimise from θ = 0 or the warm start, prove separation when unpenalised, log).
/// </summary>
public static class LogisticRegressionTrainer
{
    /// <summary>Trains on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Empty data, a single class, or options out of range.</exception>
    public static FitResult<LogisticModel> Train(TrainingSet data, TrainerOptions? options = null) => Fitter.Fit(FitProblem.Binary(data), options);

    /// <summary>
    /// Refuses data without rows or with a single class (every row with a positive weight in one class):
    /// the one check behind every binary fit, in memory, streamed or over shards.
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
