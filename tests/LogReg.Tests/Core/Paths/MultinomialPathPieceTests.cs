using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Pieces of the multinomial path's rounds against plain computations: the penalty's shift of one feature's K
/// coefficients (against a search over every candidate), the margins moved by a shift common to all classes (against
/// margins recomputed from the shifted coefficients), and a class's offsets (against the log-sum of the other classes).
/// </summary>
public sealed class MultinomialPathPieceTests
{
    private static double Penalty(double[] values, double c, double alpha) =>
        values.Sum(v => (1 - alpha) / 2 * (v - c) * (v - c) + alpha * Math.Abs(v - c));

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void TheShiftMinimisesThePenaltyOverEveryCandidate(double alpha)
    {
        var random = new Random(8);
        for (int trial = 0; trial < 500; trial++)
        {
            int classes = 2 + trial % 9;
            // Ties, zeros and signs mixed: values from a small set half of the time.
            var values = Enumerable.Range(0, classes).Select(_ => random.NextDouble() < 0.5
                ? Math.Round(random.NextDouble() * 4 - 2) / 2
                : random.NextDouble() * 3 - 1.5).ToArray();
            double c = PenaltyShift.Of(values, alpha);
            // The penalty is convex and piecewise quadratic: its minimum is at a value, at a piece's stationary point, or 0.
            var candidates = values.Append(0.0).Concat(Enumerable.Range(0, classes + 1)
                .Select(below => alpha < 1 ? ((1 - alpha) * values.Sum() + alpha * (classes - 2 * below)) / ((1 - alpha) * classes) : 0));
            double best = candidates.Min(x => Penalty(values, x, alpha));
            Assert.True(Penalty(values, c, alpha) <= best + 1e-12, $"trial {trial}: c = {c}, penalty {Penalty(values, c, alpha)} > {best}");
        }
        Assert.Equal(0, PenaltyShift.Of(new double[6], alpha));
    }

    [Fact]
    public void MarginsMovedByACommonShiftAreTheShiftedCoefficientsMargins()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 120).Select(_ => Enumerable.Range(0, 8)
            .Select(_ => random.NextDouble() < 0.4 ? Math.Round(random.NextDouble() * 8) / 4 : 0).ToArray()).ToList();
        var labels = Enumerable.Range(0, 120).Select(i => i % 3).ToArray();
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, 8), labels.Select(y => y == 0 ? 1.0 : 0).ToArray()), standardize: true);
        var present = new[] { true, true, true };
        var beta = Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, 8).Select(j => (k - 1) * 0.3 + j * 0.05).ToArray()).ToArray();
        double[] intercepts = [0.2, -0.1, 0.4];
        var moved = new SoftmaxMargins(problem, labels, present);
        var fresh = new SoftmaxMargins(problem, labels, present);
        for (int k = 0; k < 3; k++)
        {
            moved.Set(k, beta[k], intercepts[k]);
        }
        var shift = Enumerable.Range(0, 8).Select(j => j % 3 == 0 ? 0 : 0.1 * j - 0.3).ToArray();
        var delta = new double[120];
        problem.LinearPart(shift, 0, delta);
        moved.SubtractFromAll(delta);
        for (int k = 0; k < 3; k++)
        {
            fresh.Set(k, beta[k].Select((b, j) => b - shift[j]).ToArray(), intercepts[k]);
            var expected = fresh.LinearPart(k);
            var actual = moved.LinearPart(k);
            for (int i = 0; i < 120; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-12);
            }
        }
    }

    [Fact]
    public void AClassOffsetIsMinusTheLogSumOfTheOtherClassesExponentials()
    {
        // One row per case: ordinary margins, other classes 720 below (their exponentials subnormal) and 800 below (zero:
        // the class is taken as certain, its offset +∞).
        double[][] cases = [[0.3, -1.2, 2.0], [720, 0, -3], [800, 0, 0], [-5, 40, 39.5]];
        int n = cases.Length;
        var problem = StandardizedProblem.Of(new TrainingSet(DenseMatrix.FromRows(Enumerable.Range(0, n).Select(i => new[] { (double)i }).ToArray()),
            [1, 0, 1, 0]), standardize: false);
        var margins = new SoftmaxMargins(problem, [0, 1, 2, 0], [true, true, true]);
        // The margins written straight into the classes' linear parts (the arrays LinearPart hands out).
        var eta = Enumerable.Range(0, 3).Select(k => margins.LinearPart(k)).ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                eta[k][i] = cases[i][k];
            }
        }
        margins.Refresh();
        var offsets = new double[n];
        for (int k = 0; k < 3; k++)
        {
            margins.OffsetsFor(k, offsets);
            for (int i = 0; i < n; i++)
            {
                // The scalar sum and log over the row's largest margin: +∞ where the others underflow to zero.
                double top = cases[i].Max();
                double expected = -(top + Math.Log(Enumerable.Range(0, 3).Where(l => l != k).Sum(l => Math.Exp(cases[i][l] - top))));
                Assert.True(expected == offsets[i] || Math.Abs(expected - offsets[i]) <= 1e-13, $"row {i}, class {k}: {offsets[i]:R}, expected {expected:R}");
            }
        }
    }
}
