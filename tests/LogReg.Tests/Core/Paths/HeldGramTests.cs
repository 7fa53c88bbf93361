using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// What the dense covariance form keeps between solves: the Gram a solve ended with (handed to the next solve only at
/// the same point, columns and labels, once, never with offsets), and the row-major copy of the columns in play (kept
/// only while they stay the same; all columns in order read the matrix itself).
/// </summary>
public sealed class HeldGramTests
{
    private static TrainingSet Data(int n, int d, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => Math.Round(random.NextDouble() * 16 - 8) / 4).ToArray()).ToList();
        var labels = rows.Select(r => r[0] - 0.5 * r[1] + 2 * random.NextDouble() > 1 ? 1.0 : 0.0).ToArray();
        return new TrainingSet(DenseMatrix.FromRows(rows), labels);
    }

    [Fact]
    public void TheGramOfAnyColumnsIsThePlainSumWhateverCameBefore()
    {
        var data = Data(120, 8, seed: 1);
        var problem = StandardizedProblem.Of(data, standardize: true);
        var v = Enumerable.Range(0, 120).Select(i => 0.02 + (i % 5) * 0.01).ToArray();
        // The same columns twice (the copy kept), others, all in order (the matrix's rows), then the first again.
        int[][] sequence = [[5, 1, 6], [5, 1, 6], [1, 5, 6], [0, 1, 2, 3, 4, 5, 6, 7], [2, 3], [5, 1, 6]];
        var row = new double[8];
        foreach (var columns in sequence)
        {
            int stride = columns.Length + 1;
            var gram = new double[stride * stride];
            problem.AddRawGram(columns, v, gram);
            for (int a = 0; a < stride; a++)
            {
                for (int b = a; b < stride; b++)
                {
                    double expected = 0;
                    for (int i = 0; i < 120; i++)
                    {
                        data.Features.CopyRow(i, row);
                        expected += v[i] * (a < columns.Length ? row[columns[a]] : 1) * (b < columns.Length ? row[columns[b]] : 1);
                    }
                    Assert.Equal(expected, gram[a * stride + b], 1e-12);
                }
            }
        }
    }

    [Fact]
    public void AHeldGramIsTakenOnlyAtItsPointColumnsAndLabelsAndOnlyOnce()
    {
        var problem = StandardizedProblem.Of(Data(60, 4, seed: 2), standardize: true);
        int[] columns = [0, 2];
        double[] beta = [0.5, 0, -0.25, 0];
        var gram = new QuadraticModel(2);
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: true);
        Assert.Null(problem.TakeGram([0, 3], beta, 0.1));
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: true);
        Assert.Null(problem.TakeGram(columns, beta, 0.2));
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: true);
        Assert.Null(problem.TakeGram(columns, [0.5, 0, -0.25 + 1e-15, 0], 0.1));
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: true);
        var labels = problem.Labels;
        problem.Labels = labels.Select(y => 1 - y).ToArray();
        Assert.Null(problem.TakeGram(columns, beta, 0.1));
        problem.Labels = labels;
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: true);
        Assert.Same(gram, problem.TakeGram(columns, beta, 0.1)?.Model);
        Assert.Null(problem.TakeGram(columns, beta, 0.1));
        // A solve that did not settle holds nothing without offsets.
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: false);
        Assert.Null(problem.TakeGram(columns, beta, 0.1));
        // With offsets (the multinomial path's class solves) a Gram is held per class's labels whatever the point, and
        // taken only when the caller says it still fits, over the same columns, once.
        var other = labels.Select(y => 1 - y).ToArray();
        problem.Offsets = new double[60];
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: false);
        problem.Labels = other;
        var otherGram = new QuadraticModel(2);
        problem.HoldGram(columns, otherGram, 0, beta, 0.1, settled: false);
        problem.JudgeHeldGram(true);
        Assert.Same(otherGram, problem.TakeGram(columns, [1, 2, 3, 4], 5)?.Model);
        problem.Labels = labels;
        Assert.Null(problem.TakeGram(columns, beta, 0.1));
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: false);
        problem.JudgeHeldGram(true);
        Assert.Null(problem.TakeGram([0, 1], beta, 0.1));
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: false);
        problem.JudgeHeldGram(true);
        Assert.Same(gram, problem.TakeGram(columns, beta, 0.1)?.Model);
        problem.JudgeHeldGram(true);
        Assert.Null(problem.TakeGram(columns, beta, 0.1));
        // Judged stale, a class's Gram is dropped at once: a solve over the rows in between (which takes none) cannot leave
        // it for a later solve that is told it fits.
        problem.HoldGram(columns, gram, 0, beta, 0.1, settled: false);
        problem.JudgeHeldGram(false);
        problem.JudgeHeldGram(true);
        Assert.Null(problem.TakeGram(columns, beta, 0.1));
        problem.Offsets = null;
    }

    [Fact]
    public void AClassGramServesUntilItsMarginsAndTheOthersFeltMovesAddUpToTheLimit()
    {
        const double limit = ClassCurvatureAge.FreshMarginMove;
        var ages = new ClassCurvatureAge(3);
        Assert.False(ages.StillFits(0));
        Assert.False(ages.StillFits(1));
        Assert.False(ages.StillFits(2));
        // Class 0 moves 0.6 of the limit, felt by the others as 0.1 of it.
        ages.Moved(0, 0.6 * limit, 0.1 * limit);
        Assert.True(ages.StillFits(0));
        Assert.True(ages.StillFits(1));
        // Class 1 moves as much: class 0 has now aged 0.7, class 1 0.7, class 2 0.2 of the limit.
        ages.Moved(1, 0.6 * limit, 0.1 * limit);
        Assert.True(ages.StillFits(0));
        // Class 0 again: 1.3 of the limit for itself — a fresh Gram, and its age restarts — 0.8 for class 1, 0.3 for class 2.
        ages.Moved(0, 0.6 * limit, 0.1 * limit);
        Assert.False(ages.StillFits(0));
        Assert.True(ages.StillFits(0));
        Assert.True(ages.StillFits(1));
        Assert.True(ages.StillFits(2));
        // Felt moves add up too: class 2 at 0.3 + 0.8 = 1.1 of the limit.
        ages.Moved(1, 0.1 * limit, 0.8 * limit);
        Assert.False(ages.StillFits(2));
        Assert.True(ages.StillFits(2));
        ages.Forget();
        Assert.False(ages.StillFits(0));
        Assert.False(ages.StillFits(1));
    }

    [Fact]
    public void ARidgePathIsGlmnetsAtEveryLambdaWithGramsHeldAcrossThem()
    {
        // Ridge moves its small coefficients little from one λ to the next: a Gram held over many λ (each moving less than
        // the fresh-curvature limit, together far more) left λ 17–22 of this path 300 times less converged than before
        // (relative KKT residuals 1.3e-8 against 4.6e-11, an outsider's measurement). The moves are summed now. Against
        // glmnet at thresh 1e-14 (Reference/glmnet.json, breast cancer, α = 0), per λ relative to its largest coefficient.
        var reference = ReferenceData.File("glmnet").GetProperty("paths")[2];
        Assert.Equal(0, reference.GetProperty("alpha").GetDouble());
        var data = ReferenceData.Get(reference.GetProperty("data").GetString()!).Dense();
        var lambdas = reference.GetProperty("lambda").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var path = ElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = 0, Lambdas = lambdas });
        // The first 40 λ (down to 2.5 % of λ_max), where the path is well conditioned; further on both sides' coefficients
        // move by up to 1e-6 of the largest for a change in the 16th digit (ElasticNetPathTests compares them there).
        var worst = new double[40];
        for (int k = 1; k < worst.Length; k++)
        {
            var expected = reference.GetProperty("coefficients")[k].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double scale = expected.Max(Math.Abs);
            worst[k] = expected.Select((v, j) => Math.Abs(path.Coefficients[k][j] - v) / scale).Max();
        }
        Assert.True(worst.Max() < 1e-9, $"largest difference {worst.Max():E2} at λ[{Array.IndexOf(worst, worst.Max())}]");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ASolveFromTheLastSolvesGramReachesTheFreshSolvesOptimum(double alpha)
    {
        // Two λ in a row on one problem (the second starts from the Gram the first ended with) against the same two λ on a
        // problem whose held Gram is dropped before the second.
        var data = Data(400, 6, seed: 3);
        int[] columns = [0, 1, 2, 3, 4, 5];
        var (withHeld, withoutHeld) = (StandardizedProblem.Of(data, standardize: true), StandardizedProblem.Of(data, standardize: true));
        var (beta, fresh) = (new double[6], new double[6]);
        double intercept = withHeld.Solve(columns, beta, withHeld.NullIntercept, 0.02, alpha, 1e-20, newtonSteps: 100);
        double freshIntercept = withoutHeld.Solve(columns, fresh, withoutHeld.NullIntercept, 0.02, alpha, 1e-20, newtonSteps: 100);
        var gram = withHeld.TakeGram(columns, beta, intercept);
        Assert.NotNull(gram);
        withHeld.HoldGram(columns, gram!.Model, gram.Drift, beta, intercept, settled: true);
        Assert.NotNull(withoutHeld.TakeGram(columns, fresh, freshIntercept));
        intercept = withHeld.Solve(columns, beta, intercept, 0.005, alpha, 1e-20, newtonSteps: 100);
        freshIntercept = withoutHeld.Solve(columns, fresh, freshIntercept, 0.005, alpha, 1e-20, newtonSteps: 100);
        Assert.Equal(freshIntercept, intercept, 1e-12);
        for (int j = 0; j < 6; j++)
        {
            Assert.Equal(fresh[j], beta[j], 1e-12);
        }
    }
}
