using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

public class RoundExtrapolationTests
{
    [Fact]
    public void AGeometricSequenceOfRoundsIsCompletedInOneJump()
    {
        // Rounds that halve their move each time toward β* = (2, −1), intercept 3: after two rounds the jump lands on β*.
        var beta = new[] { new double[] { 0, 0, 0 } };
        var intercepts = new double[] { 0 };
        var extrapolation = new RoundExtrapolation(beta, intercepts, [true], [0, 1], new SoftmaxWork(1, 1));
        var target = new[] { 2.0, -1.0, 3.0 };
        double jump = 0;
        for (int round = 0; round < 2; round++)
        {
            extrapolation.BeginRound();
            beta[0][0] += (target[0] - beta[0][0]) / 2;
            beta[0][1] += (target[1] - beta[0][1]) / 2;
            intercepts[0] += (target[2] - intercepts[0]) / 2;
            jump = extrapolation.JumpAfterRound();
        }
        Assert.Equal(1, jump, 12);
        extrapolation.Apply(jump);
        Assert.Equal(2, beta[0][0], 12);
        Assert.Equal(-1, beta[0][1], 12);
        Assert.Equal(3, intercepts[0], 12);
        Assert.Equal(0, beta[0][2]);
    }

    [Fact]
    public void TheJumpStopsAtZeroAndUndoRestoresEveryValue()
    {
        var beta = new[] { new double[] { 1, 0.2 }, new double[] { 0, 0 } };
        var intercepts = new[] { 0.5, double.NegativeInfinity };
        var extrapolation = new RoundExtrapolation(beta, intercepts, [true, false], [0, 1], new SoftmaxWork(2, 1));
        extrapolation.BeginRound();
        (beta[0][0], beta[0][1]) = (1.5, 0.1);
        Assert.Equal(0, extrapolation.JumpAfterRound());
        extrapolation.BeginRound();
        (beta[0][0], beta[0][1]) = (1.75, 0.05);
        double jump = extrapolation.JumpAfterRound();
        Assert.Equal(1, jump, 12);
        extrapolation.Apply(jump * 4);
        Assert.Equal(2.75, beta[0][0], 12);
        Assert.Equal(0, beta[0][1]);
        Assert.Equal(double.NegativeInfinity, intercepts[1]);
        extrapolation.Undo();
        Assert.Equal([1.75, 0.05], beta[0]);
        Assert.Equal([0.5, double.NegativeInfinity], intercepts);
    }

    [Fact]
    public void MovesThatTurnAreNotExtrapolated()
    {
        var beta = new[] { new double[] { 0, 0 } };
        var extrapolation = new RoundExtrapolation(beta, [0], [true], [0, 1], new SoftmaxWork(1, 1));
        extrapolation.BeginRound();
        beta[0][0] = 1;
        extrapolation.JumpAfterRound();
        extrapolation.BeginRound();
        beta[0][1] = 0.5;
        Assert.Equal(0, extrapolation.JumpAfterRound());
    }
}
