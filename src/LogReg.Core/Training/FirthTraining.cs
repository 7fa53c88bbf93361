using LogReg.Core.Data;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The trainer's route for <see cref="TrainerOptions.FirthBiasReduction"/>: Newton on Firth's objective −ℓ*
/// (<see cref="Objectives.FirthObjective"/>, I as its curvature) through the same steps and loop as every fit, so the report's
/// objective, gradient norm (the modified score's largest entry), counts and termination are the loop's own.
/// </summary>
internal static class FirthTraining
{
    /// <summary>Firth's iterations stop at 200 unless the options cap them.</summary>
    public const int DefaultIterationCap = 200;

    public static TrainingResult Train(TrainingSet data, TrainerOptions options)
    {
        var objective = FirthLogisticRegression.ObjectiveFor(data);
        var optimizer = OptimizerCatalog.Create(OptimizerKind.Newton);
        options = options with { MaximumNumberOfIterations = options.MaximumNumberOfIterations ?? DefaultIterationCap };
        var result = FitRun.Minimize(optimizer, objective, options, "BinaryCrossEntropy with Firth's penalty ½·ln|I|",
            $"{data.RowCount} rows × {data.FeatureCount} features (dense information matrix)");
        FitOutcomeLog.Report(options, optimizer, result);
        var model = new LogisticModel(result.Minimizer.AsSpan(0, data.FeatureCount).ToArray(), result.Minimizer[data.FeatureCount],
            Losses.LossKind.BinaryCrossEntropy, data.FeatureNames);
        return new TrainingResult(model, new FitReport(OptimizerKind.Newton, options, result));
    }
}
