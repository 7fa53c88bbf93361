using System.Globalization;

namespace LogReg.Cli;

/// <summary>The schema as the commands print it before they fit: one line per column, then how labels and blanks are handled.</summary>
internal static class SchemaReport
{
    public static void Print(TableSchema schema, TextWriter output)
    {
        var t = schema.Table;
        output.WriteLine($"'{t.Path}': {t.RowCount} rows, {t.Header.Length} columns");
        int width = Math.Max(6, schema.Columns.Max(c => c.Name.Length)) + 2;
        output.WriteLine($"  {"column".PadRight(width)}{"role",-13}{"type",-8}{"distinct",9}{"missing",9}  why");
        foreach (var c in schema.Columns)
        {
            string role = c.Role == ColumnRole.Undecided ? "?" : c.Role.ToString().ToLowerInvariant();
            string why = c.Role == ColumnRole.Undecided ? "needs a role (below)" : c.Why;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Name.PadRight(width)}{role,-13}{(c.Numbers ? "number" : "text"),-8}{c.Distinct,9}{c.Missing,9}  {why}"));
        }
        output.WriteLine(schema.Options.Missing switch
        {
            MissingPolicy.Mean => "missing: --missing mean (a blank number → the training mean, plus a NAME[missing] 0/1 column where the training data had blanks); a blank category is the level '(blank)'",
            MissingPolicy.Skip => "missing: --missing skip (rows with a blank number or label are left out); a blank category is the level '(blank)'",
            _ => "missing: --missing error (a blank number is refused); a blank category is the level '(blank)'",
        });
    }

    /// <summary>What preparation decided: rows left out, the positive class or the classes, each factor's reference level.</summary>
    public static void PrintPrepared(PreparedTable prepared, TextWriter output)
    {
        var o = prepared.Schema.Options;
        if (prepared.Skipped > 0)
        {
            output.WriteLine($"--missing skip: {prepared.Skipped} of {prepared.Schema.Table.RowCount} rows left out (a blank label or number); {prepared.Rows.Length} used");
        }
        output.WriteLine(prepared.IsMulticlass
            ? $"label '{o.Label}': {prepared.Classes.Length} classes ({string.Join(", ", prepared.Classes)})"
            : $"label '{o.Label}': {prepared.LabelChoice ?? $"positive class: '{prepared.Classes[1]}'"}");
        foreach (var f in prepared.Plan.Features.Where(f => f.Role == ColumnRole.Categorical))
        {
            output.WriteLine($"categorical '{f.Name}': {f.Levels!.Count} levels, reference '{f.Reference}' (--reference {f.Name}=LEVEL to choose)");
        }
    }
}
