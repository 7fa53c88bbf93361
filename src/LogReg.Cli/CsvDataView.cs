using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// Rows of a CSV table as an ML.NET view with the raw columns the saved pipeline starts from: numeric
/// columns as Single (a missing cell is NaN, as ML.NET's TextLoader reads a blank with MissingRealsAsNaNs), string
/// columns as the trimmed cell text ("" when missing), and optionally the label (Boolean, or a key whose values are the class
/// names) and the weight. So a model trained here scores rows loaded by plain ML.NET the same way.
/// </summary>
internal sealed class CsvDataView : IDataView
{
    private readonly object[] _values;
    private readonly int _rowCount;

    private CsvDataView(DataViewSchema schema, object[] values, int rowCount)
    {
        Schema = schema;
        _values = values;
        _rowCount = rowCount;
    }

    /// <summary>
    /// One column of the view: its name, type, values — an array (one per row), a function of the row, which reads the
    /// table's column where it is (a copy of every feature column was the featurisation's largest garbage), or a
    /// <see cref="Filler{T}"/> factory, called once per getter — and annotations.
    /// </summary>
    public sealed record Column(string Name, DataViewType Type, object Values, DataViewSchema.Annotations? Annotations = null);

    /// <summary>Writes row <c>row</c>'s value into <c>value</c>, reusing its buffers (a vector column); one per getter, so it may keep state.</summary>
    public delegate void Filler<T>(int row, ref T value);

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public static CsvDataView Of(IReadOnlyList<Column> columns, int rowCount)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var c in columns)
        {
            builder.AddColumn(c.Name, c.Type, c.Annotations);
        }
        return new CsvDataView(builder.ToSchema(), columns.Select(c => c.Values).ToArray(), rowCount);
    }

    /// <summary>A feature column's cells in <paramref name="rows"/>: Single for numeric ones, text otherwise.</summary>
    public static Column Feature(CsvTable table, IReadOnlyList<int> rows, string name, bool numeric)
    {
        int j = table.IndexOf(name, "feature");
        if (numeric)
        {
            table.RequireNumbers(j);
        }
        var column = table.Column(j);
        return numeric
            ? new Column(name, NumberDataViewType.Single, (Func<int, float>)(i => column.Number(rows[i])))
            : new Column(name, TextDataViewType.Instance, (Func<int, ReadOnlyMemory<char>>)(i => column.Text(rows[i]).AsMemory()));
    }

    /// <summary>A Boolean label column.</summary>
    public static Column BinaryLabel(string name, bool[] labels) => new(name, BooleanDataViewType.Instance, labels);

    /// <summary>A key-typed label: class k (0-based) is key k + 1, the class names its key values (as MapValueToKey makes them).</summary>
    public static Column KeyLabel(string name, IReadOnlyList<int> classes, IReadOnlyList<string> classNames)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        var names = new VBuffer<ReadOnlyMemory<char>>(classNames.Count, classNames.Select(n => n.AsMemory()).ToArray());
        annotations.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, classNames.Count), (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));
        return new Column(name, new KeyDataViewType(typeof(uint), classNames.Count), classes.Select(k => (uint)(k + 1)).ToArray(), annotations.ToAnnotations());
    }

    /// <summary>An example-weight column: every cell a finite number ≥ 0.</summary>
    public static Column WeightColumn(CsvTable table, IReadOnlyList<int> rows, string name)
    {
        int j = table.IndexOf(name, "weight");
        var values = new float[rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            float w = table.Number(rows[i], j);
            values[i] = w >= 0 ? w : throw new CliException($"{table.Where(rows[i], j)}: weight {w} is negative; expected a weight ≥ 0.");
        }
        return new Column(name, NumberDataViewType.Single, values);
    }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new DataViewRowCursor[] { new Cursor(this) };

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly CsvDataView _view;
        private long _position = -1;

        public Cursor(CsvDataView view) => _view = view;

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext() => ++_position < _view._rowCount;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            switch (_view._values[column.Index])
            {
                case TValue[] values:
                    return (ref TValue value) => value = values[_position];
                case Func<int, TValue> at:
                    return (ref TValue value) => value = at((int)_position);
                case Func<Filler<TValue>> make:
                    var fill = make();
                    return (ref TValue value) => fill((int)_position, ref value);
                default:
                    throw new InvalidOperationException($"column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
            }
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
    }
}
