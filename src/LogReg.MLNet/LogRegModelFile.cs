using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
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
    /// <summary>The zip entry that holds the details.</summary>
    public const string DetailsEntry = "LogReg/Details.json";

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
        if (extraEntries?.ContainsKey(DetailsEntry) == true)
        {
            throw new ArgumentException($"The entry name '{DetailsEntry}' is this library's own.", nameof(extraEntries));
        }
        using var buffer = new MemoryStream();
        mlContext.Model.Save(model, inputSchema, buffer);
        var details = LogRegModelDetails.LinearModelsIn(model).Select(m => m.LogRegDetails()).ToList();
        var entries = new Dictionary<string, Action<Stream>>(extraEntries ?? new Dictionary<string, Action<Stream>>());
        if (details.Any(d => d is not null))
        {
            entries[DetailsEntry] = entry => JsonSerializer.Serialize(entry, details, ModelDetailsJson.Options);
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
    /// <exception cref="InvalidDataException">The file is not a readable ML.NET model (truncated or corrupted), or its details do not belong to its models.</exception>
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
        try
        {
            model = mlContext.Model.Load(path, out inputSchema);
            details = ReadDetails(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"Model file '{path}' is not a readable ML.NET model (truncated or corrupted): {e.GetType().Name}: {e.Message}", e);
        }
        if (details is not null)
        {
            Attach(path, LogRegModelDetails.LinearModelsIn(model).ToList(), details);
        }
        return model;
    }

    private static List<LogRegModelParameters?>? ReadDetails(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(DetailsEntry);
        if (entry is null)
        {
            return null;
        }
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<List<LogRegModelParameters?>>(stream, ModelDetailsJson.Options);
    }

    private static void Attach(string path, List<LinearBinaryModelParameters> models, List<LogRegModelParameters?> details)
    {
        bool Matches(LinearBinaryModelParameters m, LogRegModelParameters d) =>
            (float)d.Bias == m.Bias && m.Weights.SequenceEqual(d.Weights.Select(w => (float)w));

        if (models.Count != details.Count || models.Zip(details).Any(p => p.Second is not null && !Matches(p.First, p.Second)))
        {
            throw new InvalidDataException(
                $"Model file '{path}': the entry '{DetailsEntry}' describes {details.Count} model(s) that do not match the " +
                $"{models.Count} linear model(s) in the file (edited or copied from another file); load it with mlContext.Model.Load to ignore it.");
        }
        foreach (var (model, detail) in models.Zip(details))
        {
            if (detail is not null)
            {
                LogRegModelDetails.Attach(model, detail);
            }
        }
    }

}
