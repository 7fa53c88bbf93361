using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial path screens each class's coefficients on their own (<see cref="ClassScreen"/>): a class's solve
/// leaves out the columns whose gradient in that class is below the strong rule's bar, even when another class took them.
/// </summary>
public sealed class ClassScreenTests(ITestOutputHelper output)
{
    [Fact]
    public void EachClassKeepsItsOwnColumnsAndTheUnionHoldsThemAll()
    {
        var problem = StandardizedProblem.Of(new TrainingSet(DenseMatrix.FromRows(Rows(6, 4)), [0, 1, 0, 1, 0, 1]), standardize: true);
        var screen = new ClassScreen(problem, [true, true, false]);
        // Bar α(2λ − λ′) = 0.5 with λ = 0.75, λ′ = 1, α = 1.
        double[][] gradients = [[0.9, 0.1, 0.2, 0.5], [0.1, 0.6, 0.2, 0.1], [0, 0, 0, 0]];
        double[][] beta = [[0, 0, 0, 0], [0, 0, 0.3, 0], [0, 0, 0, 0]];
        screen.Start(gradients, 0.75, 1, 1, beta);
        Assert.Equal([0, 3], screen.ByClass[0]);
        Assert.Equal([1, 2], screen.ByClass[1]);
        Assert.Empty(screen.ByClass[2]);
        Assert.Equal([0, 1, 2, 3], screen.Union);

        // KKT at λ = 0.75: class 0's column 2 (0.8 > 0.75) comes in, class 1's column 3 (0.7) does not.
        Assert.True(screen.AddViolations([[0.1, 0.1, 0.8, 0.1], [0.1, 0.1, 0.1, 0.7], [0, 0, 0, 0]], 0.75, 1));
        Assert.Equal([0, 2, 3], screen.ByClass[0]);
        Assert.Equal([1, 2], screen.ByClass[1]);
        Assert.False(screen.AddViolations([[0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.7], [0, 0, 0, 0]], 0.75, 1));

        // A shift made class 1's column 0 non-zero: its solve takes it.
        beta[1][0] = -0.2;
        screen.KeepNonZero(beta);
        Assert.Equal([0, 1, 2], screen.ByClass[1]);

        // The ridge keeps every column in every class.
        screen.Start(gradients, 0.75, 1, 0, beta);
        Assert.Equal([0, 1, 2, 3], screen.ByClass[0]);
    }

    [Theory]
    [InlineData(1.0, 400, 4, 15, 300, 0.6, 0.03, 3)]
    [InlineData(0.5, 400, 4, 15, 300, 0.6, 0.03, 3)]
    [InlineData(0.2, 200, 3, 5, 50, 0.4, 0.1, 3)]
    [InlineData(0.8, 200, 3, 5, 50, 0.4, 0.1, 3)]
    public void ClassesWithTheirOwnWordsReachEveryOptimum(double alpha, int rows, int classes, int own, int noise, double inClass, double elsewhere, int seed)
    {
        // Each class has its own 15 indicator columns (present in 60 % of its rows, 3 % of the others), with 300 shared
        // noise columns: a class's columns stay out of the other classes' solves until the KKT check or a shift (α = 0.5:
        // a class's large coefficient moves the others' to −c) brings them in.
        var data = ClassWordsSet.Of(rows, classes, own, noise, inClass, elsewhere, seed);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha, LambdaCount = 30, Tolerance = 1e-16 }, jointNewton: false);
        double worst = WideSparseSet.LargestViolation(data, path, alpha);
        output.WriteLine($"{path.Lambdas.Count} λ; largest violation relative to λ: {worst:E2}; non-zero {string.Join(",", path.NonZero)}");
        Assert.True(worst < 1e-5, $"violation {worst:E2}·λ");
    }

    private static double[][] Rows(int n, int d) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, d).Select(j => (double)((i * 7 + j * 3) % 5)).ToArray()).ToArray();
}
