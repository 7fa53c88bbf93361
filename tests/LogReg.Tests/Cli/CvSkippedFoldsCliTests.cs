using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// 'logreg cv --fold-column' with '--missing skip': a fold whose rows were all left out is counted as gone, and the
/// message says so, rather than the file seeming to hold fewer folds than it does.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CvSkippedFoldsCliTests : CliRun
{
    [Fact]
    public void AFoldLeftWithoutRowsBySkippingIsNamedAsSuch()
    {
        string data = Path.Combine(Folder, "skipped.csv");
        // Every row of fold 0 has a missing feature.
        File.WriteAllLines(data, new[] { "x1,y,fold" }.Concat(Enumerable.Range(0, 30).Select(i => $"{(i % 3 == 0 ? "NA" : (i % 7).ToString())},{i % 2},{i % 3}")));
        var r = Run("cv", "--data", data, "--label", "y", "--fold-column", "fold", "--missing", "skip", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, r.Exit);
        Assert.Equal("error: cv: column 'fold' holds 2 distinct value(s) in the rows used (3 in the file: the rows of the others were left out by " +
            "--missing skip); cross-validation needs at least 3 folds.", r.Err.Trim());
    }
}
