namespace LogReg.Core.Training;

/// <summary>What <see cref="LogisticRegressionTrainer.Train(LogReg.Core.Data.TrainingSet, TrainerOptions?)"/> returns: the model and, beside it, the report of its fit.</summary>
/// <param name="Model">What scores.</param>
/// <param name="Report">How it was found.</param>
public sealed record TrainingResult(LogisticModel Model, FitReport Report);
