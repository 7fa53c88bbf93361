namespace LogReg.Cli;

/// <summary>
/// The role of every column of a CSV table, from the options that name columns and, for the rest, by
/// rule: a column whose filled cells are all finite numbers is a numeric feature; a string column
/// with at most <see cref="CategoricalLimit"/> distinct values is categorical; one whose values all
/// differ is an identifier and left out; anything else must be given a role, and the schema says which
/// options would do. A blank cell is one with nothing in it but spaces (numeric) or nothing at all (strings).
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

    /// <summary>True for a cell the schema counts as missing.</summary>
    public static bool IsBlank(string cell, bool numeric) => numeric ? string.IsNullOrWhiteSpace(cell) : cell.Length == 0;

    /// <summary>True for a cell that is a finite number within a float's range (as <see cref="CsvTable.Number"/> reads it).</summary>
    public static bool IsNumber(string cell) => CsvColumn.TryNumber(cell, out _);

    public static TableSchema Infer(CsvTable table, ColumnOptions options)
    {
        var named = NamedRoles(table, options);
        var columns = new SchemaColumn[table.Header.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = Describe(table, j, named.TryGetValue(table.Header[j], out var role) ? role : null);
        }
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

    private static SchemaColumn Describe(CsvTable table, int j, (ColumnRole Role, string Option)? named)
    {
        string name = table.Header[j];
        var column = table.Column(j);
        int numericBlanks = column.WhiteSpaceCount, numbers = column.NumberCount, stringBlanks = column.EmptyCount;
        int firstOther = column.FirstNonNumber;
        int filled = table.RowCount - numericBlanks;
        bool allNumbers = filled > 0 && numbers == filled;
        int missing = allNumbers ? numericBlanks : stringBlanks;
        int distinct = allNumbers ? DistinctNumbers(column) : DistinctTexts(column);
        SchemaColumn Make(ColumnRole role, string why) => new(name, j, role, why, allNumbers, distinct, missing);

        if (named is { } given)
        {
            if (filled == 0 && given.Role is ColumnRole.Categorical or ColumnRole.Text or ColumnRole.Label or ColumnRole.Weight)
            {
                return Make(ColumnRole.Undecided, $"column '{name}' ({given.Option}) is blank in every row of '{table.Path}'.");
            }
            return given.Role == ColumnRole.Numeric && LostPrecision(table, j) is { } lost ? Make(ColumnRole.Undecided, lost) : Make(given.Role, given.Option);
        }
        if (filled == 0)
        {
            return Make(ColumnRole.Undecided, $"column '{name}' is blank in every row of '{table.Path}'; say --ignore {name} to leave it out.");
        }
        if (allNumbers)
        {
            return LostPrecision(table, j) is { } lost ? Make(ColumnRole.Undecided, lost) : Make(ColumnRole.Numeric, "every filled cell is a number");
        }
        if (numbers > 0)
        {
            // Numbers and something else: a typo or an overflow is likelier than a category, so say which cell.
            return Make(ColumnRole.Undecided,
                $"{table.Where(firstOther, j)}: {CsvTable.NumberProblem(table.Cell(firstOther, j))} The column's other cells are numbers: correct the cell, leave it blank (a missing value), " +
                $"or say --categorical {name} or --ignore {name}.");
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

    // Why a number column cannot be stored in single precision (values below the float range that would become 0 or
    // lose their digits while the column holds nothing larger), or null.
    private static string? LostPrecision(CsvTable table, int j)
    {
        int row = table.Column(j).PrecisionLostRow;
        return row < 0 ? null
            : $"{table.Where(row, j)}: '{table.Cell(row, j).Trim()}' is below the range of a float (smallest 1.4e-45, full precision from 1.2e-38) " +
              $"and the column holds no larger values, so single precision (as ML.NET stores features) would change it beyond rounding; " +
              $"rescale the column (e.g. multiply it by a power of 10) or say --ignore {table.Header[j]}.";
    }

    // A number column's distinct values (by value: "1" and "1.0" are one); no string is made.
    private static int DistinctNumbers(CsvColumn column)
    {
        var seen = new HashSet<float>();
        for (int r = 0; r < column.Count; r++)
        {
            float v = column.Number(r);
            if (!float.IsNaN(v))
            {
                seen.Add(v);
            }
        }
        return seen.Count;
    }

    // A string column's distinct filled cells (blank: nothing but white space), a string made only for each new one.
    private static int DistinctTexts(CsvColumn column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int r = 0; r < column.Count; r++)
        {
            var cell = column.Span(r);
            if (!cell.IsWhiteSpace())
            {
                lookup.Add(cell);
            }
        }
        return seen.Count;
    }
}
