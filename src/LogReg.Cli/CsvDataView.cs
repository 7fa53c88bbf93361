using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// Turns a checked CSV table into an in-memory IDataView: a Boolean "Label" and a "Features" vector
/// whose slot names are the CSV column names (they are saved with the model, so predict can find
/// the same columns by name).
/// </summary>
public static class CsvDataView
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    public sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = Array.Empty<float>();
    }

    /// <summary>Training view: every column but the label is a feature.</summary>
    public static (IDataView Data, string[] FeatureNames) ForTraining(MLContext ml, CsvTable table, string label)
    {
        int labelIndex = table.IndexOf(label, "label");
        var featureIndices = Enumerable.Range(0, table.Header.Length).Where(i => i != labelIndex).ToArray();
        if (featureIndices.Length == 0)
        {
            throw new CliException($"'{table.Path}' has only the label column '{label}'; at least one feature column is needed.");
        }
        if (table.Rows.Count == 0)
        {
            throw new CliException($"'{table.Path}' has a header but no data rows.");
        }
        var rows = new List<Row>(table.Rows.Count);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var x = new float[featureIndices.Length];
            for (int j = 0; j < featureIndices.Length; j++)
            {
                x[j] = table.Number(r, featureIndices[j]);
            }
            rows.Add(new Row { Label = table.Label(r, labelIndex), Features = x });
        }
        var names = featureIndices.Select(i => table.Header[i]).ToArray();
        return (ml.Data.LoadFromEnumerable(rows, Schema(names)), names);
    }

    /// <summary>Prediction view: the named feature columns, in the model's order; other columns are ignored.</summary>
    public static IDataView ForPrediction(MLContext ml, CsvTable table, IReadOnlyList<string> featureNames)
    {
        var indices = featureNames.Select(n => table.IndexOf(n, "feature")).ToArray();
        var rows = new List<Row>(table.Rows.Count);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var x = new float[indices.Length];
            for (int j = 0; j < indices.Length; j++)
            {
                x[j] = table.Number(r, indices[j]);
            }
            rows.Add(new Row { Features = x });
        }
        return ml.Data.LoadFromEnumerable(rows, Schema(featureNames));
    }

    private static SchemaDefinition Schema(IReadOnlyList<string> names)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        var column = schema[nameof(Row.Features)];
        column.ColumnType = new VectorDataViewType(NumberDataViewType.Single, names.Count);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(names.Count, names.Select(n => n.AsMemory()).ToArray());
        column.AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, names.Count));
        return schema;
    }
}
