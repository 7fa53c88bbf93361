using System.Globalization;
using csFastFloat;

namespace LogReg.Cli;

/// <summary>
/// One column of a <see cref="CsvTable"/>: every cell's text, kept contiguously (one character buffer and the cells'
/// starts, no string per cell), and each cell read once as a number — a finite value within a float's range, as
/// features are stored (NaN for a blank or a cell that is not such a number) — with the counts the schema needs.
/// </summary>
internal sealed class CsvColumn
{
    private char[] _text = new char[256];
    private int _length;
    private int[] _starts = new int[65];
    private float[] _numbers = new float[64];

    /// <summary>Cells so far.</summary>
    public int Count { get; private set; }

    /// <summary>Cells that are finite numbers within a float's range.</summary>
    public int NumberCount { get; private set; }

    /// <summary>Cells with nothing in them but white space (a missing number).</summary>
    public int WhiteSpaceCount { get; private set; }

    /// <summary>Cells with nothing in them at all (a missing string).</summary>
    public int EmptyCount { get; private set; }

    /// <summary>The first row whose cell is neither blank nor a number, or −1.</summary>
    public int FirstNonNumber { get; private set; } = -1;

    private float _largestMagnitude;
    private float _smallest = float.PositiveInfinity;
    private float _largest = float.NegativeInfinity;
    private double _smallestParsed = double.PositiveInfinity;
    private double _largestParsed = double.NegativeInfinity;
    private double _worstRounding;
    private int _worstRoundingRow = -1;

    /// <summary>
    /// The row whose number single precision changes by more than a float's relative precision (2⁻²⁴) of the column's
    /// largest magnitude — a value below the float range (|x| &lt; 1.2e-38 loses digits, &lt; 1.4e-45 becomes 0) in a
    /// column of such values — or −1. Rounding elsewhere is relative to the value itself and never counts.
    /// </summary>
    public int PrecisionLostRow => _worstRounding > _largestMagnitude / (1 << 24) ? _worstRoundingRow : -1;

    /// <summary>The numbers' smallest and largest value (as floats); (∞, −∞) when there is none.</summary>
    public (float Smallest, float Largest) Range => (_smallest, _largest);

    /// <summary>
    /// The largest change single precision made to a number, as a fraction of the span of the numbers as written
    /// (largest − smallest), or 0 for a column of one value. Far above 2⁻²⁴ when the values sit far from 0 compared
    /// with their spread (a Unix time): the floats keep steps that are a visible part of the span, or make every value
    /// one float (1e9 + small counts).
    /// </summary>
    public double SpanRounding => _largestParsed > _smallestParsed ? _worstRounding / (_largestParsed - _smallestParsed) : 0;

    /// <summary>The numbers' span as written (largest − smallest), in double precision.</summary>
    public double WrittenSpan => _largestParsed > _smallestParsed ? _largestParsed - _smallestParsed : 0;

    /// <summary>Appends a cell.</summary>
    public void Add(ReadOnlySpan<char> cell)
    {
        if (Count == _numbers.Length)
        {
            Array.Resize(ref _numbers, _numbers.Length * 2);
            Array.Resize(ref _starts, _numbers.Length + 1);
        }
        if (_length + cell.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + cell.Length));
        }
        cell.CopyTo(_text.AsSpan(_length));
        _length += cell.Length;
        _starts[Count + 1] = _length;
        float value = float.NaN;
        if (cell.IsWhiteSpace())
        {
            WhiteSpaceCount++;
            EmptyCount += cell.IsEmpty ? 1 : 0;
        }
        else if (TryParse(cell, out value, out double parsed))
        {
            NumberCount++;
            _largestMagnitude = Math.Max(_largestMagnitude, Math.Abs(value));
            (_smallest, _largest) = (Math.Min(_smallest, value), Math.Max(_largest, value));
            (_smallestParsed, _largestParsed) = (Math.Min(_smallestParsed, parsed), Math.Max(_largestParsed, parsed));
            double rounding = Math.Abs(parsed - value);
            if (rounding > _worstRounding)
            {
                (_worstRounding, _worstRoundingRow) = (rounding, Count);
            }
        }
        else
        {
            value = float.NaN;
            FirstNonNumber = FirstNonNumber < 0 ? Count : FirstNonNumber;
        }
        _numbers[Count] = value;
        Count++;
    }

    /// <summary>The cell's text.</summary>
    public ReadOnlySpan<char> Span(int row) => _text.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    /// <summary>The cell's text as a string.</summary>
    public string Text(int row) => Span(row).ToString();

    /// <summary>The cell as a number, or NaN when it is blank or not a number.</summary>
    public float Number(int row) => _numbers[row];

    /// <summary>
    /// True for a finite number within a float's range (white space around it allowed), read as
    /// <c>double.Parse(cell, NumberStyles.Float, InvariantCulture)</c> would read it and then rounded to float.
    /// </summary>
    public static bool TryNumber(ReadOnlySpan<char> cell, out float value) => TryParse(cell, out value, out _);

    private static bool TryParse(ReadOnlySpan<char> cell, out float value, out double parsed)
    {
        var text = cell.Trim();
        // fast_float (exact, like the runtime's parser) for the plain forms; the runtime's parser for anything else.
        bool plain = !text.IsEmpty && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '.');
        if (!(plain && FastDoubleParser.TryParseDouble(text, out int consumed, out parsed) && consumed == text.Length)
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed))
        {
            value = 0;
            return false;
        }
        value = (float)parsed;
        return double.IsFinite(parsed) && float.IsFinite(value);
    }
}
