using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// Fits the featurisation, then the trainer on only the columns it reads (features, label, weight, fold), and joins them in
/// one chain. The saved model is the same chain a plain <c>featurise.Append(trainer).Fit(data)</c> makes, but the
/// trainer's transformer records a training schema of those few columns instead of every raw column of the file: ML.NET
/// saves that schema with a codec writer per column, which was half of <c>Model.Save</c> on a 5,000-column file.
/// </summary>
internal static class PipelineFit
{
    public static TransformerChain<TModel> Fit<TModel>(MLContext ml, IEstimator<ITransformer> featurise, IEstimator<TModel> trainer,
        IDataView data, params string?[] reads)
        where TModel : class, ITransformer
    {
        var featurised = featurise.Fit(data);
        var rows = featurised.Transform(data);
        var read = ml.Transforms.SelectColumns(reads.OfType<string>().Distinct().ToArray()).Fit(rows).Transform(rows);
        return Flatten(featurised).Append(trainer.Fit(read));
    }

    // The featurisation's steps, so the model is one flat chain as Append makes it (its last step's type varies).
    private static TransformerChain<ITransformer> Flatten(ITransformer featurised) =>
        new(featurised is IEnumerable<ITransformer> steps ? steps.ToArray() : [featurised]);
}
