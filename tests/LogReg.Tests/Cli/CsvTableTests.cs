using LogReg.Cli;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>The CSV reader: RFC 4180 quoting, blank lines, and what it says about a file it cannot read.</summary>
public sealed class CsvTableTests : CliRun
{
    [Fact]
    public void QuotedCellsMayHoldCommasQuotesAndLineBreaksAndAnUnclosedQuoteIsNamed()
    {
        string path = Path.Combine(Folder, "quoted.csv");
        File.WriteAllText(path, "x,note,y\n1,\"two\nlines\",1\n\n2,\"a, \"\"b\"\"\",0\n3,c,1\n");
        var table = CsvTable.Read(path);
        Assert.Equal(3, table.RowCount);
        Assert.Equal("two\nlines", table.Cell(0, 1));
        Assert.Equal("a, \"b\"", table.Cell(1, 1));
        Assert.Equal(3f, table.Number(2, 0));
        File.WriteAllText(path, "x,note,y\n1,\"open,1\n2,b,0\n");
        var e = Assert.Throws<CliException>(() => CsvTable.Read(path));
        Assert.Contains("line 2: a quoted cell opens there and is never closed", e.Message);
        Assert.Contains("a quote is probably not closed", e.Message);
    }

    [Fact]
    public void RowNamesThatRepeatAreRefusedAsALikelyTrailingDelimiter()
    {
        // A header one cell short is R's write.table with row names (R and pandas read the first column as them); lines
        // ending in a delimiter the header lacks look the same, but their first column repeats — R refuses duplicate
        // row names — so the file is refused naming that, not read with every column shifted by one.
        string path = Path.Combine(Folder, "trailing.csv");
        File.WriteAllText(path, "y,x1,x2\nyes,1.5,2,\nno,0.5,3,\nyes,2.5,1,\n");
        var run = Run("stats", "--data", path, "--label", "y");
        Assert.Equal(1, run.Exit);
        Assert.Contains("the header has one name fewer than the lines, which R and pandas read as row names in the first column, but 'yes' " +
            "repeats there (lines 2 and 4): if the lines end in a delimiter the header lacks, remove it", run.Err);
        // R's write.table with row names and an all-NA last column (na = ""): row names, as R reads it.
        File.WriteAllText(path, "\"g\",\"y\",\"x1\",\"note\"\n\"1\",\"u\",0,-0.8,\n\"2\",\"v\",1,0.3,\n\"3\",\"u\",1,1.2,\n");
        Assert.Equal([CsvTable.RowNames, "g", "y", "x1", "note"], CsvTable.Read(path).Header);
        // Only the first line one cell longer: the count the header itself gives is named, not the row names' four.
        File.WriteAllText(path, "x1,g,y\n1,a,0,\n2,b,1\n3,a,0\n");
        var e = Assert.Throws<CliException>(() => CsvTable.Read(path));
        Assert.StartsWith($"'{path}' line 3: 3 cells; the header names 3 columns and line 2 had one cell more (read as R's row names), so every line needs 4", e.Message);
    }

    [Fact]
    public void UtfSixteenWithoutAByteOrderMarkIsRefusedByNameAndWithItIsRead()
    {
        string path = Path.Combine(Folder, "utf16.csv");
        File.WriteAllBytes(path, System.Text.Encoding.Unicode.GetBytes("x1,x2,y\n1,2,0\n3,4,1\n"));
        var e = Assert.Throws<CliException>(() => CsvTable.Read(path));
        Assert.Equal($"'{path}' line 1 holds a NUL character: UTF-16 without a byte-order mark, or not a text file; save it as UTF-8 (or UTF-16 with its byte-order mark).", e.Message);
        File.WriteAllBytes(path, [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("x1,x2,y\n1,2,0\n3,4,1\n")]);
        Assert.Equal(["x1", "x2", "y"], CsvTable.Read(path).Header);
    }

    [Fact]
    public void AColumnOfValuesBelowTheFloatRangeIsRefusedButATinyValueAmongLargerOnesIsOrdinaryRounding()
    {
        string path = Path.Combine(Folder, "tiny.csv");
        File.WriteAllText(path, "tiny,mixed,Label\n3e-51,1e-50,1\n-2e-50,0.5,0\n1e-49,2,1\n5e-51,1,0\n");
        var table = CsvTable.Read(path);
        Assert.Equal(2, table.Column(0).Range.PrecisionLostRow);
        Assert.Equal(-1, table.Column(1).Range.PrecisionLostRow);
        var run = Run("stats", "--data", path, "--label", "Label");
        Assert.Equal(1, run.Exit);
        Assert.Contains("line 4, column 'tiny': '1e-49' is below the range of a float", run.Err);
        Assert.Contains("--ignore tiny", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        // Subnormal floats keep a fixed absolute precision (1.4e-45): a column near 1e-40 loses digits without becoming 0.
        File.WriteAllText(path, "x,Label\n1.2345678e-40,1\n2.3456789e-40,0\n");
        Assert.True(CsvTable.Read(path).Column(0).Range.PrecisionLostRow >= 0);
    }

    [Fact]
    public void ANumberColumnThatSinglePrecisionCoarsensIsNamedWithTheOffsetToSubtract()
    {
        string path = Path.Combine(Folder, "times.csv");
        var random = new Random(2);
        var lines = new List<string> { "t,year,Label" };
        for (int i = 0; i < 60; i++)
        {
            lines.Add($"{1700000000 + random.Next(-3000, 3000)},{1990 + random.Next(0, 30)}.5,{i % 2}");
        }
        File.WriteAllLines(path, lines);
        Assert.True(CsvTable.Read(path).Column(0).Range.SpanRounding > 1e-3);
        Assert.Equal(0, CsvTable.Read(path).Column(1).Range.SpanRounding);
        var run = Run("stats", "--data", path, "--label", "Label");
        Assert.Equal(0, run.Exit);
        var warning = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("warning: column"));
        Assert.Contains("column 't' spans", warning);
        Assert.Contains("keeps steps of 128", warning);
        Assert.Contains("subtract an offset", warning);
        // 1e9 plus small counts: every value is the same float (steps of 64), which the warning says.
        File.WriteAllLines(path, new[] { "big,x,Label" }.Concat(Enumerable.Range(0, 40).Select(i => $"{1000000000 + i % 7},{i % 5},{i % 2}")));
        var counts = Run("stats", "--data", path, "--label", "Label");
        Assert.Contains("warning: column 'big' spans 6 around", counts.Out);
        Assert.Contains("every value becomes the same float", counts.Out);
    }

    [Fact]
    public void AReferenceLevelForANumberColumnAndAFolderForDataAreRefusedByName()
    {
        var reference = Run("stats", "--data", Spector, "--label", "Label", "--reference", "psi=1");
        Assert.NotEqual(0, reference.Exit);
        Assert.Contains("--reference psi=1: column 'psi' is numeric, not categorical", reference.Err);
        Assert.Contains("--categorical psi", reference.Err);
        var categorical = Run("stats", "--data", Spector, "--label", "Label", "--categorical", "psi", "--reference", "psi=1");
        Assert.Equal(0, categorical.Exit);
        var folder = Run("stats", "--data", Folder, "--label", "Label");
        Assert.Equal(1, folder.Exit);
        Assert.Contains($"data file '{Folder}' is a folder; expected a CSV file.", folder.Err);
    }

    [Fact]
    public void AnOutsidersSecondRoundOfFilesIsReadOrRefusedByName()
    {
        string model = Path.Combine(Folder, "m.zip");
        // A quote never closed in the last column swallowed the rest of the file into a class name.
        var unclosed = Run("train", "--data", Write("uq.csv", "x,c,y\n1,a,0\n2,b,1\n3,a,\"0\n4,b,1\n5,a,1\n6,b,0\n"), "--label", "y", "--model", model);
        Assert.Equal(1, unclosed.Exit);
        Assert.Contains("line 4: a quoted cell opens there and is never closed", unclosed.Err);
        // Rows are named by the line they start on, after quoted line breaks and blank lines alike.
        var line = Run("train", "--data", Write("rn.csv", "x,t,y\n1,\"two\nlines\",0\n\n2,b,1\n3,a,0\n4,b,1\n5e99,a,1\n6,b,0\n"), "--label", "y", "--text", "t", "--model", model);
        Assert.Contains("line 8, column 'x': '5e99' is beyond the range of a float", line.Err);
        // A ragged row in a ';' file is that row's error, not a reason to split on ','.
        var ragged = Run("train", "--data", Write("rag.csv", "x;c;y\n1;a;0\n2;b\n3;a;0\n4;b;1\n5;a;1\n6;b;0\n7;a;1\n8;b;0\n9;a;1\n10;b;0\n11;a;1\n"), "--label", "y", "--model", model);
        Assert.Contains("line 3: 2 cells; the header has 3 columns", ragged.Err);
        // write.csv2 with one decimal column: ';' (the header splits on nothing else).
        var csv2 = Run("train", "--data", Write("csv2.csv", "\"age\";\"income\";\"y\"\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"{20 + i};{100 + i},25;{i % 2}"))), "--label", "y", "--model", model);
        Assert.True(csv2.Exit == 0, csv2.Err);
        Assert.Contains("delimiter ';' (detected), decimal ',' (detected)", csv2.Out);
        // Windows-1252 bytes are refused by name; leading blank lines are skipped; a quoted cell after a space is unquoted.
        string latin = Path.Combine(Folder, "latin.csv");
        File.WriteAllBytes(latin, [.. "c,y\n"u8, .. "caf"u8, 0xE9, .. ",1\ntea,0\ncaf"u8, 0xE8, .. ",1\n"u8]);
        var encoding = Run("train", "--data", latin, "--label", "y", "--model", model);
        Assert.Equal(1, encoding.Exit);
        Assert.Contains("line 2, column 'c': the file is not valid UTF-8", encoding.Err);
        var spaced = Run("train", "--data", Write("spaced.csv", "\n\nx,c,y\n1, \"b, c\",0\n2,\"b, c\",1\n3,d,0\n4, \"d\" ,1\n"), "--label", "y", "--model", model, "--dry-run");
        Assert.True(spaced.Exit == 0, spaced.Err);
        Assert.Contains("c       categorical  text            2", spaced.Out);
        Assert.All(new[] { unclosed, line, ragged, encoding }, r => Assert.DoesNotContain("   at ", r.Err));
    }
}
