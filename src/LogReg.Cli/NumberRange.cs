namespace LogReg.Cli;

/// <summary>
/// What single precision does to a column's numbers, accumulated as they are read: their range as floats and as
/// written, and the cell single precision changed most (kept with its text for the schema's messages).
/// </summary>
internal sealed class NumberRange
{
    private float _largestMagnitude;
    private double _smallestParsed = double.PositiveInfinity;
    private double _largestParsed = double.NegativeInfinity;
    private double _worstRounding;
    private int _worstRoundingRow = -1;

    /// <summary>The numbers' smallest and largest value (as floats); (∞, −∞) when there is none.</summary>
    public (float Smallest, float Largest) Span { get; private set; } = (float.PositiveInfinity, float.NegativeInfinity);

    /// <summary>The trimmed text of the cell at <see cref="PrecisionLostRow"/>.</summary>
    public string WorstRoundingText { get; private set; } = "";

    /// <summary>
    /// The row whose number single precision changes by more than a float's relative precision (2⁻²⁴) of the column's
    /// largest magnitude — a value below the float range (|x| &lt; 1.2e-38 loses digits, &lt; 1.4e-45 becomes 0) in a
    /// column of such values — or −1. Rounding elsewhere is relative to the value itself and never counts.
    /// </summary>
    public int PrecisionLostRow => _worstRounding > _largestMagnitude / (1 << 24) ? _worstRoundingRow : -1;

    /// <summary>
    /// The largest change single precision made to a number, as a fraction of the span of the numbers as written
    /// (largest − smallest), or 0 for a column of one value. Far above 2⁻²⁴ when the values sit far from 0 compared
    /// with their spread (a Unix time): the floats keep steps that are a visible part of the span, or make every value
    /// one float (1e9 + small counts).
    /// </summary>
    public double SpanRounding => _largestParsed > _smallestParsed ? _worstRounding / (_largestParsed - _smallestParsed) : 0;

    /// <summary>The first row whose non-zero number single precision makes 0 (|x| below 1.4e-45), or −1.</summary>
    public int FlushedToZeroRow { get; private set; } = -1;

    /// <summary>The trimmed text of the cell at <see cref="FlushedToZeroRow"/>.</summary>
    public string FlushedToZeroText { get; private set; } = "";

    /// <summary>True when every number is a whole number (and there is one).</summary>
    public bool WholeNumbers => _largestParsed >= _smallestParsed && !_fraction;

    private bool _fraction;

    /// <summary>The numbers' span as written (largest − smallest), in double precision.</summary>
    public double WrittenSpan => _largestParsed > _smallestParsed ? _largestParsed - _smallestParsed : 0;

    /// <summary>Counts a number read from <paramref name="text"/> at <paramref name="row"/>.</summary>
    public void Add(float value, double parsed, int row, ReadOnlySpan<char> text)
    {
        _largestMagnitude = Math.Max(_largestMagnitude, Math.Abs(value));
        Span = (Math.Min(Span.Smallest, value), Math.Max(Span.Largest, value));
        (_smallestParsed, _largestParsed) = (Math.Min(_smallestParsed, parsed), Math.Max(_largestParsed, parsed));
        _fraction |= parsed != Math.Round(parsed);
        if (value == 0 && parsed != 0 && FlushedToZeroRow < 0)
        {
            (FlushedToZeroRow, FlushedToZeroText) = (row, text.ToString());
        }
        double rounding = Math.Abs(parsed - value);
        if (rounding > _worstRounding)
        {
            (_worstRounding, _worstRoundingRow, WorstRoundingText) = (rounding, row, text.ToString());
        }
    }
}
