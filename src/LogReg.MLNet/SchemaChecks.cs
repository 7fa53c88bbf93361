namespace LogReg.MLNet;

/// <summary>Clear errors for wrong input columns, naming the column and what was expected.</summary>
internal static class SchemaChecks
{
    public static DataViewSchema.Column Label(DataViewSchema schema, string name)
    {
        var column = Find(schema, name, "label");
        if (column.Type is not BooleanDataViewType)
        {
            throw new ArgumentException(
                $"Label column '{name}' has type {column.Type}; expected Boolean. " +
                "Convert it first, e.g. with mlContext.Transforms.Conversion.ConvertType(\"" + name + "\", outputKind: DataKind.Boolean).",
                "input");
        }
        return column;
    }

    /// <summary>A key-typed label with a known number of classes (at least 2).</summary>
    public static DataViewSchema.Column KeyLabel(DataViewSchema schema, string name, out int classes)
    {
        var column = Find(schema, name, "label");
        if (column.Type is not KeyDataViewType key || key.Count < 2 || key.Count > int.MaxValue || key.RawType != typeof(uint))
        {
            throw new ArgumentException(
                $"Label column '{name}' has type {column.Type}; expected a key type (UInt32) with 2 or more values, as ML.NET's multiclass trainers do. " +
                "Convert it first, e.g. with mlContext.Transforms.Conversion.MapValueToKey(\"" + name + "\").", "input");
        }
        classes = (int)key.Count;
        return column;
    }

    public static DataViewSchema.Column Features(DataViewSchema schema, string name, int? expectedSize = null)
    {
        var column = Find(schema, name, "feature");
        if (column.Type is not VectorDataViewType vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentException(
                $"Feature column '{name}' has type {column.Type}; expected a known-size vector of Single. " +
                "Build it with mlContext.Transforms.Concatenate(\"" + name + "\", …).",
                "input");
        }
        if (!vector.IsKnownSize)
        {
            throw new ArgumentException($"Feature column '{name}' is a vector of unknown size; expected a known-size vector of Single.", "input");
        }
        if (expectedSize is int size && vector.Size != size)
        {
            throw new ArgumentException(
                $"Feature column '{name}' holds vectors of size {vector.Size}; the model was trained on vectors of size {size}.",
                "input");
        }
        return column;
    }

    /// <summary>The size of the feature vector (after <see cref="Features"/>' checks).</summary>
    public static int FeatureCount(DataViewSchema schema, string name) => ((VectorDataViewType)Features(schema, name).Type).Size;

    public static DataViewSchema.Column? Weight(DataViewSchema schema, string? name)
    {
        if (name is null)
        {
            return null;
        }
        var column = Find(schema, name, "example weight");
        if (column.Type != NumberDataViewType.Single)
        {
            throw new ArgumentException($"Example weight column '{name}' has type {column.Type}; expected Single.", "input");
        }
        return column;
    }

    private static DataViewSchema.Column Find(DataViewSchema schema, string name, string role)
    {
        var column = schema.GetColumnOrNull(name);
        if (column is null)
        {
            string available = string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
            throw new ArgumentException(
                $"The {role} column '{name}' was not found in the input; columns present: {available}.", "input");
        }
        return column.Value;
    }

    // The key's text values as class names, when it has distinct non-empty ones (as LbfgsMaximumEntropy).
    internal static string[]? KeyNames(DataViewSchema.Column column, int classes)
    {
        if (column.Annotations.Schema.GetColumnOrNull("KeyValues")?.Type is not VectorDataViewType { ItemType: TextDataViewType })
        {
            return null;
        }
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        var names = values.DenseValues().Select(v => v.ToString()).ToArray();
        return names.Length == classes && names.All(n => n.Length > 0) && names.Distinct().Count() == classes ? names : null;
    }

    internal static string[]? SlotNames(DataViewSchema.Column column, int d)
    {
        if (column.HasSlotNames())
        {
            var names = default(VBuffer<ReadOnlyMemory<char>>);
            column.GetSlotNames(ref names);
            var dense = names.DenseValues().Select(n => n.ToString()).ToArray();
            if (dense.Length == d && dense.All(n => n.Length > 0))
            {
                return dense;
            }
        }
        return null;
    }
}
