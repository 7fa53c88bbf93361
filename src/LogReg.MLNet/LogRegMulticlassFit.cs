using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// What <see cref="LogRegMulticlassTrainer.FitWithReport"/> returns: ML.NET's multiclass transformer (what <c>Fit</c>
/// returns; it scores, saves and reloads in plain ML.NET) and this library's account of the fit beside it.
/// </summary>
/// <param name="Scorer">The transformer over <see cref="MaximumEntropyModelParameters"/>.</param>
/// <param name="Model">The double-precision softmax model, the fit report and, when asked for, the statistics.</param>
public sealed record LogRegMulticlassFit(MulticlassPredictionTransformer<MaximumEntropyModelParameters> Scorer, LogRegMulticlassModelParameters Model);
