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
        Assert.Equal(2, table.Column(0).PrecisionLostRow);
        Assert.Equal(-1, table.Column(1).PrecisionLostRow);
        var run = Run("stats", "--data", path, "--label", "Label");
        Assert.Equal(1, run.Exit);
        Assert.Contains("row 4, column 'tiny': '1e-49' is below the range of a float", run.Err);
        Assert.Contains("--ignore tiny", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        // Subnormal floats keep a fixed absolute precision (1.4e-45): a column near 1e-40 loses digits without becoming 0.
        File.WriteAllText(path, "x,Label\n1.2345678e-40,1\n2.3456789e-40,0\n");
        Assert.True(CsvTable.Read(path).Column(0).PrecisionLostRow >= 0);
    }
}
