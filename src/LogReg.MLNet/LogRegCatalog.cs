using LogReg.Core.Losses;

namespace LogReg.MLNet;

/// <summary>Extension methods on <c>mlContext.BinaryClassification.Trainers</c> and <c>mlContext.MulticlassClassification.Trainers</c>.</summary>
public static class LogRegCatalog
{
    /// <summary>
    /// Logistic regression (or MSE-on-sigmoid regression) written from first principles, trained on
    /// <paramref name="featureColumnName"/> to predict the Boolean <paramref name="labelColumnName"/>.
    /// Outputs Score (w·x + b), Probability (σ(Score)) and PredictedLabel (Score &gt; 0). A null
    /// option keeps the default of <see cref="LogRegOptions"/>.
    /// </summary>
    public static LogRegTrainer LogReg(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        LossKind loss = LossKind.BinaryCrossEntropy,
        OptimizerKind optimizer = OptimizerKind.Auto,
        float? l1Regularization = null,
        float? l2Regularization = null,
        float? optimizationTolerance = null,
        int? maximumNumberOfIterations = null)
        => catalog.LogReg(Given(new LogRegOptions { Loss = loss, Optimizer = optimizer }, labelColumnName, featureColumnName, exampleWeightColumnName,
            l1Regularization, l2Regularization, optimizationTolerance, maximumNumberOfIterations));

    /// <summary>The same trainer configured by an options object.</summary>
    public static LogRegTrainer LogReg(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, LogRegOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LogRegTrainer(MLNetInterop.EnvironmentOf(catalog), options);
    }

    /// <summary>
    /// Logistic regression with its penalty chosen by K-fold cross-validation over an elastic-net path (glmnet's scaling,
    /// defaults and rules): the lasso by default (<paramref name="l1Ratio"/> = 1), 10 folds, deviance, the one-standard-error
    /// rule. Returns the same transformer as <c>LogReg</c>; <c>LogRegDetails().CrossValidation</c> holds the path and curve.
    /// </summary>
    public static LogRegCVTrainer LogRegCV(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        double l1Ratio = 1,
        int numberOfFolds = 10)
        => catalog.LogRegCV(new LogRegCVOptions
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ExampleWeightColumnName = exampleWeightColumnName,
            L1Ratio = l1Ratio, NumberOfFolds = numberOfFolds,
        });

    /// <summary>The cross-validated trainer configured by an options object.</summary>
    public static LogRegCVTrainer LogRegCV(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, LogRegCVOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LogRegCVTrainer(MLNetInterop.EnvironmentOf(catalog), options);
    }

    /// <summary>
    /// Multinomial (softmax) logistic regression written from first principles, trained on
    /// <paramref name="featureColumnName"/> to predict the key-typed <paramref name="labelColumnName"/>.
    /// Outputs Score (the K class probabilities) and PredictedLabel, as <c>LbfgsMaximumEntropy</c>. A
    /// null option keeps the default of <see cref="LogRegMulticlassOptions"/>.
    /// </summary>
    public static LogRegMulticlassTrainer LogReg(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        float? l1Regularization = null,
        float? l2Regularization = null,
        float? optimizationTolerance = null,
        int? maximumNumberOfIterations = null)
        => catalog.LogReg(Given(new LogRegMulticlassOptions(), labelColumnName, featureColumnName, exampleWeightColumnName,
            l1Regularization, l2Regularization, optimizationTolerance, maximumNumberOfIterations));

    /// <summary>The multiclass trainer configured by an options object.</summary>
    public static LogRegMulticlassTrainer LogReg(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, LogRegMulticlassOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LogRegMulticlassTrainer(MLNetInterop.EnvironmentOf(catalog), options);
    }

    /// <summary>
    /// Multinomial logistic regression with its penalty chosen by K-fold cross-validation over an elastic-net path
    /// (glmnet's <c>family = "multinomial"</c>, its scaling, defaults and rules): the lasso by default, 10 folds stratified
    /// by class, deviance, the one-standard-error rule. Returns the same transformer as the multiclass <c>LogReg</c>;
    /// <c>LogRegDetails().CrossValidation</c> holds the path and curve.
    /// </summary>
    public static LogRegMulticlassCVTrainer LogRegCV(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        double l1Ratio = 1,
        int numberOfFolds = 10)
        => catalog.LogRegCV(new LogRegCVOptions
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ExampleWeightColumnName = exampleWeightColumnName,
            L1Ratio = l1Ratio, NumberOfFolds = numberOfFolds,
        });

    /// <summary>The cross-validated multiclass trainer configured by an options object.</summary>
    public static LogRegMulticlassCVTrainer LogRegCV(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, LogRegCVOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LogRegMulticlassCVTrainer(MLNetInterop.EnvironmentOf(catalog), options);
    }

    // The simple arguments both catalogs take; a null one keeps the option's default.
    private static T Given<T>(T options, string labelColumnName, string featureColumnName, string? exampleWeightColumnName,
        float? l1Regularization, float? l2Regularization, float? optimizationTolerance, int? maximumNumberOfIterations)
        where T : LogRegOptionsBase
    {
        options.LabelColumnName = labelColumnName;
        options.FeatureColumnName = featureColumnName;
        options.ExampleWeightColumnName = exampleWeightColumnName;
        options.MaximumNumberOfIterations = maximumNumberOfIterations;
        if (l1Regularization is float l1)
        {
            options.L1Regularization = l1;
        }
        if (l2Regularization is float l2)
        {
            options.L2Regularization = l2;
        }
        if (optimizationTolerance is float tolerance)
        {
            options.OptimizationTolerance = tolerance;
        }
        return options;
    }
}
