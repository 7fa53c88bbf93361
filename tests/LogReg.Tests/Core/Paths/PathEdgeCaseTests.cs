using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Inputs an outside tester broke the paths with: a constant column (its computed variance is rounding, not zero), a λ
/// at which the rows are separated (the curvature vanishes), a fold whose rows are separated where the full data are not.
/// </summary>
public class PathEdgeCaseTests
{
    [Theory]
    [InlineData(10, 7.0)]
    [InlineData(100, 0.1)]
    [InlineData(846, 1.0)]
    [InlineData(846, 3.0)]
    public void AConstantColumnNeverVariesAndNeverEnters(int n, double constant)
    {
        var random = new Random(1);
        var rows = Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble(), constant }).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        var binary = new TrainingSet(DenseMatrix.FromRows(rows), labels.Select(v => v == 0 ? 1.0 : 0).ToArray());
        Assert.False(StandardizedProblem.Of(binary, standardize: true).Varies(1));
        Assert.False(SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, 2), binary.Labels), standardize: true).Varies(1));
        var multinomial = MultinomialElasticNetPath.Fit(new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 3), new ElasticNetPathOptions { LambdaCount = 20 });
        Assert.All(multinomial.Coefficients, w => Assert.All(w, c => Assert.Equal(0, c[1])));
        Assert.All(ElasticNetPath.Fit(binary, new ElasticNetPathOptions { LambdaCount = 20 }).Coefficients, c => Assert.Equal(0, c[1]));
    }

    [Fact]
    public void EveryColumnConstantGivesTheNullModelAtEveryLambda()
    {
        var rows = Enumerable.Range(0, 30).Select(_ => new double[] { 1, 2, 3 }).ToArray();
        var path = MultinomialElasticNetPath.Fit(new MulticlassTrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 30).Select(i => i % 3).ToArray(), 3));
        Assert.All(path.Coefficients, w => Assert.All(w, c => Assert.All(c, v => Assert.Equal(0, v))));
        var binary = ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 30).Select(i => (double)(i % 2)).ToArray()));
        Assert.All(binary.Coefficients, c => Assert.All(c, v => Assert.Equal(0, v)));
    }

    [Fact]
    public void BalancedClassesGiveTheNullModelAnInterceptOfExactlyZero()
    {
        // 42 rows of each class: the normalised weights' share summed to 0.5000000000000003 and the intercept to 1.3e-15,
        // so a fold's null model scored its held-out rows as class 1 where glmnet's exact 0 (p = ½) scores class 0.
        var rows = Enumerable.Range(0, 84).Select(i => new[] { (i * 37 % 11) - 5.0 }).ToList();
        var labels = Enumerable.Range(0, 84).Select(i => (double)(i % 2)).ToArray();
        var path = ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(rows), labels), new ElasticNetPathOptions { LambdaCount = 3 });
        Assert.Equal(0.0, path.Intercepts[0]);
    }

    [Fact]
    public void AClassWhoseWeightRoundsAwayIsNamedAsSuchNotAsWeightless()
    {
        // One positive row at 3e38 among rows at 1: both classes have weight, but the negative share rounds to 0.
        var rows = Enumerable.Range(0, 20).Select(i => new[] { i % 5 - 2.0 }).ToList();
        var labels = Enumerable.Range(0, 20).Select(i => (double)(i % 2)).ToArray();
        var weights = Enumerable.Range(0, 20).Select(i => i == 1 ? 3e38 : 1).ToArray();
        var rounded = Assert.Throws<ArgumentException>(() => ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(rows), labels, weights)));
        Assert.StartsWith("A path needs weight on both classes: the negative class's total weight (10) is below double precision's resolution " +
            "against the other's (3E+38); bring the weights to a common scale.", rounded.Message);
    }

    [Fact]
    public void SeparatedRowsAtLambdaZeroAreRefusedInOneLineNamingIt()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 30).Select(i => new[] { i % 3 * 5 + random.NextDouble(), random.NextDouble() }).ToArray();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 30).Select(i => i % 3).ToArray(), 3);
        // At λ = 0 there is no optimum: the coefficients grow without end. (At λ = 1e-12 there is one — coefficients near
        // 12, intercepts near 77 — which the joint Newton steps reach.)
        var error = Assert.Throws<InvalidOperationException>(() => MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Lambdas = [0.1, 0] }));
        Assert.StartsWith("At λ = 0 ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void SeparatedBinaryRowsAtLambdaZeroAreRefusedAndOverlappingOnesSolved()
    {
        // An outside tester's separated rows came back at λ = 0 as coefficients of 489, 83, −40, −11 marked converged.
        var random = new Random(5);
        var rows = Enumerable.Range(0, 40).Select(i => new[] { (i % 2) * 3 + random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 40).Select(i => (double)(i % 2)).ToArray();
        var separated = new TrainingSet(DenseMatrix.FromRows(rows), labels);
        var error = Assert.Throws<InvalidOperationException>(() => ElasticNetPath.Fit(separated, new ElasticNetPathOptions { Lambdas = [0.1, 0] }));
        Assert.StartsWith("At λ = 0 the likelihood has no maximum: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        labels[0] = 1;
        labels[1] = 0;
        var path = ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(rows), labels), new ElasticNetPathOptions { Lambdas = [0.1, 0] });
        Assert.Equal(2, path.Lambdas.Count);
        Assert.All(path.Coefficients[1], c => Assert.True(double.IsFinite(c)));
    }

    [Fact]
    public void AFoldThatFailsIsNamedInOneLine()
    {
        // Two classes overlap through rows 0 and 1 only; fold 1 holds both, so its training rows are separated.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 40).Select(i => new[] { (i % 2) * 4 + random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 40).Select(i => i % 2).ToArray();
        (labels[0], labels[1]) = (1, 0);
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 2);
        var folds = Enumerable.Range(0, 40).Select(i => i < 2 ? 0 : 1 + i % 3).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions
        {
            FoldIds = folds,
            Path = new ElasticNetPathOptions { Lambdas = [0.1, 1e-3, 0] },
        }));
        Assert.StartsWith("Cross-validation fold 1 of 4 (its path on the other folds' rows): At λ = 0 ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(FoldAlignment.SameLambdas)]
    [InlineData(FoldAlignment.Interpolated)]
    public void ABinaryFoldSeparatedAtLambdaZeroIsNamedInOneLine(FoldAlignment alignment)
    {
        // As AFoldThatFailsIsNamedInOneLine, binary: an outside tester's fold following the full path's λ (SameLambdas) was
        // scored at λ = 0 on separated training rows, where Interpolated refused it.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 40).Select(i => new[] { (i % 2) * 4 + random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 40).Select(i => (double)(i % 2)).ToArray();
        (labels[0], labels[1]) = (1, 0);
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels);
        var folds = Enumerable.Range(0, 40).Select(i => i < 2 ? 0 : 1 + i % 3).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions
        {
            FoldIds = folds,
            Alignment = alignment,
            Path = new ElasticNetPathOptions { Lambdas = [0.1, 1e-3, 0] },
        }));
        Assert.StartsWith("Cross-validation fold 1 of 4 (its path on the other folds' rows): At λ = 0 the likelihood has no maximum", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void AGivenLambdaAtLambdaMaxButForRoundingIsTheNullModel(double alpha)
    {
        // A fold following the full path is asked the full λ_max, which can be its own but for rounding: an outside tester's
        // folds let a coefficient of 2.4e-15 in there, which made every fold's AUC 1 and chose the null model.
        var data = ReferenceData.Spector.Dense();
        var lambdaMax = ElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha }).Lambdas[0];
        var path = ElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha, Lambdas = [lambdaMax * (1 - 1e-13), lambdaMax / 2] });
        Assert.Equal(0, path.NonZero[0]);
        Assert.All(path.Coefficients[0], c => Assert.Equal(0, c));
        Assert.True(path.NonZero[1] > 0);
        var below = ElasticNetPath.Fit(data, new ElasticNetPathOptions { L1Ratio = alpha, Lambdas = [lambdaMax * (1 - 1e-9)] });
        Assert.Equal(1, below.NonZero[0]);
    }

    [Theory]
    [InlineData(30, 1e-4)]
    [InlineData(29, 1e-2)]
    [InlineData(31, 1e-4)]
    public void TheSmallestLambdaFollowsGlmnetAtEveryShape(int rows, double ratio)
    {
        // glmnet's lambda.min.ratio is ifelse(nobs < nvars, 1e-2, 1e-4): at rows = features, 1e-4 (an outside tester
        // found 1e-2 here, which gave weighted rows and their repeated copies different sequences).
        var random = new Random(rows);
        var data = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, 30).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var labels = Enumerable.Range(0, rows).Select(i => (double)(i % 2)).ToArray();
        var options = new ElasticNetPathOptions { L1Ratio = 0, LambdaCount = 2 };
        Assert.Equal(ratio, options.LambdaMinRatioFor(rows, 30));
        var binary = ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(data), labels), options);
        Assert.Equal(ratio, binary.Lambdas[1] / binary.Lambdas[0], 1e-12);
        var multinomial = MultinomialElasticNetPath.Fit(new MulticlassTrainingSet(DenseMatrix.FromRows(data), labels.Select(y => (int)y).ToArray(), 2), options);
        Assert.Equal(ratio, multinomial.Lambdas[1] / multinomial.Lambdas[0], 1e-12);
    }
}
