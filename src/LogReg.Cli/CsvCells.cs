using System.Globalization;
using csFastFloat;

namespace LogReg.Cli;

/// <summary>
/// How one cell of a <see cref="CsvFormat"/> reads: missing (blank after trimming, or a missing-value token), a number
/// (a finite value within a float's range, read with the format's decimal separator as
/// <c>double.Parse(cell, NumberStyles.Float)</c> would read it and then rounded to float), or something else.
/// </summary>
internal sealed class CsvCells
{
    private readonly HashSet<string> _missing;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _missingLookup;
    private readonly bool _numericTokens;
    private readonly NumberFormatInfo _numbers;

    public CsvCells(CsvFormat format)
    {
        Format = format;
        _missing = new HashSet<string>(format.MissingTokens, StringComparer.Ordinal);
        _missingLookup = _missing.GetAlternateLookup<ReadOnlySpan<char>>();
        _numericTokens = format.MissingTokens.Any(t => TryParse(t, '.', NumberFormatInfo.InvariantInfo, out _, out _));
        _numbers = format.Decimal == '.' ? NumberFormatInfo.InvariantInfo
            : new NumberFormatInfo { NumberDecimalSeparator = format.Decimal.ToString(), NumberGroupSeparator = "\u0001" };
    }

    /// <summary>The format the cells are read in.</summary>
    public CsvFormat Format { get; }

    /// <summary>True for a trimmed cell that is missing: blank or a missing-value token.</summary>
    public bool IsMissing(ReadOnlySpan<char> trimmed) => trimmed.IsEmpty || (_missing.Count > 0 && _missingLookup.Contains(trimmed));

    /// <summary>What a trimmed cell holds; its number (as a float and as parsed) when it is one.</summary>
    public CellKind Read(ReadOnlySpan<char> trimmed, out float value, out double parsed)
    {
        if (trimmed.IsEmpty)
        {
            (value, parsed) = (float.NaN, double.NaN);
            return CellKind.Missing;
        }
        if ((_numericTokens || !IsNumberStart(trimmed[0])) && IsMissing(trimmed))
        {
            (value, parsed) = (float.NaN, double.NaN);
            return CellKind.Missing;
        }
        return TryParse(trimmed, Format.Decimal, _numbers, out value, out parsed) ? CellKind.Number : CellKind.Other;
    }

    /// <summary>
    /// The fast path of <see cref="Read"/>: true for a cell that is a plain number as written (a digit or '-' first, no
    /// white space around it) when no missing-value token could be one; false means "read it the general way".
    /// </summary>
    public bool TryPlainNumber(ReadOnlySpan<char> cell, out float value, out double parsed)
    {
        if (_numericTokens || cell.IsEmpty || !(char.IsAsciiDigit(cell[0]) || cell[0] == '-') || !char.IsAsciiDigit(cell[^1]) && cell[^1] != '.'
            || !FastDoubleParser.TryParseDouble(cell, out int consumed, out parsed, NumberStyles.Float, Format.Decimal) || consumed != cell.Length)
        {
            (value, parsed) = (float.NaN, double.NaN);
            return false;
        }
        value = (float)parsed;
        return double.IsFinite(parsed) && float.IsFinite(value);
    }

    private static bool IsNumberStart(char c) => char.IsAsciiDigit(c) || c is '-' or '.' or '+';

    /// <summary>True for a cell (white space around it allowed) that is a finite number within a float's range, with a decimal point.</summary>
    public static bool TryNumber(ReadOnlySpan<char> cell, out float value) => TryParse(cell.Trim(), '.', NumberFormatInfo.InvariantInfo, out value, out _);

    private static bool TryParse(ReadOnlySpan<char> text, char separator, NumberFormatInfo numbers, out float value, out double parsed)
    {
        // fast_float (exact, like the runtime's parser) for the plain forms; the runtime's parser for anything else.
        bool plain = !text.IsEmpty && (char.IsAsciiDigit(text[0]) || text[0] == '-' || text[0] == separator);
        if (!(plain && FastDoubleParser.TryParseDouble(text, out int consumed, out parsed, NumberStyles.Float, separator) && consumed == text.Length)
            && !double.TryParse(text, NumberStyles.Float, numbers, out parsed))
        {
            value = float.NaN;
            return false;
        }
        value = (float)parsed;
        return double.IsFinite(parsed) && float.IsFinite(value);
    }
}

/// <summary>What a CSV cell holds.</summary>
internal enum CellKind
{
    /// <summary>Blank, or a missing-value token.</summary>
    Missing,
    /// <summary>A finite number within a float's range.</summary>
    Number,
    /// <summary>Anything else: text, or a number out of a float's range.</summary>
    Other,
}
