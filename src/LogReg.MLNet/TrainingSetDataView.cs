using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>
/// The one bridge from the core's data to ML.NET: a <see cref="TrainingSet"/> (or a bare feature
/// matrix) as an <see cref="IDataView"/> with a Boolean label, a known-size Single feature vector
/// (dense rows stay dense, sparse rows stay sparse; feature names become slot names) and, when the
/// set has example weights, a Single weight column; a <see cref="MulticlassTrainingSet"/> with a key-typed
/// label. <see cref="TrainingSetReader"/> goes the other way.
/// </summary>
public static class TrainingSetDataView
{
    /// <summary>The training set as a view with columns <paramref name="labelColumnName"/>, <paramref name="featureColumnName"/> and (with weights) <paramref name="weightColumnName"/>.</summary>
    public static IDataView ToDataView(this TrainingSet set, MLContext mlContext,
        string labelColumnName = "Label", string featureColumnName = "Features", string weightColumnName = "Weight")
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(mlContext);
        var rows = new LabelledRow[set.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new LabelledRow { Label = set.Labels[i] == 1.0, Features = Row(set.Features, i), Weight = (float)set.WeightOf(i) };
        }
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Label)].ColumnName = labelColumnName;
        Describe(schema[nameof(LabelledRow.Features)], featureColumnName, set.FeatureCount, set.FeatureNames);
        WeightColumn(schema, set.ExampleWeights is not null, weightColumnName);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>
    /// The multiclass set as a view: a key-typed label (class k is key k + 1, the class names its
    /// key values, as MapValueToKey makes them), the feature vector and (with weights) a weight column.
    /// </summary>
    public static IDataView ToDataView(this MulticlassTrainingSet set, MLContext mlContext,
        string labelColumnName = "Label", string featureColumnName = "Features", string weightColumnName = "Weight")
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(mlContext);
        var rows = new KeyedRow[set.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            // LoadFromEnumerable takes key values 0-based in the row class (and stores k + 1).
            rows[i] = new KeyedRow { Label = (uint)set.Labels[i], Features = Row(set.Features, i), Weight = (float)(set.ExampleWeights?[i] ?? 1.0) };
        }
        var schema = SchemaDefinition.Create(typeof(KeyedRow));
        var label = schema[nameof(KeyedRow.Label)];
        label.ColumnName = labelColumnName;
        label.ColumnType = new KeyDataViewType(typeof(uint), set.ClassCount);
        var keyValues = new VBuffer<ReadOnlyMemory<char>>(set.ClassCount, set.ClassNames.Select(n => n.AsMemory()).ToArray());
        label.AddAnnotation("KeyValues", keyValues, new VectorDataViewType(TextDataViewType.Instance, set.ClassCount));
        Describe(schema[nameof(KeyedRow.Features)], featureColumnName, set.FeatureCount, set.FeatureNames);
        WeightColumn(schema, set.ExampleWeights is not null, weightColumnName);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    // Both row classes name their weight property "Weight": renamed when the set has weights, dropped when not.
    private static void WeightColumn(SchemaDefinition schema, bool hasWeights, string weightColumnName)
    {
        if (hasWeights)
        {
            schema["Weight"].ColumnName = weightColumnName;
        }
        else
        {
            schema.Remove(schema["Weight"]);
        }
    }

    /// <summary>The rows of <paramref name="features"/> as a view with one feature-vector column (for scoring).</summary>
    public static IDataView ToDataView(this DesignMatrix features, MLContext mlContext, IReadOnlyList<string>? featureNames = null, string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(mlContext);
        var rows = new FeatureRow[features.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new FeatureRow { Features = Row(features, i) };
        }
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        Describe(schema[nameof(FeatureRow.Features)], featureColumnName, features.ColumnCount, featureNames);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    private static VBuffer<float> Row(DesignMatrix x, int i)
    {
        if (x is SparseMatrix sparse)
        {
            return new VBuffer<float>(x.ColumnCount, sparse.RowIndices(i).Length, sparse.RowValues(i).ToArray(), sparse.RowIndices(i).ToArray());
        }
        if (x is DenseMatrix dense)
        {
            return new VBuffer<float>(x.ColumnCount, dense.Row(i).ToArray());
        }
        var buffer = new double[x.ColumnCount];
        x.CopyRow(i, buffer);
        return new VBuffer<float>(x.ColumnCount, buffer.Select(v => (float)v).ToArray());
    }

    private static void Describe(SchemaDefinition.Column column, string name, int size, IReadOnlyList<string>? names)
    {
        column.ColumnName = name;
        column.ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        if (names is not null)
        {
            var slotNames = new VBuffer<ReadOnlyMemory<char>>(size, names.Select(n => n.AsMemory()).ToArray());
            column.AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, size));
        }
    }

    private sealed class LabelledRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }

    private sealed class KeyedRow
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }

    private sealed class FeatureRow
    {
        public VBuffer<float> Features { get; set; }
    }
}
