using LogReg.Distributed;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>A worker's data root: names below it resolve to canonical paths; absolute names, "..", and links that lead out are refused.</summary>
public sealed class ShardRootTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logreg-root-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "logreg-outside-" + Guid.NewGuid().ToString("N"));

    public ShardRootTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data", "sub"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_folder, "data", "sub", "a.csv"), "y,x\n1,2\n");
        File.WriteAllText(Path.Combine(_outside, "b.csv"), "y,x\n1,2\n");
    }

    [Fact]
    public void NamesBelowTheRootResolveAndLinksInsideItAreFollowed()
    {
        var root = new ShardRoot(Path.Combine(_folder, "data"));
        Assert.Equal(Path.Combine(root.Directory, "sub", "a.csv"), root.Resolve("sub/a.csv"));
        File.CreateSymbolicLink(Path.Combine(_folder, "data", "alias.csv"), Path.Combine(_folder, "data", "sub", "a.csv"));
        Assert.Equal(Path.Combine(root.Directory, "sub", "a.csv"), root.Resolve("alias.csv"));
        Assert.Equal(Path.Combine("sub", "a.csv"), root.RelativeName(Path.Combine(_folder, "data", "sub", "a.csv")));
        Assert.Null(root.RelativeName(Path.Combine(_outside, "b.csv")));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../b.csv")]
    [InlineData("sub/../../b.csv")]
    [InlineData("")]
    public void AbsoluteOrClimbingNamesAreRefused(string name)
    {
        var root = new ShardRoot(Path.Combine(_folder, "data"));
        var error = Assert.Throws<ShardDataException>(() => root.Resolve(name));
        Assert.Contains("data root", error.Message);
    }

    [Fact]
    public void ALinkThatLeadsOutsideTheRootIsRefused()
    {
        var root = new ShardRoot(Path.Combine(_folder, "data"));
        File.CreateSymbolicLink(Path.Combine(_folder, "data", "out.csv"), Path.Combine(_outside, "b.csv"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "data", "outdir"), _outside);
        Assert.Contains("through a link", Assert.Throws<ShardDataException>(() => root.Resolve("out.csv")).Message);
        Assert.Contains("through a link", Assert.Throws<ShardDataException>(() => root.Resolve("outdir/b.csv")).Message);
    }

    [Fact]
    public void AWorkerListsItsFilesByTheNamesItWasGivenAndLeavesOutLinksThatLeadOutside()
    {
        var root = new ShardRoot(Path.Combine(_folder, "data"));
        File.CreateSymbolicLink(Path.Combine(_folder, "data", "sub", "alias.csv"), Path.Combine(_folder, "data", "sub", "a.csv"));
        File.CreateSymbolicLink(Path.Combine(_folder, "data", "sub", "out.csv"), Path.Combine(_outside, "b.csv"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "data", "linked"), Path.Combine(_folder, "data", "sub"));
        Assert.Equal(["sub/a.csv", "sub/alias.csv"], root.Match("sub/*.csv").Select(f => f.Name));
        Assert.Equal(["linked/a.csv", "linked/alias.csv"], root.Match("linked/*.csv").Select(f => f.Name));
        Assert.Empty(root.Match("missing/*.csv"));
        Assert.Throws<ShardDataException>(() => root.Match("../*.csv"));
    }

    [Fact]
    public void ARootReachedThroughALinkIsItsTarget()
    {
        string alias = _folder + "-alias";
        Directory.CreateSymbolicLink(alias, Path.Combine(_folder, "data"));
        try
        {
            var root = new ShardRoot(alias);
            Assert.Equal(Path.Combine(_folder, "data"), root.Directory);
            Assert.Equal(Path.Combine(_folder, "data", "sub", "a.csv"), root.Resolve("sub/a.csv"));
        }
        finally
        {
            Directory.Delete(alias);
        }
    }

    [Fact]
    public void AOneFeatureShardLoadsAsAVectorOfOneWithItsName()
    {
        File.WriteAllText(Path.Combine(_folder, "data", "one.csv"), "y,dose\n1,2.5\n0,-1\n1,0.5\n");
        var data = ShardLoader.Load(new ShardSpec(["one.csv"], "y"), new ShardRoot(Path.Combine(_folder, "data")));
        Assert.Equal(1, data.FeatureCount);
        Assert.Equal(3, data.RowCount);
        Assert.Equal(["dose"], data.FeatureNames!);
        Assert.Equal([1.0, 0.0, 1.0], data.Labels);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
