using System.Globalization;
using nietras.SeparatedValues;

namespace LogReg.Cli;

/// <summary>
/// A CSV file with a header row, read whole by Sep in its <see cref="CsvFormat"/>: cells separated by the delimiter, a
/// cell may be quoted with double quotes (a doubled quote inside stands for one; a quoted cell may hold delimiters and
/// line breaks, as RFC 4180 allows). Blank lines are skipped. The cells are kept by column (<see cref="CsvColumn"/>:
/// floats for numbers, codes into distinct trimmed values for text; no string per cell).
/// Every error names the file, the row (1-based, the header is row 1) and the column.
/// </summary>
internal sealed class CsvTable
{
    private readonly CsvColumn[] _columns;

    private readonly LineNumbers _lines;

    private CsvTable(string path, string[] header, CsvColumn[] columns, int rowCount, CsvFormat format, LineNumbers lines)
    {
        _lines = lines;
        Format = format;
        Path = path;
        Header = header;
        _columns = columns;
        RowCount = rowCount;
    }

    public string Path { get; }

    /// <summary>How the file was read (delimiter, decimal separator, missing-value tokens).</summary>
    public CsvFormat Format { get; }

    public string[] Header { get; }

    /// <summary>Data rows (without the header).</summary>
    public int RowCount { get; }

    /// <summary>Column j's cells.</summary>
    public CsvColumn Column(int column) => _columns[column];

    /// <summary>The trimmed text of a cell ("" when missing).</summary>
    public ReadOnlySpan<char> Span(int row, int column) => _columns[column].Span(row);

    /// <summary>The trimmed text of a cell as a string ("" when missing).</summary>
    public string Cell(int row, int column) => _columns[column].Text(row);

    /// <summary>True when a cell is missing (blank or a missing-value token).</summary>
    public bool IsMissing(int row, int column) => _columns[column].IsMissing(row);

    /// <summary>True when a cell is a missing-value token (a text column's blank cell is a value, as R's read.csv reads it).</summary>
    public bool IsMissingToken(int row, int column) => _columns[column].IsMissingToken(row);

    /// <summary>Refuses a column that must hold numbers when a filled cell is not one, naming the first such cell.</summary>
    public void RequireNumbers(int column)
    {
        var c = _columns[column];
        if (c.FirstNonNumber >= 0)
        {
            throw new CliException($"{Where(c.FirstNonNumber, column)}: {NumberProblem(c.FirstNonNumberText)}");
        }
    }

    /// <summary>
    /// Reads <paramref name="path"/> in <paramref name="format"/>; the columns named in <paramref name="keepText"/> keep
    /// their cells' text (labels, IDs, categorical and text columns), the others only their numbers while they hold
    /// numbers.
    /// </summary>
    public static CsvTable Read(string path, CsvFormat format, IReadOnlySet<string>? keepText = null)
    {
        RequireFile(path);
        var cells = new CsvCells(format);
        using var reader = Sep.New(format.Delimiter).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).FromFile(path);
        string[]? header = null;
        CsvColumn[] columns = Array.Empty<CsvColumn>();
        RowBatches? batches = null;
        var lines = new LineNumbers();
        CsvColumn[] Columns(string[] names) => names.Select(h => new CsvColumn(cells, keepText?.Contains(h) == true)).ToArray();
        int rows = 0;
        int? rowNamesLine = null;
        try
        {
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue; // blank lines, before the header too (as R and pandas skip them)
            }
            if (row.LineNumberToExcl - row.LineNumberFrom > 1 && row.Span.Count('"') % 2 == 1)
            {
                // A quote opened and never closed swallows the rest of the file into one cell: refused, whatever the count.
                throw new CliException($"'{path}' line {row.LineNumberFrom}: a quoted cell opens there and is never closed, so it runs to " +
                    "the end of the file: a quote is probably not closed (a quote inside a cell is written twice: \"\").");
            }
            if (header is null)
            {
                header = ReadHeader(row, path);
                columns = Columns(header);
                continue;
            }
            if (rows == 0 && row.ColCount == header.Length + 1)
            {
                // R's write.table (row.names = TRUE) writes the row names under no header cell, as read.table reads them.
                header = [RowNames, .. header];
                columns = Columns(header);
                rowNamesLine = row.LineNumberFrom;
            }
            if (row.ColCount != header.Length)
            {
                // With row names inferred, the header itself names one column fewer than the lines are expected to hold.
                string expected = rowNamesLine is { } first
                    ? $"the header names {header.Length - 1} columns and line {first} had one cell more (read as R's row names), so every line needs {header.Length}"
                    : $"the header has {header.Length} columns";
                throw new CliException($"'{path}' line {row.LineNumberFrom}: {row.ColCount} cells; {expected}" +
                    (header.Length == 1 && row.ColCount == 1 ? "." : $" (cells split on {CsvFormat.Name(format.Delimiter)}; --delimiter to choose another)."));
            }
            batches ??= new RowBatches(columns);
            batches.Add(row);
            lines.Add(rows, row.LineNumberFrom);
            rows++;
        }
        batches?.Finish();
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            throw new CliException($"'{path}' after line {lines.LineOf(rows - 1) + 1}: a row longer than 16,777,216 characters (the reader's limit); " +
                "a quote that is never closed is the likely cause (a quote inside a cell is written twice: \"\").");
        }
        finally
        {
            batches?.Dispose();
        }
        if (header is null)
        {
            throw new CliException($"'{path}' is empty; expected a header row naming the columns.");
        }
        int invalid = Array.FindIndex(columns, c => c.FirstInvalidRow >= 0);
        if (invalid >= 0)
        {
            throw new CliException($"'{path}' line {lines.LineOf(columns[invalid].FirstInvalidRow)}, column '{header[invalid]}': the file is not valid UTF-8 (a byte that " +
                "decodes to no character, as Windows-1252's é or ° do); save it as UTF-8 (Excel: 'CSV UTF-8'), or convert it with iconv -f WINDOWS-1252 -t UTF-8.");
        }
        return new CsvTable(path, header, columns, rows, format, lines);
    }

    /// <summary>Reads <paramref name="path"/> with the format detected from it (defaults: ',' or as detected, '.', blank and NA missing).</summary>
    public static CsvTable Read(string path) => Read(path, CsvFormat.Detect(RequireFile(path), null, null, null));

    /// <summary>The path of an existing file, or a one-line refusal.</summary>
    public static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new CliException(Directory.Exists(path)
            ? $"data file '{path}' is a folder; expected a CSV file."
            : $"data file '{path}' does not exist.");

    private static string[] ReadHeader(SepReader.Row row, string path)
    {
        var header = new string[row.ColCount];
        for (int j = 0; j < header.Length; j++)
        {
            header[j] = row[j].Span.Trim().ToString();
        }
        if (header.Length > 1 && header[0].Length == 0)
        {
            header[0] = RowNames; // R's write.csv and pandas' to_csv write the row names (the index) under an empty name
        }
        for (int j = 1; j < header.Length; j++)
        {
            // A spreadsheet's empty trailing columns have no name; the schema ignores them when they are blank too.
            header[j] = header[j].Length == 0 ? Unnamed(j) : header[j];
        }
        var duplicate = Enumerable.Range(0, header.Length).GroupBy(j => header[j], StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            // Names are read without the spaces around them (quoted or not), so 'x' and 'x ', which pandas keeps apart, are one.
            throw new CliException($"'{path}': the header names column '{duplicate.Key}' more than once: columns " +
                $"{string.Join(" and ", duplicate.Take(2).Select(j => j + 1))} (names are read without the spaces around them); rename one in the file.");
        }
        return header;
    }

    /// <summary>The name given to an unnamed first column: the row names R's <c>write.csv</c> and pandas' <c>to_csv</c> write by default.</summary>
    public const string RowNames = "(row names)";

    /// <summary>The name given to an unnamed column after the first (0-based position <paramref name="j"/>).</summary>
    public static string Unnamed(int j) => $"(unnamed column {j + 1})";

    /// <summary>The index of a column, or a clear error listing the columns.</summary>
    public int IndexOf(string column, string role)
    {
        int index = Array.IndexOf(Header, column);
        if (index < 0)
        {
            throw new CliException($"'{Path}' has no {role} column '{column}'; {ColumnListing.Suggestion(column, Header)}{ColumnListing.Of(Header)}.");
        }
        return index;
    }

    /// <summary>A numeric cell (as <see cref="CsvCells"/> reads it), or a failure naming row and column.</summary>
    public float Number(int row, int column)
    {
        float value = _columns[column].Number(row);
        return float.IsNaN(value) ? throw new CliException($"{Where(row, column)}: {NumberProblem(Cell(row, column))}") : value;
    }

    /// <summary>"'FILE' line L, column 'C'" — L the line the row starts on (the header is line 1, as an editor counts; "row" would
    /// read as the data row, one less), for messages about a cell.</summary>
    public string Where(int row, int column) => $"'{Path}' line {LineOf(row)}, column '{Header[column]}'";

    /// <summary>The line data row <paramref name="row"/> (0-based) starts on.</summary>
    public int LineOf(int row) => _lines.LineOf(row);

    /// <summary>
    /// What is wrong with a cell that is not a finite number within a float's range — features are stored in single
    /// precision, as ML.NET stores them — or null when nothing is.
    /// </summary>
    public static string? NumberProblem(string cell)
    {
        if (CsvCells.TryNumber(cell, out _))
        {
            return null;
        }
        string text = cell.Trim();
        if (text.TrimStart('+', '-').ToLowerInvariant() is "inf" or "infinity" or "nan")
        {
            return $"'{text}' is not a finite number; expected a finite value.";
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return text.Length == 0 ? "the cell is missing (blank, or a missing-value token such as NA); a number is needed here." : $"'{text}' is not a number.";
        }
        return double.IsFinite(v)
            ? $"'{text}' is beyond the range of a float (±3.4e38); features are stored in single precision, as ML.NET stores them."
            : $"'{text}' is not a finite number; expected a finite value.";
    }
}
