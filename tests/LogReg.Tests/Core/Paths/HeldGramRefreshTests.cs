using LogReg.Core.Data;
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
    private const int Rows = 160;

    private static PathProblem Problem(bool sparse)
    {
        var random = new Random(8);
        var rows = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, 7)
            .Select(_ => random.NextDouble() < 0.4 ? Math.Round(random.NextDouble() * 6 - 1, 2) : 0).ToArray()).ToList();
        var labels = rows.Select((r, i) => r[0] + r[2] - (i % 4) > 0 ? 1.0 : 0.0).ToArray();
        return sparse
            ? SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, 7), labels), standardize: true)
            : StandardizedProblem.Of(new TrainingSet(DenseMatrix.FromRows(rows), labels), standardize: true);
    }

    private static double[] Gram(PathProblem problem, int[] columns, double[] v)
    {
        var gram = new double[(columns.Length + 1) * (columns.Length + 1)];
        problem.AddRawGram(columns, v, gram);
        return gram;
    }

    [Theory]
    [InlineData(false, 20)]
    [InlineData(true, 20)]
    [InlineData(false, 41)]
    public void RowsThatMovedBeyondATenthAreBroughtToTheirWeightsAndTheGramIsTheFreshOne(bool sparse, int moved)
    {
        var problem = Problem(sparse);
        int[] columns = [0, 2, 3, 6];
        var formed = Enumerable.Range(0, Rows).Select(i => 0.05 + (i % 9) * 0.02).ToArray();
        var gram = Gram(problem, columns, formed);
        // Every eighth row (20 of 160) moves by half; every row moves by 5 %, below the refresh's tenth; with 41 moved rows,
        // more than a quarter, nothing is refreshed.
        var current = formed.Select((w, i) => w * (i % (Rows / moved) == 0 && i / (Rows / moved) < moved ? 1.5 : 1.05)).ToArray();
        var heldWeights = (double[])formed.Clone();
        double left = StaleCurvature.Refresh(problem, columns, gram, heldWeights, current);
        if (moved > Rows / 4)
        {
            Assert.True(double.IsNaN(left));
            Assert.Equal(formed, heldWeights);
            Assert.Equal(Gram(problem, columns, formed), gram);
            return;
        }
        Assert.Equal(0.05, left, 12);
        Assert.Equal(moved, heldWeights.Where((w, i) => w != formed[i]).Count());
        var fresh = Gram(problem, columns, heldWeights);
        for (int e = 0; e < gram.Length; e++)
        {
            Assert.Equal(fresh[e], gram[e], 1e-12);
        }
    }
}
