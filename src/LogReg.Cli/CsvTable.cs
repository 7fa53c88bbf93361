using System.Globalization;
using System.Text;

namespace LogReg.Cli;

/// <summary>
/// A CSV file with a header row, read whole. Cells are separated by commas; a cell may be quoted
/// with double quotes (a doubled quote inside stands for one). Every error names the file, the row
/// (1-based, the header is row 1) and the column.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string path, string[] header, List<string[]> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    public string Path { get; }

    public string[] Header { get; }

    /// <summary>Data rows (without the header).</summary>
    public List<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"data file '{path}' does not exist.");
        }
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string? first = reader.ReadLine();
        if (first is null || first.Trim().Length == 0)
        {
            throw new CliException($"'{path}' is empty; expected a header row naming the columns.");
        }
        var header = Split(first, path, 1).Select(h => h.Trim()).ToArray();
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CliException($"'{path}': the header names column '{duplicate.Key}' more than once.");
        }
        if (header.Any(h => h.Length == 0))
        {
            throw new CliException($"'{path}': the header has an empty column name (column {Array.IndexOf(header, "") + 1}).");
        }
        var rows = new List<string[]>();
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var cells = Split(line, path, lineNumber);
            if (cells.Length != header.Length)
            {
                throw new CliException($"'{path}' row {lineNumber}: {cells.Length} cells; the header has {header.Length} columns.");
            }
            rows.Add(cells);
        }
        return new CsvTable(path, header, rows);
    }

    /// <summary>The index of a column, or a clear error listing the columns.</summary>
    public int IndexOf(string column, string role)
    {
        int index = Array.IndexOf(Header, column);
        if (index < 0)
        {
            throw new CliException($"'{Path}' has no {role} column '{column}'; its columns are: {string.Join(", ", Header)}.");
        }
        return index;
    }

    /// <summary>Parses a numeric cell (invariant culture) or fails naming row and column.</summary>
    public float Number(int row, int column) =>
        NumberProblem(Rows[row][column], out float value) is { } problem ? throw new CliException($"{Where(row, column)}: {problem}") : value;

    /// <summary>"'FILE' row R, column 'C'" (rows 1-based, the header is row 1), for messages about a cell.</summary>
    public string Where(int row, int column) => $"'{Path}' row {row + 2}, column '{Header[column]}'";

    /// <summary>
    /// Null when <paramref name="cell"/> (trimmed) is a finite number within a float's range — features are
    /// stored in single precision, as ML.NET stores them — with <paramref name="value"/> set; otherwise what is wrong with it.
    /// </summary>
    public static string? NumberProblem(string cell, out float value)
    {
        // The common case without allocating: a finite number within a float's range.
        if (double.TryParse(cell.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
            && double.IsFinite(parsed) && float.IsFinite((float)parsed))
        {
            value = (float)parsed;
            return null;
        }
        value = 0;
        string text = cell.Trim();
        if (text.TrimStart('+', '-').ToLowerInvariant() is "inf" or "infinity" or "nan")
        {
            return $"'{text}' is not a finite number; expected a finite value.";
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return $"{(text.Length == 0 ? "an empty cell" : $"'{text}'")} is not a number.";
        }
        if (!double.IsFinite(v))
        {
            return $"'{text}' is not a finite number; expected a finite value.";
        }
        value = (float)v;
        return float.IsFinite(value)
            ? null
            : $"'{text}' is beyond the range of a float (±3.4e38); features are stored in single precision, as ML.NET stores them.";
    }

    // Cells between commas; a quoted cell may hold commas and doubled quotes. Unquoted cells are cut from the line
    // as they are; only a cell with a quote is built character by character.
    private static string[] Split(string line, string path, int lineNumber)
    {
        var cells = new List<string>();
        int start = 0;
        while (true)
        {
            int comma = line.AsSpan(start).IndexOfAny(CommaOrQuote);
            comma = comma < 0 ? -1 : start + comma;
            if (comma < 0)
            {
                cells.Add(line[start..]);
                return cells.ToArray();
            }
            if (line[comma] == ',')
            {
                cells.Add(line[start..comma]);
                start = comma + 1;
                continue;
            }
            start = QuotedCell(line, start, cells, path, lineNumber);
            if (start >= line.Length)
            {
                return cells.ToArray();
            }
            start++; // past the comma that ends the cell
        }
    }

    private static readonly System.Buffers.SearchValues<char> CommaOrQuote = System.Buffers.SearchValues.Create(",\"");

    // The cell from start to the next comma outside quotes (quotes removed, doubled quotes as one); returns the index of that comma, or the line's length.
    private static int QuotedCell(string line, int start, List<string> cells, string path, int lineNumber)
    {
        var cell = new StringBuilder();
        bool quoted = false;
        int i = start;
        for (; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                break;
            }
            else
            {
                cell.Append(c);
            }
        }
        if (quoted)
        {
            throw new CliException($"'{path}' row {lineNumber}: a quoted cell is not closed.");
        }
        cells.Add(cell.ToString());
        return i;
    }
}
