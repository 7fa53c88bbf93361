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
            "cannot predict that class: spread each class over at least two folds.", error.Message);
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
        Assert.StartsWith("Cross-validation fold 1 of 3 holds all 48 rows of class 'setosa'", error.Message);
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
        Assert.Matches(@"^Cross-validation fold \d of 5 holds the only row of the positive class \(label 1\), so its training rows hold one class only: " +
            @"a class needs at least two rows to be cross-validated \(drop or merge it\)\.$", error.Message);
        Assert.Equal(0, reports);
    }

    private sealed class SynchronousProgress(Action report) : IProgress<int>
    {
        public void Report(int value) => report();
    }
}
