namespace LogReg.Core.Training;

/// <summary>What <see cref="SoftmaxRegressionTrainer.Train"/> returns: the model and the report of its fit.</summary>
/// <param name="Model">What scores.</param>
/// <param name="Report">How it was found.</param>
public sealed record SoftmaxTrainingResult(SoftmaxModel Model, FitReport Report);
