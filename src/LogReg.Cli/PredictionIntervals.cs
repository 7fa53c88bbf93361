using LogReg.Core.Statistics;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// 'predict --intervals yes': each row's score standard error and probability interval (delta method,
/// <see cref="ModelStatistics.Predict"/>), from the statistics 'train --statistics yes' kept in the model
/// file, evaluated on the features the model itself sees (after its normaliser, if any).
/// </summary>
internal static class PredictionIntervals
{
    public static PredictionInterval[] For(ITransformer model, IDataView scored, string featuresColumn, string modelPath)
    {
        var statistics = LogRegModelDetails.LinearModelsIn(model).LastOrDefault()?.LogRegDetails()?.Statistics;
        if (statistics?.Covariance is null)
        {
            throw new CliException($"model '{modelPath}' carries no coefficient covariance; train it with 'logreg train --statistics yes' (and without --l1) to predict with intervals.");
        }
        // The scorer's input column: the normalised features when the chain normalises.
        var features = scored.GetColumn<float[]>(featuresColumn).ToArray();
        return features.Select(f => statistics.Predict(f.Select(v => (double)v).ToArray())
            ?? throw new CliException($"model '{modelPath}' has aliased coefficients; its predictions have no interval.")).ToArray();
    }
}
