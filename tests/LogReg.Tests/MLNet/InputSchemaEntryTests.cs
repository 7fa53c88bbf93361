using System.IO.Compression;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// The model file's input-schema entry written without ML.NET's saver over every column: byte for byte what ML.NET writes
/// for the same columns (names of any length and script, every plain type, a hidden column, 3,001 columns, keys with
/// their values, vectors, dates and annotated columns among plain ones), ML.NET's saver alone where no column is plain,
/// and the saved models' schemas as plain ML.NET loads them.
/// </summary>
public sealed class InputSchemaEntryTests
{
    [Fact]
    public void TheEntryIsMLNetsOwnBytesForPlainScalarColumns()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", BooleanDataViewType.Instance);
        foreach (var name in new[] { "X1", "X2", "Größe (cm)", "列", new string('n', 300), "X1" })
        {
            builder.AddColumn(name, NumberDataViewType.Single);
        }
        builder.AddColumn("City", TextDataViewType.Instance);
        builder.AddColumn("Weight", NumberDataViewType.Double);
        builder.AddColumn("Count", NumberDataViewType.Int32);
        builder.AddColumn("Id", NumberDataViewType.Int64);
        var schema = builder.ToSchema();
        Assert.True(schema[1].IsHidden); // the first "X1"
        Assert.Equal(MLNetsEntry(schema), InputSchemaEntry.TryWrite(new MLContext(1), schema));
    }

    [Fact]
    public void AWideFilesEntryIsMLNetsOwnBytes()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("y", BooleanDataViewType.Instance);
        for (int j = 1; j <= 3000; j++)
        {
            builder.AddColumn($"X{j}", NumberDataViewType.Single);
        }
        var schema = builder.ToSchema();
        Assert.Equal(MLNetsEntry(schema), InputSchemaEntry.TryWrite(new MLContext(1), schema));
    }

    [Fact]
    public void ColumnsWithOtherCodecsOrAnnotationsAreTakenFromMLNetsSaverAmongThePlainOnes()
    {
        var keyValues = new DataViewSchema.Annotations.Builder();
        var names = new VBuffer<ReadOnlyMemory<char>>(3, new[] { "setosa", "versicolor", "virginica" }.Select(n => n.AsMemory()).ToArray());
        keyValues.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, 3), (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));
        var normalized = new DataViewSchema.Annotations.Builder();
        normalized.Add("IsNormalized", BooleanDataViewType.Instance, (ref bool v) => v = true);
        var schema = SchemaWith(b =>
        {
            b.AddColumn("Sepal.Length", NumberDataViewType.Single);
            b.AddColumn("Species", new KeyDataViewType(typeof(uint), 3), keyValues.ToAnnotations());
            b.AddColumn("Width", NumberDataViewType.Single, normalized.ToAnnotations());
            b.AddColumn("City", TextDataViewType.Instance);
            b.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 3));
            b.AddColumn("Day", DateTimeDataViewType.Instance);
            b.AddColumn("Petal.Length", NumberDataViewType.Single);
        });
        Assert.Equal(MLNetsEntry(schema), InputSchemaEntry.TryWrite(new MLContext(1), schema));
    }

    [Fact]
    public void ColumnsMLNetCannotSaveAreLeftOutAsItsSaverLeavesThemOut()
    {
        // A type without a codec (an image, a custom type) alone, and beside a vector: ML.NET's saver drops it from the entry.
        foreach (var schema in new[]
        {
            SchemaWith(b => { b.AddColumn("F", NumberDataViewType.Single); b.AddColumn("X", new OpaqueType()); b.AddColumn("G", NumberDataViewType.Double); }),
            SchemaWith(b => { b.AddColumn("X", new OpaqueType()); b.AddColumn("V", new VectorDataViewType(NumberDataViewType.Single, 2)); b.AddColumn("F", NumberDataViewType.Single); }),
        })
        {
            using var ours = new MemoryStream();
            LogRegModelFile.Save(new MLContext(1), new TransformerChain<ITransformer>(), schema, ours);
            Assert.Equal(MLNetsEntry(schema), EntryOf(ours.ToArray()));
        }
    }

    private sealed class OpaqueType() : StructuredDataViewType(typeof(object))
    {
        public override bool Equals(DataViewType? other) => other is OpaqueType;

        public override int GetHashCode() => 1;
    }

    [Fact]
    public void WithoutAPlainColumnMLNetsSaverWritesItAll()
    {
        Assert.Null(InputSchemaEntry.TryWrite(new MLContext(1), SchemaWith(b => b.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 3)))));
        Assert.Null(InputSchemaEntry.TryWrite(new MLContext(1), new DataViewSchema.Builder().ToSchema()));
    }

    [Fact]
    public void ASoftmaxModelsSchemaWithItsKeyLabelIsMLNetsOwnEntry()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var model = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { NumberOfThreads = 1 }).Fit(data);
        Assert.NotNull(InputSchemaEntry.TryWrite(ml, data.Schema));
        using var ours = new MemoryStream();
        LogRegModelFile.Save(ml, model, data.Schema, ours);
        Assert.Equal(MLNetsEntry(data.Schema), EntryOf(ours.ToArray()));
        ours.Position = 0;
        new MLContext(2).Model.Load(ours, out var loaded);
        Assert.Equal(data.Schema.Select(c => (c.Name, c.Type, c.IsHidden)), loaded.Select(c => (c.Name, c.Type, c.IsHidden)));
    }

    [Fact]
    public void ASavedModelsSchemaIsMLNetsOwnEntryAndLoadsInPlainMLNet()
    {
        var ml = new MLContext(1);
        var random = new Random(4);
        var rows = Enumerable.Range(0, 200).Select(i =>
        {
            float a = (float)random.NextDouble(), b = (float)random.NextDouble();
            return new ScalarRow { A = a, B = b, Label = a + 0.5 * b + 0.4 * random.NextDouble() > 0.9 };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Concatenate("Features", nameof(ScalarRow.A), nameof(ScalarRow.B))
            .Append(ml.BinaryClassification.Trainers.LogReg()).Fit(data);
        Assert.NotNull(InputSchemaEntry.TryWrite(ml, data.Schema));
        using var ours = new MemoryStream();
        LogRegModelFile.Save(ml, model, data.Schema, ours, new Dictionary<string, Action<Stream>> { ["App/Notes.txt"] = s => s.WriteByte(1) });
        Assert.Equal(MLNetsEntry(data.Schema), EntryOf(ours.ToArray()));
        // The entries in the order they had when ML.NET wrote the schema: its own, then the application's, then the details.
        using var plain = new MemoryStream();
        ml.Model.Save(model, data.Schema, plain);
        Assert.Equal(NamesOf(plain.ToArray()).Append("App/Notes.txt").Append(LogRegModelFile.DetailsEntry), NamesOf(ours.ToArray()));
        ours.Position = 0;
        var loadedModel = new MLContext(2).Model.Load(ours, out var loaded);
        Assert.Equal(data.Schema.Select(c => (c.Name, c.Type, c.IsHidden)), loaded.Select(c => (c.Name, c.Type, c.IsHidden)));
        var scores = (IDataView view) => view.GetColumn<float>("Probability").ToArray();
        Assert.Equal(scores(model.Transform(data)), scores(loadedModel.Transform(data)));
    }

    private sealed class ScalarRow
    {
        public float A { get; set; }

        public float B { get; set; }

        public bool Label { get; set; }
    }

    [Fact]
    public void WhereMLNetWritesTheEntryTheFileHoldsItOnce()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 2));
        var schema = builder.ToSchema();
        using var file = new MemoryStream();
        LogRegModelFile.Save(new MLContext(1), new TransformerChain<ITransformer>(), schema, file);
        using var zip = new ZipArchive(new MemoryStream(file.ToArray()), ZipArchiveMode.Read);
        Assert.Single(zip.Entries, e => e.FullName == InputSchemaEntry.Name);
        Assert.Equal(MLNetsEntry(schema), EntryOf(file.ToArray()));
    }

    [Fact]
    public void AnApplicationsEntryMayNotTakeTheSchemasName()
    {
        var extra = new Dictionary<string, Action<Stream>> { [InputSchemaEntry.Name] = _ => { } };
        var e = Assert.Throws<ArgumentException>(() => LogRegModelFile.Save(new MLContext(1), new TransformerChain<ITransformer>(),
            SchemaWith(b => b.AddColumn("X", NumberDataViewType.Single)), new MemoryStream(), extra));
        Assert.Contains("'Schema'", e.Message);
    }

    private static DataViewSchema SchemaWith(Action<DataViewSchema.Builder> add)
    {
        var builder = new DataViewSchema.Builder();
        add(builder);
        return builder.ToSchema();
    }

    // The entry ML.NET's own Model.Save writes for the schema (the model saved beside it does not change it).
    private static byte[] MLNetsEntry(DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        new MLContext(1).Model.Save(new TransformerChain<ITransformer>(), schema, stream);
        return EntryOf(stream.ToArray());
    }

    private static List<string> NamesOf(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static byte[] EntryOf(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        using var entry = zip.GetEntry(InputSchemaEntry.Name)!.Open();
        using var bytes = new MemoryStream();
        entry.CopyTo(bytes);
        return bytes.ToArray();
    }
}
