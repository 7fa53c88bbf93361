using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A held Gram extended to other columns (some kept, some dropped, some new) is the Gram formed afresh with the same
/// curvature weights: sparse bit for bit where the kept columns keep their order, as the paths' increasing columns do
/// (the same products added in the same order), else and dense to rounding; and the next solve extends a held Gram only
/// from its point while its curvature is fresh.
/// </summary>
public sealed class GramExtensionTests
{
    [Theory]
    // 7 dropped; 3, 5, 8 new: between kept columns and after them.
    [InlineData(true, new[] { 0, 1, 2, 4, 7 }, new[] { 0, 1, 2, 3, 4, 5, 8 })]
    [InlineData(false, new[] { 0, 1, 2, 4, 7 }, new[] { 0, 1, 2, 3, 4, 5, 8 })]
    // The kept columns out of their order, a new one before them all.
    [InlineData(true, new[] { 1, 4, 2, 7, 0 }, new[] { 3, 2, 0, 8, 4, 1, 5 })]
    [InlineData(false, new[] { 1, 4, 2, 7, 0 }, new[] { 3, 2, 0, 8, 4, 1, 5 })]
    public void AnExtendedGramIsTheGramFormedWithTheSameWeights(bool sparse, int[] heldColumns, int[] columns)
    {
        var problem = RawGramFixture.Problem(sparse);
        var v = Enumerable.Range(0, problem.RowCount).Select(i => 0.05 + (i % 7) * 0.02).ToArray();
        var heldModel = new QuadraticModel(heldColumns.Length) { Formed = (RawGramFixture.Gram(problem, heldColumns, v), v) };
        var held = new HeldGram(heldColumns, heldModel, 0, null);
        bool inOrder = heldColumns.SequenceEqual(heldColumns.Order()) && columns.SequenceEqual(columns.Order());
        var mean = columns.Select(problem.Mean).ToArray();
        var scale = columns.Select(problem.Scale).ToArray();
        var extended = GramExtension.Of(problem, held, columns, mean, scale);
        var fresh = RawGramFixture.Gram(problem, columns, v);
        var (gram, weights) = extended.Formed!.Value;
        Assert.Same(v, weights);
        int stride = columns.Length + 1;
        for (int a = 0; a < stride; a++)
        {
            for (int b = a; b < stride; b++)
            {
                if (sparse && inOrder)
                {
                    Assert.Equal(fresh[a * stride + b], gram[a * stride + b]);
                }
                else
                {
                    Assert.Equal(fresh[a * stride + b], gram[a * stride + b], 1e-12);
                }
            }
        }
        var model = new QuadraticModel(columns.Length);
        model.CentreFrom(fresh, mean, scale);
        Assert.Equal(model.H00, extended.H00, 1e-12);
        for (int a = 0; a < columns.Length; a++)
        {
            Assert.Equal(model.H0[a], extended.H0[a], 1e-12);
            for (int b = 0; b < columns.Length; b++)
            {
                Assert.Equal(model.H[a * columns.Length + b], extended.H[a * columns.Length + b], 1e-12);
            }
        }
    }

    [Fact]
    public void AHeldGramGoesToOtherColumnsOnlyFromItsPointWithItsRawGramAndWhileFresh()
    {
        var problem = RawGramFixture.Problem(sparse: true);
        double[] beta = [0.5, 0, -0.25, 0, 0, 0, 0, 0, 0];
        int[] columns = [0, 2];
        var v = Enumerable.Repeat(0.2, problem.RowCount).ToArray();
        var kept = new QuadraticModel(2) { Formed = (RawGramFixture.Gram(problem, columns, v), v) };
        problem.HoldGram(columns, kept, CoordinateSteps.FreshCurvatureMove, beta, 0.1, settled: true);
        Assert.Same(kept, problem.TakeGram([0, 2, 5], beta, 0.1)?.Model);
        problem.HoldGram(columns, kept, CoordinateSteps.FreshCurvatureMove, beta, 0.1, settled: true);
        Assert.Null(problem.TakeGram([0, 2, 5], beta, 0.2));
        problem.HoldGram(columns, kept, 1.01 * CoordinateSteps.FreshCurvatureMove, beta, 0.1, settled: true);
        Assert.Null(problem.TakeGram([0, 2, 5], beta, 0.1));
        problem.HoldGram(columns, new QuadraticModel(2), 0, beta, 0.1, settled: true);
        Assert.Null(problem.TakeGram([0, 2, 5], beta, 0.1));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void APathWhoseColumnsGrowMeetsItsOptimalityConditionsOnSparseOneHotColumns(double alpha)
    {
        // The lasso's strong set grows at most λ here; each solve then starts from an extended Gram. A 1e-20 path on the
        // same λ is the reference.
        var data = NestedOneHot();
        var (path, worst) = BinaryPathObjective.GapToTighter(data, new ElasticNetPathOptions { L1Ratio = alpha });
        Assert.Null(path.UnsettledLambda);
        Assert.InRange(worst, -1e-12, 1e-9);
    }

    private static TrainingSet NestedOneHot()
    {
        const int n = 3000, factors = 12, levels = 6, d = factors * levels;
        var random = new Random(8);
        var rows = new List<double[]>();
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = new double[d];
            double score = -1;
            for (int f = 0; f < factors; f++)
            {
                int level = random.Next(levels);
                row[f * levels + level] = 1;
                score += (level - 2.5) * 0.15 * (f % 4);
            }
            rows.Add(row);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-score)) ? 1 : 0;
        }
        return new TrainingSet(SparseMatrix.FromDenseRows(rows, d), labels);
    }
}
