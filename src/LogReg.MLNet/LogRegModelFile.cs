using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// Saves and loads models with this library's details kept: the file is a plain ML.NET model (any
/// ML.NET program loads and scores it, and finds ML.NET's form of the statistics in
/// <c>SubModel.Statistics</c>) with one extra zip entry, which plain ML.NET ignores, holding the
/// double-precision model, fit report and full statistics of each model this library trained.
/// </summary>
public static class LogRegModelFile
{
    /// <summary>The zip entry that holds the details of the binary models.</summary>
    public const string DetailsEntry = "LogReg/Details.json";

    /// <summary>The zip entry that holds the details of the softmax models.</summary>
    public const string MulticlassDetailsEntry = "LogReg/MulticlassDetails.json";

    /// <summary>
    /// <c>mlContext.Model.Save</c>, plus the details of every linear model in <paramref name="model"/>
    /// trained by this library (found with <see cref="LogRegModelDetails"/>; models inside
    /// <c>OneVersusAll</c> keep only ML.NET's statistics).
    /// </summary>
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        Save(mlContext, model, inputSchema, file);
    }

    /// <summary>
    /// The same, written to <paramref name="stream"/>; <paramref name="extraEntries"/> (zip entry name → writer) adds
    /// entries of the application's own beside the model, which plain ML.NET ignores as it ignores the details.
    /// </summary>
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, Stream stream,
        IReadOnlyDictionary<string, Action<Stream>>? extraEntries = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        if (extraEntries?.Keys.FirstOrDefault(k => k is DetailsEntry or MulticlassDetailsEntry or InputSchemaEntry.Name) is { } taken)
        {
            throw new ArgumentException($"The entry name '{taken}' is this library's or ML.NET's own.", nameof(extraEntries));
        }
        // The input schema's entry written here where it can be (InputSchemaEntry): the same bytes, without ML.NET's cost per column.
        var schemaEntry = inputSchema is null ? null : InputSchemaEntry.TryWrite(mlContext, inputSchema);
        using var buffer = new MemoryStream();
        mlContext.Model.Save(model, schemaEntry is null ? inputSchema : null, buffer);
        var details = LogRegModelDetails.LinearModelsIn(model).Select(m => m.LogRegDetails()).ToList();
        // In the order the entries had when ML.NET wrote the schema: it, then the application's, then the details.
        var entries = new List<(string Name, Action<Stream> Write)>();
        if (schemaEntry is not null)
        {
            entries.Add((InputSchemaEntry.Name, entry => entry.Write(schemaEntry)));
        }
        entries.AddRange((extraEntries ?? new Dictionary<string, Action<Stream>>()).Select(e => (e.Key, e.Value)));
        if (details.Any(d => d is not null))
        {
            entries.Add((DetailsEntry, entry => JsonSerializer.Serialize(entry, details, ModelDetailsJson.Options)));
        }
        var multiclass = LogRegModelDetails.MulticlassModelsIn(model).Select(m => m.LogRegDetails()).ToList();
        if (multiclass.Any(d => d is not null))
        {
            entries.Add((MulticlassDetailsEntry, entry => JsonSerializer.Serialize(entry, multiclass, ModelDetailsJson.Options)));
        }
        if (entries.Count > 0)
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true);
            foreach (var (name, write) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(entry);
            }
        }
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>
    /// <c>mlContext.Model.Load</c>, with clear errors, re-attaching the details saved by
    /// <c>Save</c> so that <c>LogRegDetails()</c> on the loaded models returns them.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable model file (truncated, corrupted or edited), or its details do not belong to its models.</exception>
    public static ITransformer Load(MLContext mlContext, string path, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }
        ITransformer model;
        List<LogRegModelParameters?>? details;
        List<LogRegMulticlassModelParameters?>? multiclass;
        string? inconsistent;
        try
        {
            model = mlContext.Model.Load(path, out inputSchema);
            details = ReadDetails<LogRegModelParameters>(path, DetailsEntry);
            multiclass = ReadDetails<LogRegMulticlassModelParameters>(path, MulticlassDetailsEntry);
            // Inside the try: a part the JSON left null fails the check as an unreadable file.
            inconsistent = details?.Any(d => d is not null && !SavedCrossValidationCheck.Holds(d)) == true ? DetailsEntry
                : multiclass?.Any(d => d is not null && !SavedCrossValidationCheck.Holds(d)) == true ? MulticlassDetailsEntry
                : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"Model file '{path}' is not a readable model file (truncated, corrupted or edited): {e.GetType().Name}: {e.Message}", e);
        }
        if (inconsistent is not null)
        {
            throw new InvalidDataException($"Model file '{path}': the entry '{inconsistent}' holds cross-validation details that do not agree " +
                "with themselves or with their model (edited?); load it with mlContext.Model.Load to ignore them.");
        }
        if (details is not null)
        {
            Attach(path, DetailsEntry, LogRegModelDetails.LinearModelsIn(model).ToList(), details,
                (m, d) => (float)d.Bias == m.Bias && m.Weights.SequenceEqual(d.Weights.Select(w => (float)w)), LogRegModelDetails.Attach);
        }
        if (multiclass is not null)
        {
            Attach(path, MulticlassDetailsEntry, LogRegModelDetails.MulticlassModelsIn(model).ToList(), multiclass, MulticlassMatches, LogRegModelDetails.Attach);
        }
        return model;
    }

    private static List<T?>? ReadDetails<T>(string path, string name)
        where T : class
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(name);
        if (entry is null)
        {
            return null;
        }
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<List<T?>>(stream, ModelDetailsJson.Options);
    }

    // Details belong to a model when the model's float weights and biases are theirs rounded to float.
    private static bool MulticlassMatches(MaximumEntropyModelParameters model, LogRegMulticlassModelParameters details)
    {
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int classes);
        var ours = details.Model;
        return classes == ours.ClassCount
            && model.GetBiases().SequenceEqual(ours.Biases.Select(b => (float)b))
            && Enumerable.Range(0, classes).All(k => weights[k].DenseValues().SequenceEqual(ours.WeightsOf(k).ToArray().Select(w => (float)w)));
    }

    private static void Attach<TModel, TDetails>(string path, string entry, List<TModel> models, List<TDetails?> details,
        Func<TModel, TDetails, bool> matches, Action<TModel, TDetails> attach)
        where TDetails : class
    {
        if (models.Count != details.Count || models.Zip(details).Any(p => p.Second is not null && !matches(p.First, p.Second)))
        {
            throw new InvalidDataException(
                $"Model file '{path}': the entry '{entry}' describes {details.Count} model(s) that do not match the " +
                $"{models.Count} model(s) of that kind in the file (edited or copied from another file); load it with mlContext.Model.Load to ignore it.");
        }
        foreach (var (model, detail) in models.Zip(details))
        {
            if (detail is not null)
            {
                attach(model, detail);
            }
        }
    }

}
