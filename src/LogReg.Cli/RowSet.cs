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

    /// <summary>True when some used row satisfies <paramref name="test"/> (a loop, not LINQ's boxed enumerator: per cell of a long file).</summary>
    public bool Any(Func<int, bool> test)
    {
        for (int i = 0; i < Length; i++)
        {
            if (test(this[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The rows in order, without allocating (foreach over a long file's rows).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<int> IEnumerable<int>.GetEnumerator() => (_rows ?? Enumerable.Range(0, Length)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<int>)this).GetEnumerator();

    /// <summary>The rows in order.</summary>
    public struct Enumerator(RowSet rows)
    {
        private int _next = -1;

        public readonly int Current => rows[_next];

        public bool MoveNext() => ++_next < rows.Length;
    }
}
