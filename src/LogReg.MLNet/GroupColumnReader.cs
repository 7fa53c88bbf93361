using System.Globalization;

namespace LogReg.MLNet;

/// <summary>
/// Reads a scalar column of any common type as text, one value per row: the fold or sampling-key column of
/// <see cref="LogRegCVTrainer"/> (only equality of values matters there).
/// </summary>
internal static class GroupColumnReader
{
    /// <summary>The column's values in row order.</summary>
    /// <exception cref="ArgumentException">No such column, or not a scalar.</exception>
    public static string[] Read(IDataView data, string name, string role)
    {
        var column = Find(data, name, role);
        var raw = column.Type.RawType;
        return raw == typeof(float) ? Values<float>(data, column)
            : raw == typeof(double) ? Values<double>(data, column)
            : raw == typeof(int) ? Values<int>(data, column)
            : raw == typeof(long) ? Values<long>(data, column)
            : raw == typeof(uint) ? Values<uint>(data, column)
            : raw == typeof(ulong) ? Values<ulong>(data, column)
            : raw == typeof(bool) ? Values<bool>(data, column)
            : raw == typeof(ReadOnlyMemory<char>) ? Values<ReadOnlyMemory<char>>(data, column)
            : throw new ArgumentException(
                $"The {role} column '{name}' has type {column.Type}; expected a scalar number, key, Boolean or text.", nameof(data));
    }

    /// <summary>The column, or a one-line refusal naming it by its role.</summary>
    /// <exception cref="ArgumentException">No such column.</exception>
    public static DataViewSchema.Column Find(IDataView data, string name, string role) =>
        data.Schema.GetColumnOrNull(name) ?? throw new ArgumentException($"The {role} column '{name}' was not found in the input schema.", nameof(data));

    private static string[] Values<T>(IDataView data, DataViewSchema.Column column)
    {
        var values = new List<string>();
        using var cursor = data.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }
        return values.ToArray();
    }
}
