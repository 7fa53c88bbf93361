using System.IO.Compression;
using System.Text.Json;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

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

    /// <summary>Writes the model file (<see cref="LogRegModelFile"/>) with this entry, replacing <paramref name="path"/> only when complete.</summary>
    public void SaveWith(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path) =>
        JsonOutput.WriteWith(path, file => LogRegModelFile.Save(ml, model, inputSchema, file,
            new Dictionary<string, Action<Stream>> { [Entry] = entry => JsonSerializer.Serialize(entry, this, ModelColumnsJson.Default.ModelColumns) }));

    /// <summary>The most an entry may hold once decompressed: a plan of thousands of columns and levels is a few megabytes.</summary>
    public const int MaxEntryBytes = 64 << 20;

    /// <summary>
    /// The entry of a model file, or null for a model without one (written by an older 'logreg train', or by a program).
    /// A model file may come from anyone: the entry is read up to <see cref="MaxEntryBytes"/>, and checked (nulls,
    /// duplicates, and against <paramref name="inputSchema"/> — the columns the saved pipeline reads — counts and types)
    /// before anything proportional to what it claims is built; every failure is one line.
    /// </summary>
    public static ModelColumns? ReadFrom(string modelPath, DataViewSchema inputSchema, ITransformer model)
    {
        byte[] bytes;
        using (var zip = ZipFile.OpenRead(modelPath))
        {
            var entry = zip.GetEntry(Entry);
            if (entry is null)
            {
                return null;
            }
            if (entry.Length > MaxEntryBytes)
            {
                throw Unreadable(modelPath, $"it holds {entry.Length:N0} bytes, more than the {MaxEntryBytes:N0} a plan needs");
            }
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                copy.Write(chunk, 0, read);
                if (copy.Length > MaxEntryBytes)
                {
                    throw Unreadable(modelPath, $"it decompresses to more than the {MaxEntryBytes:N0} bytes a plan needs");
                }
            }
            bytes = copy.ToArray();
        }
        ModelColumns? columns;
        try
        {
            if (FeatureCount(bytes) is var count && count > inputSchema.Count)
            {
                throw Unreadable(modelPath, $"it names {count:N0} feature columns; the model reads {inputSchema.Count:N0} columns");
            }
            columns = JsonSerializer.Deserialize(bytes, ModelColumnsJson.Default.ModelColumns);
        }
        catch (JsonException e)
        {
            throw Unreadable(modelPath, e.Message);
        }
        if (columns?.Check(inputSchema, model) is { } problem)
        {
            throw Unreadable(modelPath, problem);
        }
        return columns ?? throw Unreadable(modelPath, "it is empty");
    }

    // The number of entries of Plan.Features, counted without building them (a tampered plan may claim millions).
    private static int FeatureCount(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int count = 0, arrayDepth = -1;
        while (reader.Read())
        {
            if (arrayDepth < 0 && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("Features"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return 0;
                }
                arrayDepth = reader.CurrentDepth;
            }
            else if (arrayDepth >= 0 && reader.CurrentDepth == arrayDepth + 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null)
            {
                count++;
            }
            else if (arrayDepth >= 0 && reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth)
            {
                return count;
            }
        }
        return count;
    }

    private static CliException Unreadable(string modelPath, string why) =>
        new($"model '{modelPath}': its entry '{Entry}' is not a valid column plan ({why}); retrain with 'logreg train'.");

    // What is wrong with a deserialised plan (JSON leaves absent or null fields null whatever the types say), or null.
    private string? Check(DataViewSchema inputSchema, ITransformer model)
    {
        if (Label is null || Classes is null || Plan?.Features is null || Plan.FeaturesColumn is null)
        {
            return "a field is missing or null";
        }
        if (!Enum.IsDefined(Plan.Missing))
        {
            return "its missing-value policy is not one of error, skip, mean";
        }
        if (Classes.Count < 2 || Classes.Any(c => c is null) || Classes.Distinct(StringComparer.Ordinal).Count() != Classes.Count)
        {
            return $"its {Classes.Count} classes are not two or more distinct names";
        }
        if (Plan.Features.Count > inputSchema.Count)
        {
            return $"it names {Plan.Features.Count:N0} feature columns; the model reads {inputSchema.Count:N0} columns";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var notFeatures = new[] { Label, Weight, Id }.OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var f in Plan.Features)
        {
            if (f?.Name is null || !Enum.IsDefined(f.Role))
            {
                return "a feature is null, unnamed or of an unknown role";
            }
            if (!seen.Add(f.Name))
            {
                return $"it names column '{Short(f.Name)}' twice";
            }
            if (notFeatures.Contains(f.Name))
            {
                return $"its feature '{Short(f.Name)}' is also its label, weight or ID column";
            }
            var column = inputSchema.GetColumnOrNull(f.Name);
            bool numeric = f.Role == ColumnRole.Numeric;
            if (column is null || f.Role is not (ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Text)
                || (numeric ? column.Value.Type != NumberDataViewType.Single : column.Value.Type != TextDataViewType.Instance))
            {
                return $"its column '{Short(f.Name)}' ({f.Role}) is not a {(numeric ? "Single" : "text")} input column of the saved pipeline";
            }
            if (f.Role == ColumnRole.Categorical && (f.Levels is null || f.Levels.Any(l => l is null) || f.Reference is null || !f.Levels.Contains(f.Reference)
                || f.Levels.Distinct(StringComparer.Ordinal).Count() != f.Levels.Count))
            {
                return $"categorical column '{Short(f.Name)}' has no levels, a level twice, or a reference that is not one of them";
            }
        }
        return AgreesWith(model, inputSchema);
    }

    // The plan against the saved pipeline's output: as many feature slots (a plan without free text knows its count) and
    // as many classes as the scorer has.
    private string? AgreesWith(ITransformer model, DataViewSchema inputSchema)
    {
        DataViewSchema output;
        try
        {
            output = model.GetOutputSchema(inputSchema);
        }
        catch (ArgumentException)
        {
            return null; // the pipeline cannot run on its own inputs: predict reports that when it reads the data
        }
        if (PlanFeaturizer.Applies(Plan) && output.GetColumnOrNull(Plan.FeaturesColumn)?.Type is VectorDataViewType { Size: var size })
        {
            int slots = Plan.Features.Sum(f => f.Role == ColumnRole.Numeric ? (f.Indicator ? 2 : 1) : f.Levels!.Count - 1);
            if (slots != size)
            {
                return $"it describes {slots:N0} feature slots; the saved pipeline makes {size:N0}";
            }
        }
        int classes = output.GetColumnOrNull("Score")?.Type is VectorDataViewType { Size: var k } ? k : 2;
        return Classes.Count == classes ? null : $"it names {Classes.Count:N0} classes; the model scores {classes}";
    }

    // A name as a message quotes it: a stranger's file may hold a name of millions of characters.
    private static string Short(string name) => name.Length <= 80 ? name : name[..80] + "…";
}
