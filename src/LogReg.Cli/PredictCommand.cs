using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// predict --model M.zip --data FILE.csv [--out FILE.csv]: Score, Probability, PredictedLabel per row
/// (a multiclass model: one probability column per class and the predicted class's name).
/// </summary>
internal static class PredictCommand
{
    public static readonly string[] Options = { "--model", "--data", "--out" };

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
            return MulticlassPredictions.Write(scored, outPath, output, () => CommandLine.RefuseSamePath("predict", ("--out", outPath), ("--data", dataPath), ("--model", modelPath)));
        }
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();

        if (outPath is null)
        {
            Write(output, score, probability, predicted);
            return 0;
        }
        CommandLine.RefuseSamePath("predict", ("--out", outPath), ("--data", dataPath), ("--model", modelPath));
        using (var writer = new StreamWriter(outPath))
        {
            Write(writer, score, probability, predicted);
        } // disposed (flushed) here: a failure to write surfaces before the success line
        output.WriteLine($"{score.Length} predictions written to {outPath}");
        return 0;
    }

    private static void Write(TextWriter target, float[] score, float[] probability, bool[] predicted)
    {
        target.WriteLine("Score,Probability,PredictedLabel");
        for (int i = 0; i < score.Length; i++)
        {
            target.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score[i]:R},{probability[i]:R},{(predicted[i] ? 1 : 0)}"));
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
