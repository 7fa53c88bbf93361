using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Folds whose training rows cannot see a class are refused up front, in one line naming the fold and the class: an outside
/// tester's fold column holding all of iris' setosa out had given a curve whose standard errors made lambda.1se the null model.
/// </summary>
public sealed class FoldClassCoverageTests
{
    private static readonly ElasticNetPathOptions Short = new() { LambdaCount = 10 };

    [Fact]
    public void AFoldColumnHoldingAWholeClassOutIsRefused()
    {
        var data = SoftmaxData.IrisSet();
        // setosa (rows 0–49) all in fold 0; the other classes dealt over folds 0–2.
        var folds = Enumerable.Range(0, 150).Select(i => i < 50 ? 0 : i % 3).ToArray();
        var error = Assert.Throws<ArgumentException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldIds = folds, Path = Short }));
        Assert.Equal("Cross-validation fold 1 of 3 holds all 50 rows of class 'setosa', so its training rows have none and its model " +
            "cannot predict that class: spread each class over two or more folds (a fold or sampling-key column that keeps a class together cannot).",
            error.Message);
    }

    [Fact]
    public void RowsWithoutWeightDoNotCountAsTrainingRowsOfTheirClass()
    {
        // Two setosa rows outside fold 0, both with weight 0: the fold's training rows still have no setosa to learn from.
        var weights = Enumerable.Repeat(1.0, 150).ToArray();
        (weights[48], weights[49]) = (0, 0);
        var data = SoftmaxData.IrisSet(weights);
        var folds = Enumerable.Range(0, 150).Select(i => i < 48 ? 0 : i % 3 == 0 ? 1 : i % 3).ToArray();
        var error = Assert.Throws<ArgumentException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldIds = folds, Path = Short }));
        Assert.StartsWith("Cross-validation fold 1 of 3 holds all 48 rows with weight of class 'setosa' (2 more at weight 0), so", error.Message);
        // With the weights restored, the same folds are accepted.
        ElasticNetCrossValidation.Fit(SoftmaxData.IrisSet(), new CrossValidationOptions { FoldIds = folds, Path = Short });
    }

    [Fact]
    public void ABinaryClassWithOneRowIsRefusedBeforeAnyPath()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 60).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 60).Select(i => i == 7 ? 1.0 : 0.0).ToArray();
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels);
        int reports = 0;
        var error = Assert.Throws<ArgumentException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldCount = 5, Path = Short },
            new SynchronousProgress(() => reports++)));
        Assert.Matches(@"^Cross-validation fold \d of 5 holds the only row of the positive class \(label 1\), so its training rows have none and its " +
            @"model cannot predict that class: a class needs two or more rows with weight to be cross-validated — drop or merge it \(glmnet refuses such a class too\)\.$",
            error.Message);
        Assert.Equal(0, reports);
    }

    [Fact]
    public void StratifiedFoldsSpreadAClassesWeightedRowsWhateverItsRowsOfWeightZero()
    {
        // An outside tester's case: a class of 9 rows, 7 at weight 0 — dealt with them, its 2 weighted rows shared a fold
        // for 2 of 20 seeds, which the coverage check then refused although the caller chose no folds.
        var classes = Enumerable.Range(0, 60).Select(i => i < 9 ? 2 : i % 2).ToArray();
        var weights = Enumerable.Range(0, 60).Select(i => i is >= 2 and < 9 ? 0.0 : 1.0).ToArray();
        for (int seed = 0; seed < 200; seed++)
        {
            var folds = FoldAssignment.Stratified(classes, 5, seed, weights);
            Assert.NotEqual(folds[0], folds[1]);
            // Without rows of weight 0 the weights change nothing.
            Assert.Equal(FoldAssignment.Stratified(classes, 5, seed), FoldAssignment.Stratified(classes, 5, seed, Enumerable.Repeat(2.0, 60).ToArray()));
        }
        var rows = Enumerable.Range(0, 60).Select(i => new[] { (double)(i % 7), (double)(i % 5) }).ToArray();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), classes, 3, weights);
        for (int seed = 0; seed < 20; seed++)
        {
            ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldCount = 5, Seed = seed, Path = Short });
        }
    }

    private sealed class SynchronousProgress(Action report) : IProgress<int>
    {
        public void Report(int value) => report();
    }
}
