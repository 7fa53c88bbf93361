using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

public class PathPredictorTests
{
    // Coefficients a + c·log λ: what the predictor assumes, so it lands on them exactly.
    private static double Linear(double a, double c, double lambda) => a + c * Math.Log(lambda);

    private static (double[][] Beta, double[] Intercepts) At(double lambda) =>
        ([[Linear(2, 0.5, lambda), 0, Linear(-2, -0.25, lambda)], [Linear(0.3, 0.1, lambda), Linear(-1, 0.2, lambda), 0]],
         [Linear(0.5, -0.05, lambda), Linear(-0.5, 0.05, lambda)]);

    [Theory]
    [InlineData(1.0, 0.5, 0.25)] // a log-spaced sequence: one step on
    [InlineData(1.0, 0.5, 0.125)] // a longer step: two of the last
    public void CoefficientsLinearInLogLambdaArePredictedExactly(double first, double second, double next)
    {
        var predictor = new PathPredictor();
        foreach (double lambda in new[] { first, second })
        {
            var (b, i) = At(lambda);
            predictor.Solved(lambda, b, i, [0, 1, 2]);
        }
        var (beta, intercepts) = At(second);
        Assert.True(predictor.TryPredict(next, beta, intercepts));
        var (expected, expectedIntercepts) = At(next);
        for (int k = 0; k < 2; k++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(expected[k][j], beta[k][j], 12);
            }
            Assert.Equal(expectedIntercepts[k], intercepts[k], 12);
        }
    }

    [Fact]
    public void AStepLongerThanTwiceTheLastReachesOnlyTwice()
    {
        var predictor = new PathPredictor();
        predictor.Solved(1, [[1.0]], [0], [0]);
        predictor.Solved(0.5, [[2.0]], [1], [0]);
        double[][] beta = [[2.0]];
        double[] intercepts = [1];
        Assert.True(predictor.TryPredict(0.001, beta, intercepts));
        Assert.Equal(4, beta[0][0], 12);
        Assert.Equal(3, intercepts[0], 12);
    }

    [Fact]
    public void ACoefficientThatWouldChangeSignIsZeroAndZerosStayZero()
    {
        var predictor = new PathPredictor();
        // Column 0 falls towards zero fast enough to cross it; column 1 left the model; column 2 entered at the last λ
        // (its earlier value zero, also absent from the earlier columns); column 3 is zero throughout.
        predictor.Solved(1, [[1.0, 0.4, 0, 0]], [0], [0, 1]);
        predictor.Solved(0.5, [[0.3, 0, 0.2, 0]], [0], [0, 1, 2]);
        double[][] beta = [[0.3, 0, 0.2, 0]];
        Assert.True(predictor.TryPredict(0.25, beta, [0.0]));
        Assert.Equal([0, 0, 0.4, 0], beta[0]);
    }

    [Fact]
    public void AClassWithoutWeightIsLeftAlone()
    {
        var predictor = new PathPredictor();
        predictor.Solved(1, [[1.0], [0.0]], [0, double.NegativeInfinity], [0]);
        predictor.Solved(0.5, [[2.0], [0.0]], [1, double.NegativeInfinity], [0]);
        double[][] beta = [[2.0], [0.0]];
        double[] intercepts = [1, double.NegativeInfinity];
        Assert.True(predictor.TryPredict(0.25, beta, intercepts));
        Assert.Equal([2.0, double.NegativeInfinity], intercepts);
        Assert.Equal(3, beta[0][0], 12);
        Assert.Equal(0, beta[1][0]);
    }

    [Fact]
    public void NothingMovesBeforeTwoSolutionsOrWhereTheLambdasDoNotDecrease()
    {
        var predictor = new PathPredictor();
        double[][] beta = [[2.0]];
        double[] intercepts = [1];
        Assert.False(predictor.TryPredict(0.5, beta, intercepts));
        predictor.Solved(1, [[1.0]], [0], [0]);
        Assert.False(predictor.TryPredict(0.5, beta, intercepts));
        predictor.Solved(0.5, [[2.0]], [1], [0]);
        Assert.False(predictor.TryPredict(0.5, beta, intercepts)); // the same λ again
        Assert.False(predictor.TryPredict(0.7, beta, intercepts)); // a larger one
        Assert.False(predictor.TryPredict(0, beta, intercepts)); // λ = 0: no finite step in log λ
        Assert.Equal(2, beta[0][0]);
        Assert.Equal(1, intercepts[0]);
    }

    [Fact]
    public void UndoPutsTheLastSolutionBack()
    {
        var predictor = new PathPredictor();
        predictor.Solved(1, [[1.0, 0.5]], [0], [0, 1]);
        predictor.Solved(0.5, [[2.0, 0.1]], [1], [0, 1]);
        double[][] beta = [[2.0, 0.1]];
        double[] intercepts = [1];
        Assert.True(predictor.TryPredict(0.25, beta, intercepts));
        Assert.NotEqual(2.0, beta[0][0]);
        predictor.Undo(beta, intercepts);
        Assert.Equal([2.0, 0.1], beta[0]);
        Assert.Equal([1.0], intercepts);
    }

    [Fact]
    public void ALambdaSolvedAgainReplacesItsFirstSolution()
    {
        // The multinomial path solves the λ near its early stop again more closely, the one before them too: the
        // prediction then extrapolates from the closer solutions, not from the first ones nor from a λ recorded twice.
        var predictor = new PathPredictor();
        predictor.Solved(1, [[9.0]], [9], [0]);
        predictor.Solved(0.5, [[9.0]], [9], [0]);
        var (first, firstIntercepts) = At(1);
        predictor.Solved(1, first, firstIntercepts, [0, 1, 2]);
        var (second, secondIntercepts) = At(0.5);
        predictor.Solved(0.5, second, secondIntercepts, [0, 1, 2]);
        Assert.True(predictor.TryPredict(0.25, second, secondIntercepts));
        var (expected, expectedIntercepts) = At(0.25);
        for (int k = 0; k < 2; k++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(expected[k][j], second[k][j], 12);
            }
            Assert.Equal(expectedIntercepts[k], secondIntercepts[k], 12);
        }
    }
}
