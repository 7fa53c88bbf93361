using LogReg.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// What <see cref="LogRegMulticlassTrainer.FitWithReport"/> returns: ML.NET's multiclass transformer (what <c>Fit</c>
/// returns; it scores, saves and reloads in plain ML.NET) and this library's account of the fit beside it.
/// </summary>
/// <param name="Scorer">The transformer over <see cref="MaximumEntropyModelParameters"/>.</param>
/// <param name="Model">The double-precision softmax model, the fit report and, when asked for, the statistics.</param>
public sealed record LogRegMulticlassFit(MulticlassPredictionTransformer<MaximumEntropyModelParameters> Scorer, LogRegMulticlassModelParameters Model)
{
    /// <summary>
    /// The transformer of a softmax model fitted outside <see cref="LogRegMulticlassTrainer"/> — e.g. by LogReg.Distributed
    /// over shards — so it scores, saves (<see cref="LogRegModelFile"/>) and reloads like any other: its input is a
    /// <paramref name="featureColumnName"/> vector of the model's features (named by the model's feature names), and its
    /// predicted label a key over the model's class names, in their order.
    /// </summary>
    /// <returns>The fit, and the schema it was made for (what <c>LogRegModelFile.Save</c> records as the input).</returns>
    public static (LogRegMulticlassFit Fit, DataViewSchema InputSchema) FromFit(MLContext mlContext, FitResult<SoftmaxModel> fit, long rowCount,
        string featureColumnName = "Features", string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(fit);
        var model = fit.Model;
        var names = model.FeatureNames ?? Enumerable.Range(0, model.FeatureCount).Select(j => $"x{j}").ToArray();
        // An empty view of the two columns: the features with their slot names, the label a key over the class names.
        var empty = new Core.Data.MulticlassTrainingSet(new Core.Data.DenseMatrix(0, model.FeatureCount, []), [], model.ClassCount, null, names, model.ClassNames);
        var input = empty.ToDataView(mlContext, labelColumnName, featureColumnName);
        var options = new LogRegMulticlassOptions { FeatureColumnName = featureColumnName, LabelColumnName = labelColumnName };
        var wrapped = new MulticlassTrainerFamily().Wrap(mlContext, fit, rowCount, 0, null, input, options);
        return (wrapped, input.Schema);
    }
}
