using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// predict --model M.zip --data FILE.csv [--out FILE.csv] [--intervals no|yes] [--id COLUMN]: Score, Probability, PredictedLabel per row
/// (with intervals, the standard error of the score and a 95% interval for the probability)
/// (a multiclass model: one probability column per class and the predicted class's name).
/// </summary>
internal static class PredictCommand
{
    public static readonly string[] Options = { "--model", "--data", "--out", "--intervals", "--id" };

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var a = new Arguments("predict", args, Options);
        string modelPath = a.Required("--model");
        string dataPath = a.Required("--data");
        string? outPath = a.Optional("--out");

        var ml = new MLContext();
        ITransformer model;
        DataViewSchema inputSchema;
        try
        {
            model = LogRegModelFile.Load(ml, modelPath, out inputSchema);
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message);
        }
        var features = inputSchema.GetColumnOrNull(CsvTrainingData.FeaturesColumn)
            ?? throw new CliException($"model '{modelPath}' was not written by 'logreg train' (it has no '{CsvTrainingData.FeaturesColumn}' input column).");
        if (!features.HasSlotNames())
        {
            throw new CliException($"model '{modelPath}' does not record its feature names; train it with 'logreg train'.");
        }
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        features.GetSlotNames(ref slotNames);
        var names = slotNames.DenseValues().Select(n => n.ToString()).ToArray();

        var outputSchema = OutputSchema(model, inputSchema);
        bool multiclass = outputSchema?.GetColumnOrNull("Score")?.Type is VectorDataViewType;
        if (outputSchema?.GetColumnOrNull("Probability") is null && !multiclass)
        {
            throw new CliException($"model '{modelPath}' is not a classifier written by 'logreg train' (its output has neither a Probability column nor a vector of class scores).");
        }
        var table = CsvTable.Read(dataPath);
        var scored = model.Transform(CsvTrainingData.Features(table, names).ToDataView(ml, names, CsvTrainingData.FeaturesColumn));
        if (multiclass)
        {
            if (a.Optional("--id") is not null)
            {
                throw new CliException("predict: --id is not offered for multiclass models yet; the output rows are in the input's order.", 2);
            }
            return MulticlassPredictions.Write(scored, outPath, output, () => CommandLine.RefuseSamePath("predict", ("--out", outPath), ("--data", dataPath), ("--model", modelPath)));
        }
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        string[]? ids = a.Optional("--id") is string idColumn ? table.Rows.Select(r => r[table.IndexOf(idColumn, "id")]).ToArray() : null;
        var intervals = a.Choice("--intervals", new Dictionary<string, bool> { ["no"] = false, ["yes"] = true }, false)
            ? PredictionIntervals.For(model, scored, modelPath) : null;

        if (outPath is null)
        {
            Write(output, score, probability, predicted, intervals, ids, a.Optional("--id"));
            return 0;
        }
        CommandLine.RefuseSamePath("predict", ("--out", outPath), ("--data", dataPath), ("--model", modelPath));
        using (var writer = new StreamWriter(outPath))
        {
            Write(writer, score, probability, predicted, intervals, ids, a.Optional("--id"));
        } // disposed (flushed) here: a failure to write surfaces before the success line
        output.WriteLine($"{score.Length} predictions written to {outPath}");
        return 0;
    }

    // The ID (when asked for) first, so the output joins back to the input row by row.
    private static void Write(TextWriter target, float[] score, float[] probability, bool[] predicted, Core.Statistics.PredictionInterval[]? intervals,
        string[]? ids, string? idColumn)
    {
        target.WriteLine((ids is null ? "" : idColumn + ",") + "Score,Probability,PredictedLabel" + (intervals is null ? "" : ",Score_StdErr,Probability_Low,Probability_High"));
        for (int i = 0; i < score.Length; i++)
        {
            target.Write(ids is null ? "" : ids[i] + ",");
            string extra = intervals is null ? "" : string.Create(CultureInfo.InvariantCulture, $",{intervals[i].StandardError:R},{intervals[i].Low:R},{intervals[i].High:R}");
            target.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score[i]:R},{probability[i]:R},{(predicted[i] ? 1 : 0)}") + extra);
        }
    }

    private static DataViewSchema? OutputSchema(ITransformer model, DataViewSchema inputSchema)
    {
        try
        {
            return model.GetOutputSchema(inputSchema);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
