using LogReg.Core.Losses;
using LogReg.Core.Training;
using Microsoft.ML;

namespace LogReg.MLNet;

/// <summary>Extension methods on <c>mlContext.BinaryClassification.Trainers</c>.</summary>
public static class LogRegCatalog
{
    /// <summary>
    /// Logistic regression (or MSE-on-sigmoid regression) written from first principles, trained on
    /// <paramref name="featureColumnName"/> to predict the Boolean <paramref name="labelColumnName"/>.
    /// Outputs Score (w·x + b), Probability (σ(Score)) and PredictedLabel (Score &gt; 0).
    /// </summary>
    public static LogRegTrainer LogReg(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        LossKind loss = LossKind.BinaryCrossEntropy,
        OptimizerKind optimizer = OptimizerKind.Auto,
        float l1Regularization = TrainerDefaults.L1Regularization,
        float l2Regularization = TrainerDefaults.L2Regularization,
        float optimizationTolerance = TrainerDefaults.OptimizationTolerance,
        int? maximumNumberOfIterations = null)
    {
        return catalog.LogReg(new LogRegOptions
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            ExampleWeightColumnName = exampleWeightColumnName,
            Loss = loss,
            Optimizer = optimizer,
            L1Regularization = l1Regularization,
            L2Regularization = l2Regularization,
            OptimizationTolerance = optimizationTolerance,
            MaximumNumberOfIterations = maximumNumberOfIterations,
        });
    }

    /// <summary>The same trainer configured by an options object.</summary>
    public static LogRegTrainer LogReg(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, LogRegOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LogRegTrainer(MLNetInterop.EnvironmentOf(catalog), options);
    }
}
