namespace LogReg.Cli;

/// <summary>
/// The line each data row starts on, for messages: row r is on line r + 2 until a blank line or a quoted line break
/// shifts the rest, so only the shifts are kept (a long file without them costs nothing).
/// </summary>
internal sealed class LineNumbers
{
    private readonly List<(int Row, int Shift)> _shifts = [];

    /// <summary>Records that data row <paramref name="row"/> (0-based) starts on line <paramref name="line"/> (1-based).</summary>
    public void Add(int row, int line)
    {
        int shift = line - (row + 2);
        if (shift != (_shifts.Count == 0 ? 0 : _shifts[^1].Shift))
        {
            _shifts.Add((row, shift));
        }
    }

    /// <summary>The line data row <paramref name="row"/> starts on.</summary>
    public int LineOf(int row)
    {
        int lo = 0, hi = _shifts.Count - 1, shift = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_shifts[mid].Row <= row)
            {
                shift = _shifts[mid].Shift;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return row + 2 + shift;
    }
}
