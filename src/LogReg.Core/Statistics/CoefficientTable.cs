using System.Globalization;
using System.Text;

namespace LogReg.Core.Statistics;

/// <summary>
/// The one coefficient table of every summary (binary, Firth, multinomial), laid out like statsmodels': name, coef,
/// std err, z, P&gt;|z| and the 95% interval; "—" where a figure does not exist, "NA (aliased)" for a column with no estimate.
/// </summary>
internal static class CoefficientTable
{
    // A name as one line of the table: a level read from a quoted cell can hold a line break (R writes "New\nYork"),
    // which had split its row; control characters are shown escaped (the JSON keeps the name as it is).
    private static string Shown(string name) => name.Any(char.IsControl)
        ? string.Concat(name.Select(ch => ch switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ when char.IsControl(ch) => $"\\u{(int)ch:x4}", _ => ch.ToString() }))
        : name;

    /// <summary>Appends the header (its first cell <paramref name="title"/>, e.g. "class = b"), a thin rule and one line per coefficient.</summary>
    public static void Append(StringBuilder sb, string title, IEnumerable<CoefficientStatistics> rows)
    {
        // Names are never cut (two long names that differ at the end must stay two): the first column is as wide as
        // the longest, at least statsmodels' 24, and every figure has a space before it however wide it is.
        var list = rows.ToList();
        int width = Math.Max(24, list.Select(c => Shown(c.Name).Length + 1).DefaultIfEmpty(0).Max());
        sb.AppendLine(title.PadRight(width) + $"{"coef",10} {"std err",10} {"z",9} {"P>|z|",9} {"[0.025",10} {"0.975]",10}");
        sb.AppendLine(new string('-', width + 54));
        foreach (var c in list)
        {
            string name = Shown(c.Name).PadRight(width);
            if (c.Aliased)
            {
                sb.AppendLine($"{name}{"NA",10} {"(aliased)",10}");
                continue;
            }
            sb.AppendLine($"{name}{F(c.Estimate, "F4"),10} {F(c.StandardError, "F3"),10} {F(c.Z, "F3"),9} {F(c.PValue, "F3"),9} {F(c.ConfidenceLow, "F3"),10} {F(c.ConfidenceHigh, "F3"),10}");
        }
    }

    private static string F(double? v, string format) => v is double x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
}
