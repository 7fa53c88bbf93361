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
}
