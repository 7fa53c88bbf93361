using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The sparse path problem's kernels against plain sums over the same rows held dense: the Gram of a subset of columns
/// (regrouped by row), the margins by columns and by rows, the row state a path's next λ takes over from its check, the
/// margins a one-step solve moves for the multinomial rounds and those the binary path's later steps move for the check.
/// </summary>
public sealed class SparseProblemKernelTests
{
    // Quarters: exact in the single precision the sets store.
    private static (List<double[]> Rows, double[] Labels) Data(int n, int d, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d)
            .Select(_ => random.NextDouble() < 0.2 ? Math.Round(random.NextDouble() * 12 - 4) / 4 : 0).ToArray()).ToList();
        var labels = rows.Select(r => r[0] - r[1] + random.NextDouble() > 0.5 ? 1.0 : 0.0).ToArray();
        return (rows, labels);
    }

    [Fact]
    public void TheGramOfUnorderedColumnsIsTheDenseGram()
    {
        var (rows, labels) = Data(300, 25, seed: 3);
        var sparse = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, 25), labels), standardize: true);
        var dense = StandardizedProblem.Of(new TrainingSet(DenseMatrix.FromRows(rows), labels), standardize: true);
        var v = Enumerable.Range(0, 300).Select(i => 0.01 + (i % 7) * 0.03).ToArray();
        int[] columns = [17, 2, 9, 24, 0, 3];
        int stride = columns.Length + 1;
        var fromSparse = new double[stride * stride];
        var fromDense = new double[stride * stride];
        sparse.AddRawGram(columns, v, fromSparse);
        dense.AddRawGram(columns, v, fromDense);
        for (int a = 0; a < stride; a++)
        {
            for (int b = a; b < stride; b++)
            {
                // The plain sum: Σᵢ vᵢ·x̂ᵢₐ·x̂ᵢb, x̂ᵢ = (the columns' raw values, 1).
                double expected = Enumerable.Range(0, 300).Sum(i =>
                    v[i] * (a < columns.Length ? rows[i][columns[a]] : 1) * (b < columns.Length ? rows[i][columns[b]] : 1));
                Assert.Equal(expected, fromSparse[a * stride + b], 1e-12);
                Assert.Equal(fromDense[a * stride + b], fromSparse[a * stride + b], 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(25)]
    public void MarginsByColumnsAndByRowsAreThePlainSums(int nonZero)
    {
        // Two coefficients in play scatter columns; all 25 put most stored values in play, and each row's sum is taken.
        var (rows, labels) = Data(200, 25, seed: 4);
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, 25), labels), standardize: true);
        var beta = Enumerable.Range(0, 25).Select(j => j < nonZero ? 0.3 * (j % 5) - 0.5 : 0).ToArray();
        var eta = problem.Margins(beta, 0.25);
        for (int i = 0; i < rows.Count; i++)
        {
            double expected = 0.25 + Enumerable.Range(0, 25).Where(problem.Varies)
                .Sum(j => beta[j] * (rows[i][j] - problem.Mean(j)) / problem.Scale(j));
            Assert.Equal(expected, eta[i], 1e-12);
        }
    }

    [Fact]
    public void TheRowsOfTheLastCheckAreHandedOverOnlyAtItsPointAndOnlyOnce()
    {
        var (rows, labels) = Data(150, 10, seed: 5);
        var data = new TrainingSet(SparseMatrix.FromDenseRows(rows, 10), labels);
        var problem = SparseStandardizedProblem.Of(data, standardize: true);
        var beta = new double[10];
        beta[0] = 0.4;
        problem.GradientAndDeviance(beta, -0.2);
        var (_, residual, curvature) = problem.RowsAt(beta, -0.2);
        var fresh = SparseStandardizedProblem.Of(data, standardize: true).RowsAt(beta, -0.2);
        Assert.Equal(fresh.Residual, residual);
        Assert.Equal(fresh.Curvature, curvature);
        // A solver changes the residuals it was handed: asked again, the problem computes them afresh.
        Array.Fill(residual, 7.0);
        Assert.Equal(fresh.Residual, problem.RowsAt(beta, -0.2).Residual);
        // Another point (here the intercept, then one coefficient) is never served the check's rows.
        problem.GradientAndDeviance(beta, -0.2);
        Assert.Equal(SparseStandardizedProblem.Of(data, standardize: true).RowsAt(beta, 0.1).Residual, problem.RowsAt(beta, 0.1).Residual);
        problem.GradientAndDeviance(beta, -0.2);
        beta[3] = 1e-9;
        Assert.Equal(SparseStandardizedProblem.Of(data, standardize: true).RowsAt(beta, -0.2).Residual, problem.RowsAt(beta, -0.2).Residual);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void TheCheckAfterASolveIsTheFreshCheckThoughItTakesTheMarginsTheLastStepMoved(double alpha)
    {
        // The binary path's Newton steps after the first move the margins with their coordinates, and the check at the
        // point the solve ended takes them; from the null model a λ takes several steps. Tolerance above the covariance
        // form's, so the solve sweeps.
        var (rows, labels) = Data(400, 25, seed: 9);
        var data = new TrainingSet(SparseMatrix.FromDenseRows(rows, 25), labels);
        var problem = SparseStandardizedProblem.Of(data, standardize: true);
        var beta = new double[25];
        double intercept = problem.Solve(Enumerable.Range(0, 25).ToArray(), beta, problem.NullIntercept, 0.005, alpha,
            1e-9 * problem.NullDeviancePerWeight, newtonSteps: 100);
        Assert.True(problem.LastSolveSettled);
        var (gradient, deviance) = problem.GradientAndDeviance(beta, intercept);
        var (freshGradient, freshDeviance) = SparseStandardizedProblem.Of(data, standardize: true).GradientAndDeviance(beta, intercept);
        Assert.Equal(freshDeviance, deviance, 1e-11 * freshDeviance);
        for (int j = 0; j < 25; j++)
        {
            Assert.Equal(freshGradient[j], gradient[j], 1e-11);
        }
        // Elsewhere the margins are computed afresh.
        beta[0] += 0.25;
        Assert.Equal(SparseStandardizedProblem.Of(data, standardize: true).GradientAndDeviance(beta, intercept).Deviance,
            problem.GradientAndDeviance(beta, intercept).Deviance, 1e-11 * freshDeviance);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, false)]
    public void AOneStepSolveMovesTheCallersMarginsToWhereItEnded(int newtonSteps, bool moved)
    {
        // As the multinomial rounds call it: offsets, the class's margins handed over, one Newton step, a threshold the
        // sweeps take (the covariance form recomputes the margins).
        var (rows, labels) = Data(200, 12, seed: 7);
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, 12), labels), standardize: true);
        problem.Offsets = Enumerable.Range(0, 200).Select(i => -0.3 + (i % 5) * 0.1).ToArray();
        var beta = Enumerable.Range(0, 12).Select(j => j % 4 == 0 ? 0.2 : 0).ToArray();
        var margins = new double[200];
        problem.LinearPart(beta, 0.1, margins);
        problem.StartingLinearPart = margins;
        var before = margins.ToArray();
        double intercept = problem.Solve(Enumerable.Range(0, 12).ToArray(), beta, 0.1, lambda: 0.01, alpha: 0.8, threshold: 1e-6, newtonSteps);
        Assert.Equal(moved, problem.LastSolveMovedLinearPart);
        var recomputed = new double[200];
        problem.LinearPart(beta, intercept, recomputed);
        Assert.True(recomputed.Zip(before).Max(p => Math.Abs(p.First - p.Second)) > 0.1, "the solve moved the coefficients");
        for (int i = 0; i < 200; i++)
        {
            // Moved: the same sums in another order. Not moved: left as handed over.
            Assert.Equal(moved ? recomputed[i] : before[i], margins[i], 1e-12);
        }
        problem.Offsets = null;
    }
}
