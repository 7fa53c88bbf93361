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
        Assert.Contains("row 2: a quoted cell runs from line 2", e.Message);
        Assert.Contains("a quote is probably not closed", e.Message);
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
        Assert.Contains("row 4, column 'tiny': '1e-49' is below the range of a float", run.Err);
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
}
