using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial path's exponential cache keeps each row's total, top class and the top's others as the classes move
/// in turn: after any sequence of class updates, every class's offset is the scalar log-sum over the margins as they are
/// — when a class overtakes the row's top, when a class holds nearly all of a row (where total − own would cancel), when
/// a margin jumps far past the row's shift.
/// </summary>
public sealed class SoftmaxExponentialsTests
{
    private const int Classes = 4;

    [Fact]
    public void OffsetsAfterClassUpdatesAreTheScalarLogSumsOfTheMarginsAsTheyAre()
    {
        var random = new Random(3);
        int n = 60;
        var problem = StandardizedProblem.Of(new TrainingSet(DenseMatrix.FromRows(Enumerable.Range(0, n).Select(i => new[] { (double)i }).ToArray()),
            Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray()), standardize: false);
        var margins = new SoftmaxMargins(problem, Enumerable.Range(0, n).Select(i => i % Classes).ToArray(), [true, true, true, true]);
        var eta = Enumerable.Range(0, Classes).Select(k => margins.LinearPart(k)).ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < Classes; k++)
            {
                eta[k][i] = random.NextDouble() * 6 - 3;
            }
        }
        // Row 0: class 2 nearly certain (the others 30 below: p = 1 − 3e-13); row 1: class 1 will overtake class 0.
        (eta[0][0], eta[1][0], eta[2][0], eta[3][0]) = (-30, -30.5, 0, -31);
        (eta[0][1], eta[1][1], eta[2][1], eta[3][1]) = (2, 0, -1, -1);
        margins.Refresh();
        AssertOffsets(margins, eta, n);
        // Class updates in turn, as the rounds make them: small moves, class 1 overtaking row 1's top by 3, class 3 jumping
        // 600 above row 2's shift, class 2 holding row 0 more surely still.
        for (int update = 0; update < 12; update++)
        {
            int k = update % Classes;
            for (int i = 0; i < n; i++)
            {
                eta[k][i] += 0.3 * (random.NextDouble() - 0.5);
            }
            if (update == 1)
            {
                eta[1][1] = 5;
            }
            if (update == 3)
            {
                eta[3][2] = 600;
            }
            if (update == 6)
            {
                eta[2][0] = 2;
            }
            margins.Update(k);
            AssertOffsets(margins, eta, n);
        }
    }

    private static void AssertOffsets(SoftmaxMargins margins, double[][] eta, int n)
    {
        var offsets = new double[n];
        for (int k = 0; k < Classes; k++)
        {
            margins.OffsetsFor(k, offsets);
            for (int i = 0; i < n; i++)
            {
                double top = Enumerable.Range(0, Classes).Max(l => eta[l][i]);
                double others = Enumerable.Range(0, Classes).Where(l => l != k).Sum(l => Math.Exp(eta[l][i] - top));
                double expected = -(top + Math.Log(others));
                Assert.True(Math.Abs(expected - offsets[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"row {i}, class {k}: {offsets[i]:R}, expected {expected:R}");
            }
        }
    }
}
