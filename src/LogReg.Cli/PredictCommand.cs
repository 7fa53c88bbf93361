using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// predict --model M.zip --data FILE.csv [--out FILE.csv] [--intervals no|yes] [--id COLUMN]: per row, in the
/// input's order, the ID (--id, or the column train was given as --id when the file has it), Score,
/// Probability and PredictedLabel (the class's own name); with intervals, the standard error of the
/// score and a 95% interval for the probability; a multiclass model: one probability per class and
/// the predicted class. The model's saved pipeline reads the raw columns (<see cref="ModelInput"/>).
/// </summary>
internal static class PredictCommand
{
    public static readonly CliOption[] Options = [CliOptions.Model, CliOptions.Data, CliOptions.Out, CliOptions.Intervals, CliOptions.Id, .. CliOptions.Format];

    public static int Run(Arguments a, TextWriter output, TextWriter error)
    {
        a.RequireAll(CliOptions.Model, CliOptions.Data);
        string modelPath = a.Required(CliOptions.Model);
        string dataPath = a.Required(CliOptions.Data);
        string? outPath = a.Get(CliOptions.Out);
        bool intervals = a.Get(CliOptions.Intervals);

        var ml = new MLContext();
        var (model, inputSchema) = Load(ml, modelPath);
        ModelKind.RequireClassifier(model, modelPath);
        var input = ModelInput.Of(modelPath, inputSchema, model);
        string? givenId = a.Get(CliOptions.Id);
        var format = CsvFormat.Detect(dataPath, a.Get(CliOptions.Delimiter), a.Get(CliOptions.Decimal), a.Get(CliOptions.MissingTokens));
        var table = CsvTable.Read(dataPath, format, input.TextColumns(givenId));
        if (table.RowCount == 0)
        {
            throw new CliException($"'{dataPath}' has a header but no data rows; nothing to predict.");
        }
        IDataView scored;
        try
        {
            scored = model.Transform(input.Read(ml, table, error));
        }
        catch (ArgumentOutOfRangeException e) when (e.Message.StartsWith("Could not find input column", StringComparison.Ordinal))
        {
            throw new CliException($"model '{modelPath}': its pipeline reads a column its column plan does not give it ({e.Message.Split('\n')[0].Trim()}); retrain with 'logreg train'.");
        }
        var outputSchema = scored.Schema;
        bool multiclass = outputSchema.GetColumnOrNull("Score")?.Type is VectorDataViewType;
        if (outputSchema.GetColumnOrNull("Probability") is null && !multiclass)
        {
            throw new CliException($"model '{modelPath}' is not a classifier written by 'logreg train' (its output has neither a Probability column nor a vector of class scores).");
        }
        string? idColumn = givenId ?? (input.Columns?.Id is { } trained && table.Header.Contains(trained) ? trained : null);
        string[]? ids = idColumn is null ? null : Enumerable.Range(0, table.RowCount).Select(r => table.Cell(r, table.IndexOf(idColumn, "--id"))).ToArray();
        void CheckPaths()
        {
            CommandLine.RefuseSamePath("predict", ("--out", outPath), ("--data", dataPath), ("--model", modelPath));
            OutputPaths.RefuseUnwritable("predict", ("--out", outPath));
        }
        if (multiclass)
        {
            if (intervals)
            {
                throw new CliException("predict: --intervals is for binary models.", 2);
            }
            return MulticlassPredictions.Write(scored, ids is null ? null : (idColumn!, ids), outPath, output, CheckPaths);
        }
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        var bands = intervals ? PredictionIntervals.For(model, scored, input.FeaturesColumn, modelPath) : null;
        var classes = input.Columns?.Classes ?? new[] { "0", "1" };
        if (outPath is null)
        {
            Write(output, score, probability, predicted, classes, bands, ids, idColumn);
            return 0;
        }
        CheckPaths();
        using (var writer = new StreamWriter(outPath))
        {
            Write(writer, score, probability, predicted, classes, bands, ids, idColumn);
        } // disposed (flushed) here: a failure to write surfaces before the success line
        output.WriteLine($"{score.Length} predictions written to {outPath}");
        return 0;
    }

    private static (ITransformer Model, DataViewSchema InputSchema) Load(MLContext ml, string modelPath)
    {
        try
        {
            var model = LogRegModelFile.Load(ml, modelPath, out var inputSchema);
            return (model, inputSchema);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new CliException(e.Message);
        }
    }

    // The ID (when asked for) first, so the output joins back to the input row by row.
    private static void Write(TextWriter target, float[] score, float[] probability, bool[] predicted, IReadOnlyList<string> classes,
        Core.Statistics.PredictionInterval[]? intervals, string[]? ids, string? idColumn)
    {
        target.WriteLine((ids is null ? "" : CsvCell(idColumn!) + ",") + "Score,Probability,PredictedLabel" + (intervals is null ? "" : ",Score_StdErr,Probability_Low,Probability_High"));
        for (int i = 0; i < score.Length; i++)
        {
            target.Write(ids is null ? "" : CsvCell(ids[i]) + ",");
            string extra = intervals is null ? "" : string.Create(CultureInfo.InvariantCulture, $",{intervals[i].StandardError:R},{intervals[i].Low:R},{intervals[i].High:R}");
            target.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score[i]:R},{probability[i]:R},{CsvCell(classes[predicted[i] ? 1 : 0])}") + extra);
        }
    }

    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\n\r");

    /// <summary>A cell as CSV writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string CsvCell(string text) =>
        text.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
