using System.Collections;

namespace LogReg.Cli;

/// <summary>
/// The table rows a command uses, in file order: every row (nothing stored — the common case, whose index array was
/// 4 bytes a row held for the whole run) or those listed.
/// </summary>
internal sealed class RowSet : IReadOnlyList<int>
{
    private readonly int[]? _rows;

    private RowSet(int[]? rows, int count)
    {
        _rows = rows;
        Length = count;
    }

    /// <summary>Rows 0 … <paramref name="count"/> − 1.</summary>
    public static RowSet All(int count) => new(null, count);

    /// <summary>The rows listed (ascending).</summary>
    public static RowSet Of(int[] rows) => new(rows, rows.Length);

    /// <summary>The number of rows used.</summary>
    public int Length { get; }

    public int Count => Length;

    public int this[int index] => _rows is null ? index : _rows[index];

    public IEnumerator<int> GetEnumerator() => (_rows ?? Enumerable.Range(0, Length)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
