using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>A multiclass model's predictions as CSV: Probability_CLASS per class (the Score vector), then PredictedLabel by name.</summary>
internal static class MulticlassPredictions
{
    public static int Write(IDataView scored, (string Column, string[] Values)? ids, string? outPath, TextWriter output, Action checkPaths)
    {
        var predicted = scored.Schema["PredictedLabel"];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        predicted.GetKeyValues(ref names);
        var classes = names.DenseValues().Select(n => n.ToString()).ToArray();
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        var labels = scored.GetColumn<uint>("PredictedLabel").ToArray();
        if (outPath is null)
        {
            Write(output, classes, scores, labels, ids);
            return 0;
        }
        checkPaths();
        using (var writer = new StreamWriter(outPath))
        {
            Write(writer, classes, scores, labels, ids);
        } // disposed (flushed) here: a failure to write surfaces before the success line
        output.WriteLine($"{scores.Length} predictions written to {outPath}");
        return 0;
    }

    // The ID (when asked for) first, so the output joins back to the input row by row.
    private static void Write(TextWriter target, string[] classes, float[][] scores, uint[] labels, (string Column, string[] Values)? ids)
    {
        var header = classes.Select(c => PredictCommand.CsvCell("Probability_" + c)).Append("PredictedLabel");
        target.WriteLine(string.Join(",", ids is { } h ? header.Prepend(PredictCommand.CsvCell(h.Column)) : header));
        for (int i = 0; i < scores.Length; i++)
        {
            var cells = scores[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Append(labels[i] == 0 ? "" : PredictCommand.CsvCell(classes[labels[i] - 1]));
            target.WriteLine(string.Join(",", ids is { } v ? cells.Prepend(PredictCommand.CsvCell(v.Values[i])) : cells));
        }
    }
}
