using System.Globalization;
using System.Text;

namespace LogReg.Cli;

/// <summary>
/// How a CSV file is written: the cell delimiter, the decimal separator of its numbers and the cells that stand for a
/// missing value. The delimiter and decimal separator are detected from the file's first lines unless given
/// (<c>--delimiter</c>, <c>--decimal</c>): a spreadsheet in a locale with decimal commas writes <c>;</c> between cells
/// and <c>1,5</c> for one and a half. The missing-value tokens default to a blank cell and <c>NA</c>, as R's
/// <c>read.csv</c> and pandas' <c>read_csv</c> read them (<c>--na</c>).
/// </summary>
/// <param name="Delimiter">The character between cells.</param>
/// <param name="Decimal">The decimal separator of numbers ('.' or ',').</param>
/// <param name="MissingTokens">Trimmed cells that mean "missing" (a blank cell always does).</param>
/// <param name="Detected">How the delimiter and decimal separator were decided, for the schema report.</param>
internal sealed record CsvFormat(char Delimiter, char Decimal, IReadOnlyList<string> MissingTokens, string Detected)
{
    /// <summary>
    /// The tokens taken as missing by default (besides a blank cell): R's <c>read.csv</c> NA and pandas' defaults but
    /// "None" (a plausible level): NaN and null in their spellings, spreadsheets' #N/A.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultMissingTokens =
        ["NA", "N/A", "n/a", "#N/A", "#N/A N/A", "#NA", "<NA>", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN"];

    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    private static readonly System.Buffers.SearchValues<char> Exponent = System.Buffers.SearchValues.Create("eE");

    /// <summary>A delimiter's name for messages.</summary>
    public static string Name(char delimiter) => delimiter switch { '\t' => "tab", _ => $"'{delimiter}'" };

    /// <summary>The missing-value tokens as the schema prints them.</summary>
    public string MissingText => ReferenceEquals(MissingTokens, DefaultMissingTokens) || MissingTokens.SequenceEqual(DefaultMissingTokens)
        ? "a blank cell, NA, NaN, null, #N/A and their spellings (R's and pandas' defaults but None)"
        : string.Join(", ", MissingTokens.Where(t => t.Length > 0).Select(t => $"'{t}'").Prepend("a blank cell"));

    /// <summary>
    /// The format of <paramref name="path"/>: the given delimiter/decimal separator, or those its first lines show. A
    /// delimiter is one that splits the header into two or more cells and every sampled line into as many; when two
    /// candidates both do, the user is asked to choose.
    /// </summary>
    public static CsvFormat Detect(string path, char? delimiter, char? decimalSeparator, IReadOnlyList<string>? missing)
    {
        var lines = SampleLines(CsvTable.RequireFile(path));
        string how;
        char chosen;
        if (delimiter is { } given)
        {
            (chosen, how) = (given, $"delimiter {Name(given)} (--delimiter)");
        }
        else
        {
            var fits = Candidates.Select(c => (Delimiter: c, Cells: ConsistentCells(lines, c))).Where(f => f.Cells >= 2).ToArray();
            if (fits.Length > 1)
            {
                throw new CliException($"'{path}': the delimiter is ambiguous — the first lines split consistently on " +
                    $"{string.Join(" and ", fits.Select(f => $"{Name(f.Delimiter)} ({f.Cells} columns)"))}; say --delimiter to choose.", 2);
            }
            (chosen, how) = fits.Length == 1 ? (fits[0].Delimiter, $"delimiter {Name(fits[0].Delimiter)} (detected)") : (',', "delimiter ',' (default)");
        }
        char separator;
        if (decimalSeparator is { } d)
        {
            if (d == chosen && d != ',')
            {
                throw new CliException($"--decimal '{d}' is the delimiter too; expected '.' or ','.", 2);
            }
            (separator, how) = (d, how + $", decimal '{d}' (--decimal)");
        }
        else
        {
            separator = chosen == ',' ? '.' : DetectDecimal(lines, chosen, path);
            how += separator == ',' ? ", decimal ',' (detected)" : "";
        }
        var tokens = (missing ?? DefaultMissingTokens).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        return new CsvFormat(chosen, separator, tokens, how);
    }

    // The first lines of the file, as whole lines (a quoted cell's line break kept inside its line): 64 KiB, or more
    // for a wide file — up to 8 MiB until 20 lines are in.
    private static List<string> SampleLines(string path)
    {
        var buffer = new char[64 * 1024];
        int read;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            read = reader.ReadBlock(buffer, 0, buffer.Length);
            while (read == buffer.Length && buffer.Length < 8 << 20 && buffer.AsSpan(0, read).Count('\n') < 20)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                read += reader.ReadBlock(buffer, read, buffer.Length - read);
            }
        }
        // NUL characters: UTF-16 without a byte-order mark (every other byte 0), or not text; read on, they had surfaced as
        // a cell count or a column name with the NULs echoed to the terminal.
        int nul = buffer.AsSpan(0, read).IndexOf('\0');
        if (nul >= 0)
        {
            throw new CliException($"'{path}' line {buffer.AsSpan(0, nul).Count('\n') + 1} holds a NUL character: UTF-16 without a byte-order mark, or not a " +
                "text file; save it as UTF-8 (or UTF-16 with its byte-order mark).");
        }
        var lines = new List<string>();
        var line = new StringBuilder();
        bool quoted = false, complete = read < buffer.Length;
        for (int i = 0; i < read; i++)
        {
            char c = buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (!quoted && c is '\n' or '\r')
            {
                if (line.Length > 0 && !string.IsNullOrWhiteSpace(line.ToString()))
                {
                    lines.Add(line.ToString());
                }
                line.Clear();
                continue;
            }
            line.Append(c);
        }
        if (complete && line.Length > 0 && !quoted)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    // The cell count when the header splits into two or more cells on the delimiter (outside quotes) and nine in ten
    // sampled lines into as many (a ragged row is the reader's to name, not a reason to split on something else), else
    // 0; every line may have one cell more than the header (R's write.table writes row names under no name).
    private static int ConsistentCells(List<string> lines, char delimiter)
    {
        if (lines.Count == 0)
        {
            return 0;
        }
        int header = Cells(lines[0], delimiter).Count;
        if (header < 2)
        {
            return 0;
        }
        var data = lines.Skip(1).Select(l => Cells(l, delimiter).Count).ToList();
        if (data.Count == 0)
        {
            return header;
        }
        if (data.All(c => c == header + 1))
        {
            return header + 1;
        }
        return data.Count(c => c == header) >= 0.9 * data.Count ? header : 0;
    }

    private static List<string> Cells(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }
            if (c == delimiter && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                continue;
            }
            cell.Append(c);
        }
        cells.Add(cell.ToString().Trim());
        return cells;
    }

    // With a delimiter other than ',', numbers may be written with decimal commas (1,5): those and no decimal points.
    private static char DetectDecimal(List<string> lines, char delimiter, string path)
    {
        int commas = 0, points = 0;
        foreach (var cell in lines.Skip(1).SelectMany(l => Cells(l, delimiter)))
        {
            if (LooksLikeDecimal(cell, ','))
            {
                commas++;
            }
            else if (LooksLikeDecimal(cell, '.'))
            {
                points++;
            }
        }
        if (commas > 0 && points > 0)
        {
            throw new CliException($"'{path}': numbers are written both with decimal commas and decimal points in the first lines; say --decimal , or --decimal . to choose.", 2);
        }
        return commas > 0 ? ',' : '.';
    }

    /// <summary>True for a cell written with thousands separators: 1-3 digits, then groups of a comma and three digits (18,200; 1,234,567).</summary>
    public static bool LooksLikeThousands(string cell)
    {
        var groups = cell.Trim().TrimStart("+-").ToString().Split(',');
        return groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups.All(g => g.Length > 0 && !g.AsSpan().ContainsAnyExceptInRange('0', '9'))
            && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>True for a cell written as digits, the separator and digits (an optional sign and exponent): 1,5 or -0.25e3.</summary>
    public static bool LooksLikeDecimal(ReadOnlySpan<char> cell, char separator)
    {
        cell = cell.Trim();
        int at = cell.IndexOf(separator);
        if (at <= 0 || at == cell.Length - 1)
        {
            return false;
        }
        var whole = cell[..at].TrimStart("+-");
        var rest = cell[(at + 1)..];
        int exponent = rest.IndexOfAny(Exponent);
        var fraction = exponent < 0 ? rest : rest[..exponent];
        return whole.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && fraction.Length > 0 && !fraction.ContainsAnyExceptInRange('0', '9')
            && (exponent < 0 || int.TryParse(rest[(exponent + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
    }
}
