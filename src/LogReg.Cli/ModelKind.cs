using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>What a loaded ML.NET model predicts, so predict can name a model it cannot score (a regression, a clustering …).</summary>
internal static class ModelKind
{
    /// <summary>Refuses a model whose last step predicts something other than classes, naming the kind and its parameters.</summary>
    public static void RequireClassifier(ITransformer model, string modelPath)
    {
        var last = Last(model);
        string? kind = last?.GetType() is { IsGenericType: true } type ? type.GetGenericTypeDefinition().Name switch
        {
            "RegressionPredictionTransformer`1" => "a regression model",
            "ClusteringPredictionTransformer`1" => "a clustering model",
            "AnomalyPredictionTransformer`1" => "an anomaly-detection model",
            "RankingPredictionTransformer`1" => "a ranking model",
            _ => null,
        } : null;
        if (kind is not null)
        {
            string parameters = last!.GetType().GetGenericArguments()[0].Name;
            throw new CliException($"model '{modelPath}' is {kind} ({parameters}); predict scores the binary and multiclass classifiers 'logreg train' writes.");
        }
    }

    private static ITransformer? Last(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.LastOrDefault() is { } inner ? Last(inner) : null : model;
}
