using LogReg.Compare;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// The training accuracy and AUC train prints, from one pass over the scored rows: ML.NET's evaluator made a pass of
/// its own with buffers to match (a sixth of train's time on a 500,000-row file) and samples the AUC above 100,000
/// rows; this one is exact (rank-sum, ties averaged) and unweighted, as the evaluator was called.
/// </summary>
internal static class TrainingMetrics
{
    /// <summary>
    /// The same from the model's weights and the table directly when the plan allows (<see cref="PlanFeaturizer"/>; no
    /// free text, no normaliser after the featurisation): no pass through the pipeline.
    /// </summary>
    public static BinaryMetrics Binary(PreparedTable prepared, Core.Training.LogisticModel model)
    {
        var margins = PlanFeaturizer.Margins(prepared, model.Weights.ToArray(), model.Bias);
        return BinaryMetrics.Compute(prepared.BinaryLabels, margins, new Mapped<double, double>(margins, m => 1 / (1 + Math.Exp(-m))));
    }

    public static BinaryMetrics Binary(IDataView scored, string label)
    {
        var columns = new[] { scored.Schema[label], scored.Schema["Score"], scored.Schema["Probability"] };
        int rows = (int)Math.Min(scored.GetRowCount() ?? 0, int.MaxValue);
        var labels = new List<bool>(rows);
        var scores = new List<double>(rows);
        var probabilities = new List<double>(rows);
        using var cursor = scored.GetRowCursor(columns);
        var readLabel = cursor.GetGetter<bool>(columns[0]);
        var readScore = cursor.GetGetter<float>(columns[1]);
        var readProbability = cursor.GetGetter<float>(columns[2]);
        bool y = false;
        float score = 0, probability = 0;
        while (cursor.MoveNext())
        {
            readLabel(ref y);
            readScore(ref score);
            readProbability(ref probability);
            labels.Add(y);
            scores.Add(score);
            probabilities.Add(probability);
        }
        return BinaryMetrics.Compute(labels, scores, probabilities);
    }

    // A list read through a function: the labels as Booleans and the probabilities without a copy of a long file's rows.
    private sealed class Mapped<TIn, TOut>(IReadOnlyList<TIn> source, Func<TIn, TOut> map) : IReadOnlyList<TOut>
    {
        public TOut this[int index] => map(source[index]);

        public int Count => source.Count;

        public IEnumerator<TOut> GetEnumerator() => source.Select(map).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
