using System.Globalization;
using System.Text;

namespace LogReg.Core.Statistics;

/// <summary>
/// The one coefficient table of every summary (binary, Firth, multinomial), laid out like statsmodels': name, coef,
/// std err, z, P&gt;|z| and the 95% interval; "—" where a figure does not exist, "NA (aliased)" for a column with no estimate.
/// </summary>
internal static class CoefficientTable
{
    /// <summary>Appends the header (its first cell <paramref name="title"/>, e.g. "class = b"), a thin rule and one line per coefficient.</summary>
    public static void Append(StringBuilder sb, string title, IEnumerable<CoefficientStatistics> rows)
    {
        sb.AppendLine($"{title,-24}{"coef",10} {"std err",10} {"z",9} {"P>|z|",9} {"[0.025",10} {"0.975]",10}");
        sb.AppendLine(new string('-', 78));
        foreach (var c in rows)
        {
            string name = c.Name.Length > 23 ? c.Name[..23] : c.Name;
            if (c.Aliased)
            {
                sb.AppendLine($"{name,-24}{"NA",10} {"(aliased)",10}");
                continue;
            }
            sb.AppendLine($"{name,-24}{F(c.Estimate, "F4"),10} {F(c.StandardError, "F3"),10} {F(c.Z, "F3"),9} {F(c.PValue, "F3"),9} {F(c.ConfidenceLow, "F3"),10} {F(c.ConfidenceHigh, "F3"),10}");
        }
    }

    private static string F(double? v, string format) => v is double x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
}
