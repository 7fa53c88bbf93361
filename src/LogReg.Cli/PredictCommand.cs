using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>predict --model M.zip --data FILE.csv [--out FILE.csv]: Score, Probability, PredictedLabel per row.</summary>
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

        var table = CsvTable.Read(dataPath);
        var scored = model.Transform(CsvTrainingData.Features(table, names).ToDataView(ml, names, CsvTrainingData.FeaturesColumn));
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();

        using var writer = outPath is null ? null : new StreamWriter(outPath);
        var target = writer ?? output;
        target.WriteLine("Score,Probability,PredictedLabel");
        for (int i = 0; i < score.Length; i++)
        {
            target.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score[i]:R},{probability[i]:R},{(predicted[i] ? 1 : 0)}"));
        }
        if (writer is not null)
        {
            output.WriteLine($"{score.Length} predictions written to {outPath}");
        }
        return 0;
    }
}
