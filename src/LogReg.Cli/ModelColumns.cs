using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// What 'logreg predict' needs to read raw rows for a model 'logreg train' wrote: the label's name and
/// class names, the weight column, and the <see cref="FeaturePlan"/>. Kept as one more zip entry of
/// the model file, which plain ML.NET ignores (the pipeline itself is ML.NET's).
/// </summary>
/// <param name="Label">The label column's name.</param>
/// <param name="Classes">[negative, positive] for a binary model; every class in order for a multiclass one.</param>
/// <param name="Weight">The weight column's name, if trained with one.</param>
/// <param name="Id">The --id column train was given: predict writes it first when the data has it.</param>
/// <param name="Plan">The featurisation.</param>
internal sealed record ModelColumns(string Label, IReadOnlyList<string> Classes, string? Weight, string? Id, FeaturePlan Plan)
{
    /// <summary>The zip entry that holds it.</summary>
    public const string Entry = "LogReg/Columns.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes the model file (<see cref="LogRegModelFile"/>) with this entry, replacing <paramref name="path"/> only when complete.</summary>
    public void SaveWith(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path) =>
        JsonOutput.WriteWith(path, file => LogRegModelFile.Save(ml, model, inputSchema, file,
            new Dictionary<string, Action<Stream>> { [Entry] = entry => JsonSerializer.Serialize(entry, this, Json) }));

    /// <summary>The entry of a model file, or null for a model without one (written by an older 'logreg train', or by a program).</summary>
    public static ModelColumns? ReadFrom(string modelPath)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        var entry = zip.GetEntry(Entry);
        if (entry is null)
        {
            return null;
        }
        using var stream = entry.Open();
        try
        {
            return JsonSerializer.Deserialize<ModelColumns>(stream, Json) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new CliException($"model '{modelPath}': its entry '{Entry}' is not readable ({e.Message}); retrain with 'logreg train'.");
        }
    }
}
