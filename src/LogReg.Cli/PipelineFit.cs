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
    /// <param name="ml">The context.</param>
    /// <param name="featurise">The featurisation, saved in front of the trainer.</param>
    /// <param name="trainer">The trainer.</param>
    /// <param name="data">The raw rows.</param>
    /// <param name="reads">The columns the trainer reads, the features first (null entries skipped).</param>
    /// <param name="direct">
    /// When given, the rows the featurisation learns from (<see cref="PreparedTable.ToMeansRow"/>) and the trainer's rows
    /// made from the fitted featurisation's features column instead of read through it (<see cref="PreparedTable.ToTrainerView"/>:
    /// the same values, without ML.NET's chain of cursors).
    /// </param>
    public static TransformerChain<TModel> Fit<TModel>(MLContext ml, IEstimator<ITransformer> featurise, IEstimator<TModel> trainer,
        IDataView data, string?[] reads, (IDataView LearnFrom, Func<DataViewSchema.Column, IDataView> Rows)? direct = null)
        where TModel : class, ITransformer
    {
        var featurised = featurise.Fit(direct?.LearnFrom ?? data);
        IDataView read;
        if (direct is { } given)
        {
            read = given.Rows(featurised.GetOutputSchema(data.Schema)[reads[0]!]);
        }
        else
        {
            var rows = featurised.Transform(data);
            read = ml.Transforms.SelectColumns(reads.OfType<string>().Distinct().ToArray()).Fit(rows).Transform(rows);
        }
        return Flatten(featurised).Append(trainer.Fit(read));
    }

    // The featurisation's steps, so the model is one flat chain as Append makes it (its last step's type varies).
    private static TransformerChain<ITransformer> Flatten(ITransformer featurised) =>
        new(featurised is IEnumerable<ITransformer> steps ? steps.ToArray() : [featurised]);
}
