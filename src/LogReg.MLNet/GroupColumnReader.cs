using System.Globalization;

namespace LogReg.MLNet;

/// <summary>
/// Reads a scalar column of any common type as text, one value per row: the fold or sampling-key column of
/// <see cref="LogRegCVTrainer"/> (only equality of values matters there).
/// </summary>
internal static class GroupColumnReader
{
    /// <summary>The column's values in row order.</summary>
    /// <exception cref="ArgumentException">No such column, not a scalar, or a row without a value: NaN, a missing key
    /// (0) or empty text — such a row would otherwise make a fold or a group of its own.</exception>
    public static string[] Read(IDataView data, string name, string role)
    {
        var column = Find(data, name, role);
        var raw = column.Type.RawType;
        return raw == typeof(float) ? Values<float>(data, column, role)
            : raw == typeof(double) ? Values<double>(data, column, role)
            : raw == typeof(int) ? Values<int>(data, column, role)
            : raw == typeof(long) ? Values<long>(data, column, role)
            : raw == typeof(uint) ? Values<uint>(data, column, role)
            : raw == typeof(ulong) ? Values<ulong>(data, column, role)
            : raw == typeof(bool) ? Values<bool>(data, column, role)
            : raw == typeof(ReadOnlyMemory<char>) ? Values<ReadOnlyMemory<char>>(data, column, role)
            : throw new ArgumentException(
                $"The {role} column '{name}' has type {column.Type}; expected a scalar number, key, Boolean or text.", nameof(data));
    }

    /// <summary>The column, or a one-line refusal naming it by its role.</summary>
    /// <exception cref="ArgumentException">No such column.</exception>
    public static DataViewSchema.Column Find(IDataView data, string name, string role) =>
        data.Schema.GetColumnOrNull(name) ?? throw new ArgumentException($"The {role} column '{name}' was not found in the input schema.", nameof(data));

    private static string[] Values<T>(IDataView data, DataViewSchema.Column column, string role)
    {
        var values = new List<string>();
        using var cursor = data.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        bool isKey = column.Type is KeyDataViewType;
        while (cursor.MoveNext())
        {
            getter(ref value);
            // −0 is the fold or group 0 (an outside tester's column holding both made five folds of four).
            string text = value switch
            {
                float f when f == 0 => "0",
                double d when d == 0 => "0",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            bool missing = value switch
            {
                float f => float.IsNaN(f),
                double d => double.IsNaN(d),
                uint k => isKey && k == 0,
                ulong k => isKey && k == 0,
                _ => string.IsNullOrWhiteSpace(text),
            };
            if (missing)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The {role} column '{column.Name}' has no value at row {values.Count + 1} ({(text.Length == 0 ? "empty" : text)}); every row needs one."),
                    nameof(data));
            }
            values.Add(text);
        }
        return values.ToArray();
    }
}
