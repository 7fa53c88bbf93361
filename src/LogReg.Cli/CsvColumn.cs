using System.Globalization;

namespace LogReg.Cli;

/// <summary>
/// One column of a <see cref="CsvTable"/>, stored once in the form its cells need: numbers as floats (NaN for a missing
/// cell) while every filled cell so far is a number, else — or when the caller keeps the column's text (a label, an ID,
/// a categorical or text column) — each row's code into the column's distinct trimmed values (each value one string,
/// read as a number once). Cells are trimmed; a blank cell or a missing-value token is missing (a text column tells
/// the two apart). A column of numbers that
/// meets text keeps the first such cell for the schema's message (a column of numbers and text is refused).
/// </summary>
internal sealed class CsvColumn
{
    private readonly CsvCells _cells;
    private ChunkedList<float>? _numbers;
    private ChunkedList<int>? _codes;
    private readonly List<string> _levels = [];
    private readonly List<float> _levelNumbers = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private int? _distinct;

    public CsvColumn(CsvCells cells, bool keepText)
    {
        _cells = cells;
        if (keepText)
        {
            _codes = new ChunkedList<int>();
        }
        else
        {
            _numbers = new ChunkedList<float>();
        }
    }

    /// <summary>Cells so far.</summary>
    public int Count { get; private set; }

    /// <summary>Cells that are finite numbers within a float's range.</summary>
    public int NumberCount { get; private set; }

    /// <summary>Missing cells (blank, or a missing-value token).</summary>
    public int MissingCount { get; private set; }

    /// <summary>The first row whose cell is neither missing nor a number, or −1; <see cref="FirstNonNumberText"/> is its text.</summary>
    public int FirstNonNumber { get; private set; } = -1;

    /// <summary>The first row whose cell held bytes that are not UTF-8 (decoded as U+FFFD), or −1.</summary>
    public int FirstInvalidRow { get; private set; } = -1;

    /// <summary>The trimmed text of the cell at <see cref="FirstNonNumber"/>.</summary>
    public string FirstNonNumberText { get; private set; } = "";

    /// <summary>Distinct filled cells: by value for a column of numbers ("1" and "1.0" are one), by text otherwise.</summary>
    public int Distinct => DistinctWith(new FloatSet());

    /// <summary>
    /// <see cref="Distinct"/>, counted with <paramref name="scratch"/> (cleared first): one set reused across a file's
    /// columns, where a set per column of a long file left megabytes of garbage each for the collector.
    /// </summary>
    public int DistinctWith(FloatSet scratch) => DistinctUpTo(scratch, int.MaxValue, out _);

    /// <summary>
    /// Distinct values up to <paramref name="cap"/>: a column of numbers stops counting past it (a continuous column is
    /// known to be one within its first thousand rows; counting all of a long file's values was a sixth of reading it).
    /// True in <paramref name="capped"/> when the count stopped.
    /// </summary>
    public int DistinctUpTo(FloatSet scratch, int cap, out bool capped)
    {
        capped = false;
        if (_distinct is { } known)
        {
            return known;
        }
        if (_numbers is null)
        {
            return (_distinct = _levels.Count).Value;
        }
        scratch.Clear();
        for (int r = 0; r < Count; r++)
        {
            float v = _numbers[r];
            if (!float.IsNaN(v) && scratch.Add(v) && scratch.Count > cap)
            {
                capped = true;
                return scratch.Count;
            }
        }
        return (_distinct = scratch.Count).Value;
    }

    /// <summary>The numbers' statistics the schema's precision checks use.</summary>
    public NumberRange Range { get; } = new();

    /// <summary>Appends a cell.</summary>
    public void Add(ReadOnlySpan<char> cell)
    {
        if (_numbers is not null && _cells.TryPlainNumber(cell, out float number, out double exact))
        {
            // The common cell of a long file: a plain number in a column of numbers.
            NumberCount++;
            Range.Add(number, exact, Count, cell);
            _numbers.Add(number);
            Count++;
            return;
        }
        var text = cell.Trim();
        if (FirstInvalidRow < 0 && text.Contains('\uFFFD'))
        {
            FirstInvalidRow = Count; // the decoder's replacement for bytes that are not UTF-8
        }
        var kind = _cells.Read(text, out float value, out double parsed);
        if (kind == CellKind.Other && _numbers is not null && NumberCount == 0)
        {
            _codes = new ChunkedList<int>(); // every cell so far was missing: a text column after all
            for (int r = 0; r < Count; r++)
            {
                _codes.Add(IsTokenNaN(_numbers[r]) ? Token : Blank);
            }
            _numbers = null;
        }
        switch (kind)
        {
            case CellKind.Missing:
                MissingCount++;
                break;
            case CellKind.Number:
                NumberCount++;
                Range.Add(value, parsed, Count, text);
                break;
            default:
                if (FirstNonNumber < 0)
                {
                    (FirstNonNumber, FirstNonNumberText) = (Count, text.ToString());
                }
                break;
        }
        if (_numbers is not null)
        {
            _numbers.Add(kind == CellKind.Number ? value : text.IsEmpty ? float.NaN : TokenNaN);
        }
        else
        {
            _codes!.Add(kind != CellKind.Missing ? Code(text, kind == CellKind.Number ? value : float.NaN) : text.IsEmpty ? Blank : Token);
        }
        Count++;
    }

    private int Code(ReadOnlySpan<char> text, float number)
    {
        var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out int code))
        {
            code = _levels.Count;
            string level = text.ToString();
            _index.Add(level, code);
            _levels.Add(level);
            _levelNumbers.Add(number);
        }
        return code;
    }

    // A text column's codes for a missing cell: blank, or a missing-value token. R's read.csv keeps a blank string as the
    // level "" and reads NA as missing; the distinction is what --missing skip and error act on for categories.
    private const int Blank = -1;
    private const int Token = -2;

    // A column of numbers marks a token's cell with a NaN of its own payload, so that a column that turns out to hold
    // text still knows which of its first cells were NA (missing) and which were blank (a level, as in R).
    private static readonly float TokenNaN = BitConverter.Int32BitsToSingle(0x7FC0_0001);

    private static bool IsTokenNaN(float v) => BitConverter.SingleToInt32Bits(v) == 0x7FC0_0001;

    /// <summary>True when the cell is missing: blank or a missing-value token (or, in a column of numbers, not a number).</summary>
    public bool IsMissing(int row) => _numbers is not null ? float.IsNaN(_numbers[row]) : _codes![row] < 0;

    /// <summary>True for a missing-value token in a text column (a blank text cell is a value, as in R); in a column of numbers, <see cref="IsMissing"/>.</summary>
    public bool IsMissingToken(int row) => _numbers is not null ? float.IsNaN(_numbers[row]) : _codes![row] == Token;

    /// <summary>The cell's trimmed text ("" when missing); a column kept as numbers gives the number's shortest round-trip form.</summary>
    public string Text(int row)
    {
        if (_numbers is not null)
        {
            float v = _numbers[row];
            return float.IsNaN(v) ? (row == FirstNonNumber ? FirstNonNumberText : "") : v.ToString("R", CultureInfo.InvariantCulture);
        }
        int code = _codes![row];
        return code < 0 ? "" : _levels[code];
    }

    /// <summary>The cell's trimmed text without making a string (a column kept as text).</summary>
    public ReadOnlySpan<char> Span(int row) => _numbers is null ? (_codes![row] is int code and >= 0 ? _levels[code] : "") : Text(row);

    /// <summary>The cell as a number, or NaN when it is missing or not a number.</summary>
    public float Number(int row) => _numbers is not null ? _numbers[row] : _codes![row] is int code and >= 0 ? _levelNumbers[code] : float.NaN;

    /// <summary>The column's distinct filled values (a column kept as text), in order of first appearance.</summary>
    public IReadOnlyList<string> Levels => _levels;
}
