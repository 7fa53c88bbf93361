using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A held raw Gram brought to new curvature weights in the rows that moved (<see cref="StaleCurvature.Refresh"/>,
/// <see cref="PathProblem.AddRawGramOfRows"/>) is the Gram formed afresh with the weights it then holds, dense and sparse;
/// when too many rows moved it is left as it was.
/// </summary>
public sealed class HeldGramRefreshTests
{
    private const int Rows = 150;

    [Theory]
    [InlineData(false, 15)]
    [InlineData(true, 15)]
    [InlineData(false, 38)]
    public void RowsThatMovedBeyondATenthAreBroughtToTheirWeightsAndTheGramIsTheFreshOne(bool sparse, int moved)
    {
        var problem = RawGramFixture.Problem(sparse);
        int[] columns = [0, 2, 3, 6];
        var formed = Enumerable.Range(0, Rows).Select(i => 0.05 + (i % 9) * 0.02).ToArray();
        var gram = RawGramFixture.Gram(problem, columns, formed);
        // Every tenth row (15 of 150) moves by half; every row moves by 5 %, below the refresh's tenth; with 38 moved rows,
        // more than a quarter, nothing is refreshed.
        var current = formed.Select((w, i) => w * (i % (Rows / moved) == 0 && i / (Rows / moved) < moved ? 1.5 : 1.05)).ToArray();
        var heldWeights = (double[])formed.Clone();
        double? left = StaleCurvature.Refresh(problem, columns, gram, heldWeights, current);
        if (moved > Rows / 4)
        {
            Assert.Null(left);
            Assert.Equal(formed, heldWeights);
            Assert.Equal(RawGramFixture.Gram(problem, columns, formed), gram);
            return;
        }
        Assert.Equal(0.05, left!.Value, 12);
        Assert.Equal(moved, heldWeights.Where((w, i) => w != formed[i]).Count());
        var fresh = RawGramFixture.Gram(problem, columns, heldWeights);
        for (int e = 0; e < gram.Length; e++)
        {
            Assert.Equal(fresh[e], gram[e], 1e-12);
        }
    }
}
