using System.Globalization;

namespace LogReg.Cli;

/// <summary>The schema as the commands print it before they fit: one line per column, then how labels and blanks are handled.</summary>
internal static class SchemaReport
{
    public static void Print(TableSchema schema, TextWriter output)
    {
        var t = schema.Table;
        output.WriteLine($"'{t.Path}': {t.RowCount} rows, {t.Header.Length} columns; {t.Format.Detected}; missing values: {t.Format.MissingText} (--na)");
        int width = Math.Max(6, schema.Columns.Max(c => c.Name.Length)) + 2;
        output.WriteLine($"  {"column".PadRight(width)}{"role",-13}{"type",-8}{"distinct",9}{"missing",9}  why");
        foreach (var c in schema.Columns)
        {
            string role = c.Role == ColumnRole.Undecided ? "?" : c.Role.ToString().ToLowerInvariant();
            string why = c.Role == ColumnRole.Undecided ? "needs a role (below)" : c.Why;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Name.PadRight(width)}{role,-13}{(c.Numbers ? "number" : "text"),-8}{c.DistinctText,9} {c.Missing,8}  {why}"));
        }
        foreach (var c in schema.Columns.Where(c => c.Role == ColumnRole.Numeric))
        {
            if (CoarseningWarning(t, c) is { } warning)
            {
                output.WriteLine(warning);
            }
        }
        output.WriteLine(schema.Options.Missing switch
        {
            MissingPolicy.Mean => "missing: --missing mean (a missing number → the training mean, plus a NAME[missing] 0/1 column where the training data had missing values); a blank or missing category is the level '(blank)'",
            MissingPolicy.Skip => "missing: --missing skip (rows with a missing number or label, or a missing-value token as a category, are left out); a blank category is the level '(blank)', as R's read.csv reads it",
            _ => "missing: --missing error (a missing number, or a missing-value token as a category, is refused); a blank category is the level '(blank)'",
        });
    }

    /// <summary>Single precision moves a value by more than this fraction of its column's span: the fit is visibly that of rounded values.</summary>
    public const double CoarseSpanRounding = 1e-5;

    // A warning for a number column whose values single precision coarsens relative to their span, or null.
    private static string? CoarseningWarning(CsvTable table, SchemaColumn c)
    {
        var column = table.Column(c.Index).Range;
        if (column.SpanRounding <= CoarseSpanRounding)
        {
            return null;
        }
        var (smallest, largest) = column.Span;
        double middle = 0.5 * ((double)smallest + largest);
        float magnitude = Math.Max(Math.Abs(smallest), Math.Abs(largest));
        double step = (double)MathF.BitIncrement(magnitude) - magnitude;
        string moved = largest > smallest
            ? string.Create(CultureInfo.InvariantCulture, $"rounding moves values by up to {100 * column.SpanRounding:G2}% of the span")
            : "every value becomes the same float";
        return string.Create(CultureInfo.InvariantCulture,
            $"warning: column '{c.Name}' spans {column.WrittenSpan:G4} around {middle:G4}, where single precision (as ML.NET stores features) " +
            $"keeps steps of {step:G3}: {moved}, so its coefficient is fitted to the rounded values; subtract an offset from it first (e.g. {c.Name} − {middle:G4}).");
    }

    /// <summary>What preparation decided: rows left out, the positive class or the classes, each factor's reference level.</summary>
    public static void PrintPrepared(PreparedTable prepared, TextWriter output)
    {
        var o = prepared.Schema.Options;
        if (prepared.Skipped > 0)
        {
            output.WriteLine($"--missing skip: {prepared.Skipped} of {prepared.Schema.Table.RowCount} rows left out (a missing label, number or category); {prepared.Rows.Length} used");
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
