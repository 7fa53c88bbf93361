using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial path's joint Newton steps: the same optimum as the rounds over the classes at every λ (odd and even K,
/// the lasso, the elastic net, ridge, dense and sparse rows), and — where there is no optimum — a one-line refusal.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MultinomialNewtonTests
{
    [Theory]
    [InlineData(3, 1.0, false)]
    [InlineData(4, 1.0, false)]
    [InlineData(4, 0.5, true)]
    [InlineData(5, 0.0, false)]
    [InlineData(6, 0.3, true)]
    public void TheJointStepsReachTheRoundsOptimumAtEveryLambda(int classes, double alpha, bool sparse)
    {
        var (rows, labels) = SoftmaxData.Random(300, 7, classes, seed: 20 + classes);
        var data = new MulticlassTrainingSet(sparse ? SparseMatrix.FromDenseRows(rows, 7) : DenseMatrix.FromRows(rows), labels, classes);
        var options = new ElasticNetPathOptions { L1Ratio = alpha, Tolerance = 1e-14, LambdaCount = 40 };
        // Both at the same explicit λs: from its own sequence the path's first point is the null model (glmnet's λ_max, which
        // for α = 0 is not ridge's), from a list it is solved.
        var lambdas = MultinomialElasticNetPath.Fit(data, options, jointNewton: false).Lambdas.ToArray();
        var rounds = MultinomialElasticNetPath.Fit(data, options with { Lambdas = lambdas }, jointNewton: false);
        var joint = MultinomialElasticNetPath.Fit(data, options with { Lambdas = lambdas }, jointNewton: true);
        var objective = new SoftmaxObjective(data, alpha);
        for (int m = 0; m < rounds.Lambdas.Count; m++)
        {
            double lambda = rounds.Lambdas[m];
            double viaRounds = objective.At(rounds.Intercepts[m], rounds.Coefficients[m], lambda);
            double viaNewton = objective.At(joint.Intercepts[m], joint.Coefficients[m], lambda);
            // The same optimum; the lasso's ties (even K) may leave the coefficients apart, never the objective.
            Assert.True(Math.Abs(viaNewton - viaRounds) <= 1e-11 * viaRounds, $"λ[{m}]: joint {viaNewton:R}, rounds {viaRounds:R}");
        }
    }

    [Fact]
    public void AFiniteOptimumOnSeparatedRowsIsReached()
    {
        // Separated classes at λ = 1e-9 still have an optimum (coefficients of a few log(1/λ)): the steps reach it, where
        // a test weighted by the vanishing curvature would stop early and one weighted by nothing would never stop.
        var random = new Random(9);
        var rows = Enumerable.Range(0, 30).Select(i => new[] { i % 3 * 5 + random.NextDouble(), random.NextDouble() }).ToArray();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 30).Select(i => i % 3).ToArray(), 3);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [0.1, 1e-9], Tolerance = 1e-16 }, jointNewton: true);
        var objective = new SoftmaxObjective(data, 1.0);
        double at = objective.At(path.Intercepts[1], path.Coefficients[1], 1e-9);
        // Any move of a coefficient (on the original scale) by ±1e-3 raises the objective: a minimum, not a point on the way.
        for (int k = 0; k < 3; k++)
        {
            for (int j = 0; j < 2; j++)
            {
                foreach (double step in new[] { -1e-3, 1e-3 })
                {
                    var moved = path.Coefficients[1].Select(c => (double[])c.Clone()).ToArray();
                    moved[k][j] += step;
                    Assert.True(objective.At(path.Intercepts[1], moved, 1e-9) >= at, $"class {k}, feature {j}, step {step}");
                }
            }
        }
    }

    [Fact]
    public void AClassSeparatedFromTheRestIsRefusedAtLambdaZeroAndSolvedAboveIt()
    {
        // 3 classes over 90 binary columns (273 variables: the rounds by shape). At λ = 0 one class is separated from the
        // others, so there is no minimum: the rounds had run 100,000 rounds (94 s) before refusing, and the joint steps that
        // took over stopped at an arbitrary point; the separation check proves it first. At λ = 1e-6 there is a minimum.
        var random = new Random(5);
        int n = 1000, d = 90, classes = 3;
        var truth = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, d).Select(_ => Normal(random)).ToArray()).ToArray();
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray()).ToArray();
        var labels = rows.Select(x => Enumerable.Range(0, classes)
            .Select(k => (Score: 0.7 * x.Select((v, j) => v * truth[k][j]).Sum() + Normal(random), Class: k)).Max().Class).ToArray();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, classes);
        var refusal = Assert.Throws<InvalidOperationException>(() => MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [0] }));
        Assert.Contains("is separated from the other classes", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
        var options = new ElasticNetPathOptions { Lambdas = [1e-6] };
        var path = MultinomialElasticNetPath.Fit(data, options);
        var joint = MultinomialElasticNetPath.Fit(data, options, jointNewton: true);
        var objective = new SoftmaxObjective(data, 1.0);
        double viaPath = objective.At(path.Intercepts[0], path.Coefficients[0], 1e-6), viaJoint = objective.At(joint.Intercepts[0], joint.Coefficients[0], 1e-6);
        Assert.True(Math.Abs(viaPath - viaJoint) <= 1e-8 * viaJoint, $"path {viaPath:R}, joint steps {viaJoint:R}");
    }

    [Fact]
    public void RoundsThatCannotFinishInTheirBudgetHandOverEarly()
    {
        // Moves shrinking 0.6 % a round from 1e-2 against a threshold of 2e-7 (DNA at λ = 0): thousands of rounds to go.
        var changes = new double[20];
        bool handed = false;
        int round = 0;
        for (double change = 1e-2; round < 250 && !handed; round++, change *= 0.994)
        {
            handed = MultinomialRounds.HopelessBy(changes, round, change, 2e-7, 250);
        }
        Assert.True(handed);
        Assert.Equal(21, round);
        // Halving a round: done in ~16 more, well within the budget.
        Array.Clear(changes);
        for (int r = 0; r < 40; r++)
        {
            Assert.False(MultinomialRounds.HopelessBy(changes, r, 1e-2 * Math.Pow(0.5, r), 2e-7, 250));
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void ATinyLassoLambdaFromAColdStartIsSolved(int classes)
    {
        // Overlapping classes (a finite optimum even at λ = 0) with coefficients in the tens at a tiny λ: the lasso's
        // model is flat along each feature's K coefficients moved together, and the first version's active-set method
        // gave up on such features, so 100 Newton steps ran out (MASS's crabs at λ = 2e-10, found by an outside tester).
        var random = new Random(classes);
        var labels = Enumerable.Range(0, 120).Select(i => i % classes).ToArray();
        var rows = labels.Select(y => new[] { 1.5 * y + 2 * random.NextDouble(), random.NextDouble() - 0.3 * y, random.NextDouble() }).ToArray();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, classes);
        double lambda = 1e-9;
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [lambda] }, jointNewton: true);
        var objective = new SoftmaxObjective(data, 1.0);
        double at = objective.At(path.Intercepts[0], path.Coefficients[0], lambda);
        var rounds = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [lambda], Tolerance = 1e-12 }, jointNewton: false);
        double viaRounds = objective.At(rounds.Intercepts[0], rounds.Coefficients[0], lambda);
        Assert.True(at <= viaRounds * (1 + 1e-6), $"joint {at:R}, rounds {viaRounds:R}");
        Assert.Contains(path.Coefficients[0].SelectMany(c => c), c => Math.Abs(c) > 1);
    }
}
