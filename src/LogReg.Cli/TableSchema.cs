namespace LogReg.Cli;

/// <summary>
/// The role of every column of a CSV table, from the options that name columns and, for the rest, by
/// rule: a column whose filled cells are all finite numbers is a numeric feature, unless it holds whole numbers,
/// almost all distinct, under an identifier's name (then an ID, left out); a string column with at most
/// <see cref="CategoricalLimit"/> distinct values is categorical; one whose values all differ is an identifier and left
/// out; anything else must be given a role, and the schema says which options would do. A missing cell is blank after
/// trimming or one of the format's missing-value tokens (NA by default).
/// </summary>
internal sealed class TableSchema
{
    /// <summary>The most distinct strings a column may hold to be inferred categorical.</summary>
    public const int CategoricalLimit = 20;

    private TableSchema(CsvTable table, ColumnOptions options, SchemaColumn[] columns)
    {
        Table = table;
        Options = options;
        Columns = columns;
    }

    public CsvTable Table { get; }

    public ColumnOptions Options { get; }

    /// <summary>Every column of the file, in file order.</summary>
    public IReadOnlyList<SchemaColumn> Columns { get; }

    /// <summary>The feature columns, in file order.</summary>
    public IEnumerable<SchemaColumn> Features => Columns.Where(c => c.IsFeature);

    public SchemaColumn Label => Columns.Single(c => c.Role == ColumnRole.Label);

    public SchemaColumn? Weight => Columns.SingleOrDefault(c => c.Role == ColumnRole.Weight);

    /// <summary>An integer column named like an identifier is one when at least this share of its filled cells differ.</summary>
    public const double IdentifierDistinctShare = 0.8;

    /// <summary>Distinct values of a column of numbers are counted up to this many (printed "> 1000" beyond).</summary>
    public const int DistinctCap = 1000;

    public static TableSchema Infer(CsvTable table, ColumnOptions options)
    {
        var named = NamedRoles(table, options);
        if (table.RowCount == 0)
        {
            throw new CliException($"'{table.Path}' has a header but no data rows.");
        }
        var columns = new SchemaColumn[table.Header.Length];
        // Columns are independent; a wide or long file's distinct counts are the schema's main cost.
        Parallel.For(0, columns.Length, () => new FloatSet(), (j, _, scratch) =>
        {
            columns[j] = Describe(table, j, named.TryGetValue(table.Header[j], out var role) ? role : null, scratch);
            return scratch;
        }, _ => { });
        return new TableSchema(table, options, columns);
    }

    /// <summary>Refuses a schema with an undecided column or without features (after it was printed).</summary>
    public void RequireDecided()
    {
        if (Columns.FirstOrDefault(c => c.Role == ColumnRole.Undecided) is { } undecided)
        {
            throw new CliException(undecided.Why);
        }
        foreach (var (name, level) in Options.References)
        {
            if (Columns.First(c => c.Name == name) is { Role: not ColumnRole.Categorical } column)
            {
                throw new CliException($"--reference {name}={level}: column '{name}' is {column.Role.ToString().ToLowerInvariant()}, not categorical, " +
                    $"so it has no reference level; say --categorical {name} to treat its values as levels.");
            }
        }
        if (!Features.Any())
        {
            throw new CliException($"'{Table.Path}' has no feature column: every column but the label is ignored, an ID or a weight.");
        }
    }

    // Each column named by at most one option; every name a column of the file.
    private static Dictionary<string, (ColumnRole Role, string Option)> NamedRoles(CsvTable table, ColumnOptions o)
    {
        var named = new Dictionary<string, (ColumnRole, string)>(StringComparer.Ordinal);
        void Name(string column, ColumnRole role, string option)
        {
            table.IndexOf(column, option == "--label" ? "label" : $"{option}");
            if (named.TryGetValue(column, out var before))
            {
                throw new CliException(before.Item2 == option
                    ? $"{option} names column '{column}' twice."
                    : $"column '{column}' is named by both {before.Item2} and {option}; a column has one role.", 2);
            }
            named[column] = (role, option);
        }
        Name(o.Label, ColumnRole.Label, "--label");
        if (o.Id is not null)
        {
            Name(o.Id, ColumnRole.Id, "--id");
        }
        if (o.Weight is not null)
        {
            Name(o.Weight, ColumnRole.Weight, "--weight");
        }
        foreach (var c in o.Categorical)
        {
            Name(c, ColumnRole.Categorical, "--categorical");
        }
        foreach (var c in o.Text)
        {
            Name(c, ColumnRole.Text, "--text");
        }
        foreach (var c in o.Ignore)
        {
            Name(c, ColumnRole.Ignored, "--ignore");
        }
        foreach (var c in o.Numeric)
        {
            Name(c, ColumnRole.Numeric, "--numeric");
        }
        foreach (var (c, option) in o.Consumed)
        {
            Name(c, ColumnRole.Ignored, option);
        }
        foreach (var column in o.References.Keys)
        {
            table.IndexOf(column, "--reference");
        }
        return named;
    }

    // The first value of column j met a second time: the value and both rows.
    private static (string Value, int First, int Again)? FirstRepeat(CsvTable table, int j)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < table.RowCount; r++)
        {
            if (!table.IsMissing(r, j) && !seen.TryAdd(table.Cell(r, j), r))
            {
                return (table.Cell(r, j), seen[table.Cell(r, j)], r);
            }
        }
        return null;
    }

    private static SchemaColumn Describe(CsvTable table, int j, (ColumnRole Role, string Option)? named, FloatSet scratch)
    {
        string name = table.Header[j];
        var column = table.Column(j);
        int missing = column.MissingCount, numbers = column.NumberCount;
        int filled = table.RowCount - missing;
        bool allNumbers = filled > 0 && numbers == filled;
        // The identifier rule needs an ID-named column's exact count; any other column of numbers is counted to a cap.
        bool capped = false;
        int distinct = IsIdentifierName(name) && column.Range.WholeNumbers ? column.DistinctWith(scratch) : column.DistinctUpTo(scratch, DistinctCap, out capped);
        SchemaColumn Make(ColumnRole role, string why) => new(name, j, role, why, allNumbers, distinct, missing, capped);

        if (named is { } given)
        {
            if (filled == 0 && given.Role is ColumnRole.Categorical or ColumnRole.Text or ColumnRole.Label or ColumnRole.Weight or ColumnRole.Numeric)
            {
                return Make(ColumnRole.Undecided, $"column '{name}' ({given.Option}) is blank in every row of '{table.Path}'.");
            }
            if (given.Role is ColumnRole.Numeric or ColumnRole.Weight && !allNumbers)
            {
                return Make(ColumnRole.Undecided, $"{table.Where(column.FirstNonNumber, j)}: {CsvTable.NumberProblem(column.FirstNonNumberText)} " +
                    $"{given.Option} {name} needs a number in every filled cell.{MissingHint(column.FirstNonNumberText)}");
            }
            if (given.Role == ColumnRole.Weight && column.Range.FlushedToZeroRow is >= 0 and int flushed)
            {
                // A positive weight that single precision makes 0 would leave its row out of the fit and the separation check.
                return Make(ColumnRole.Undecided, $"{table.Where(flushed, j)}: weight '{column.Range.FlushedToZeroText}' is below the range of a float " +
                    $"(smallest 1.4e-45) and would become 0, leaving its row out; rescale the weights (multiply them all by a power of 10).");
            }
            return given.Role == ColumnRole.Numeric && LostPrecision(table, j) is { } lost ? Make(ColumnRole.Undecided, lost) : Make(given.Role, given.Option);
        }
        if (j == 0 && name == CsvTable.RowNames && !capped && distinct < filled && FirstRepeat(table, j) is var (value, first, again))
        {
            // R refuses repeated row names; lines ending in a delimiter the header lacks look like row names too, and read
            // so every column would be shifted by one.
            return Make(ColumnRole.Undecided, $"'{table.Path}': the header has one name fewer than the lines, which R and pandas read as row names " +
                $"in the first column, but '{value}' repeats there (lines {table.LineOf(first)} and {table.LineOf(again)}): if the lines end in a " +
                "delimiter the header lacks, remove it; else name the first column in the header.");
        }
        if (j == 0 && name == CsvTable.RowNames)
        {
            return Make(ColumnRole.Ignored, $"unnamed first column: the row names R's write.csv and pandas' to_csv write (--id \"{name}\" writes them in predict's output)");
        }
        if (j > 0 && name == CsvTable.Unnamed(j))
        {
            return filled == 0
                ? Make(ColumnRole.Ignored, "unnamed and blank in every row: a spreadsheet's empty column")
                : Make(ColumnRole.Undecided, $"'{table.Path}': the header has an empty column name (column {j + 1}) over cells that are not blank; name it in the file.");
        }
        if (filled == 0)
        {
            return Make(ColumnRole.Undecided, $"column '{name}' is blank in every row of '{table.Path}'; say --ignore {name} to leave it out.");
        }
        if (allNumbers)
        {
            if (IsIdentifier(name, column, filled))
            {
                return Make(ColumnRole.Ignored, $"whole numbers, {distinct} distinct of {filled}, named like an identifier: an ID " +
                    $"(--numeric {name} to use it as a feature; --id {name} writes it in predict's output)");
            }
            return LostPrecision(table, j) is { } lost ? Make(ColumnRole.Undecided, lost) : Make(ColumnRole.Numeric, "every filled cell is a number");
        }
        if (numbers > 0)
        {
            // Numbers and something else: a typo or an overflow is likelier than a category, so say which cell.
            return Make(ColumnRole.Undecided,
                $"{table.Where(column.FirstNonNumber, j)}: {CsvTable.NumberProblem(column.FirstNonNumberText)} The column's other cells are numbers: correct the cell, leave it blank (a missing value), " +
                $"or say --categorical {name} or --ignore {name}.{MissingHint(column.FirstNonNumberText)}" +
                (table.Format.Decimal == '.' && CsvFormat.LooksLikeDecimal(column.FirstNonNumberText, ',') ? " If ',' is the decimal separator, say --decimal ,." : ""));
        }
        if (table.Format.Decimal == '.' && column.Levels.All(l => CsvFormat.LooksLikeDecimal(l, ',')))
        {
            return Make(ColumnRole.Undecided, column.Levels.All(CsvFormat.LooksLikeThousands)
                ? $"column '{name}' holds numbers written with thousands separators (e.g. '{column.Levels[0]}'); remove the separators in the file " +
                  $"(a decimal comma would need --decimal ,), or say --categorical {name} or --ignore {name}."
                : $"column '{name}' holds numbers written with a decimal comma (e.g. '{column.Levels[0]}'); " +
                  $"say --decimal , to read them as numbers, or --categorical {name} or --ignore {name}.");
        }
        if (table.Format.Decimal == ',' && column.Levels.All(l => CsvFormat.LooksLikeDecimal(l, '.')))
        {
            return Make(ColumnRole.Undecided, $"column '{name}' holds numbers written with a decimal point (e.g. '{column.Levels[0]}') while the file is read " +
                $"with decimal commas; say --decimal . (or correct the file), or --categorical {name} or --ignore {name}.");
        }
        if (distinct == filled && filled > CategoricalLimit)
        {
            return Make(ColumnRole.Ignored, $"every value differs: an identifier (--id {name} writes it in predict's output)");
        }
        if (distinct <= CategoricalLimit)
        {
            return Make(ColumnRole.Categorical, $"≤ {CategoricalLimit} distinct strings");
        }
        return Make(ColumnRole.Undecided,
            $"column '{name}' holds {distinct} distinct strings, more than {CategoricalLimit} for a categorical column; " +
            $"say --text {name} (free text), --categorical {name} (a level each) or --ignore {name}.");
    }

    // A cell that looks like a spreadsheet's or a program's missing-value mark gets the option that reads it as one.
    private static string MissingHint(string cell) =>
        cell.Length <= 4 && !cell.Any(char.IsLetterOrDigit) || cell.ToLowerInvariant() is "nan" or "n/a" or "na" or "null" or "none" or "#n/a" or "missing"
            ? $" If '{cell}' marks a missing value, say --na {cell}."
            : "";

    /// <summary>True for a name like an identifier's: id, ID, Id, #, *_id, *.id, *-id, "* id", id_*, customerId, userID.</summary>
    public static bool IsIdentifierName(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower is "id" or "#" || lower.EndsWith("_id", StringComparison.Ordinal) || lower.EndsWith(".id", StringComparison.Ordinal)
            || lower.EndsWith(" id", StringComparison.Ordinal) || lower.EndsWith("-id", StringComparison.Ordinal) || lower.StartsWith("id_", StringComparison.Ordinal)
            || (name.Length > 2 && (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal)) && char.IsLower(name[^3]));
    }

    /// <summary>
    /// True for a column of whole numbers named like an identifier (id, ID, Id, *_id, *.id, customerId, …) of which at
    /// least <see cref="IdentifierDistinctShare"/> of the filled cells differ — BreastCancer's Id, a customer number.
    /// </summary>
    public static bool IsIdentifier(string name, CsvColumn column, int filled)
    {
        if (!IsIdentifierName(name) || filled < 2)
        {
            return false;
        }
        // Whole numbers beyond a float's exact integers (2^24) collapse when stored: count them distinct by that too.
        return column.Range.WholeNumbers && (column.Distinct >= IdentifierDistinctShare * filled || column.Range.SpanRounding > SchemaReport.CoarseSpanRounding);
    }

    // Why a number column cannot be stored in single precision (values below the float range that would become 0 or
    // lose their digits while the column holds nothing larger), or null.
    private static string? LostPrecision(CsvTable table, int j)
    {
        var range = table.Column(j).Range;
        int row = range.PrecisionLostRow;
        return row < 0 ? null
            : $"{table.Where(row, j)}: '{range.WorstRoundingText}' is below the range of a float (smallest 1.4e-45, full precision from 1.2e-38) " +
              $"and the column holds no larger values, so single precision (as ML.NET stores features) would change it beyond rounding; " +
              $"rescale the column (e.g. multiply it by a power of 10) or say --ignore {table.Header[j]}.";
    }
}
