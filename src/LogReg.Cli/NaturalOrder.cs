using System.Globalization;

namespace LogReg.Cli;

/// <summary>
/// The order levels and classes are listed in (and the first of which is the reference): numbers by value, before
/// anything else; other values as text with each run of digits compared by its value — "2" before "10", "grade 9"
/// before "grade 10" — and ordinal order otherwise, so the order never depends on the machine's culture.
/// </summary>
internal sealed class NaturalOrder : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static readonly NaturalOrder Instance = new();

    private NaturalOrder()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        bool xNumber = double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double a);
        bool yNumber = double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out double b);
        if (xNumber || yNumber)
        {
            int byValue = xNumber && yNumber ? a.CompareTo(b) : xNumber ? -1 : 1;
            return byValue != 0 ? byValue : string.CompareOrdinal(x, y);
        }
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int endX = Digits(x, i), endY = Digits(y, j);
                var runX = x.AsSpan(i, endX - i).TrimStart('0');
                var runY = y.AsSpan(j, endY - j).TrimStart('0');
                int byRun = runX.Length != runY.Length ? runX.Length.CompareTo(runY.Length) : runX.SequenceCompareTo(runY);
                if (byRun != 0)
                {
                    return byRun;
                }
                (i, j) = (endX, endY);
                continue;
            }
            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }
            (i, j) = (i + 1, j + 1);
        }
        int byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static int Digits(string s, int from)
    {
        while (from < s.Length && char.IsAsciiDigit(s[from]))
        {
            from++;
        }
        return from;
    }
}
