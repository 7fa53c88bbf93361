using LogReg.Distributed;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// A shard never trains on fewer rows than its files hold: a blank or non-numeric cell is refused (it was skipped, or
/// read as 0), and the refusal names the file, the line and the column — never the cell's content.
/// </summary>
public sealed class ShardLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(ShardFiles.Root.Directory, "loader-" + Guid.NewGuid().ToString("N"));

    public ShardLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("y,a,b\n1,0.5,TOPSECRET\n0,1,2\n1,2,3\n", "has 1 row(s) with a blank or non-numeric cell")]
    [InlineData("y,a,b\n1,0.5,\n0,1,2\n1,2,3\n", "has 1 row(s) with a blank or non-numeric cell")]
    [InlineData("y,a,b\n1,0.5,1\n-0.25588,1,2\n", "line 3, column 'y' holds a value that is not 0/1 or true/false")]
    public void ABinaryShardRefusesRowsItCannotReadWithoutQuotingThem(string content, string expected)
    {
        var spec = Write("part.csv", content);
        var e = Assert.Throws<ShardDataException>(() => ShardLoader.Load(spec, ShardFiles.Root));
        Assert.Contains(expected, e.Message);
        Assert.Contains("part.csv", e.Message);
        Assert.DoesNotContain("TOPSECRET", e.Message);
        Assert.DoesNotContain("-0.25588", e.Message);
    }

    [Fact]
    public void AMulticlassShardRefusesBlankCellsAndLabels()
    {
        var blankCell = Write("m1.csv", "label,a\nred,1\nblue,\n");
        Assert.Contains("has 1 row(s) with a blank or non-numeric feature cell or a blank label",
            Assert.Throws<ShardDataException>(() => ShardLoader.LoadLabelled(blankCell, ShardFiles.Root)).Message);
        var blankLabel = Write("m2.csv", "label,a\nred,1\n,2\n");
        Assert.Contains("a blank label", Assert.Throws<ShardDataException>(() => ShardLoader.LoadLabelled(blankLabel, ShardFiles.Root)).Message);
        var fine = ShardLoader.LoadLabelled(Write("m3.csv", "label,a,b\nred,1,2\nblue,3,4\nred,5,6\n"), ShardFiles.Root);
        Assert.Equal([("blue", 1L), ("red", 2L)], fine.ClassCounts());
        Assert.Equal(["a", "b"], fine.FeatureNames);
    }

    private ShardSpec Write(string name, string content)
    {
        File.WriteAllText(Path.Combine(_folder, name), content);
        return new ShardSpec([Path.Combine(Path.GetFileName(_folder), name)], name.StartsWith('m') ? "label" : "y");
    }
}
