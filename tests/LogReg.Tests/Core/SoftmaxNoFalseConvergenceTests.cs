using LogReg.Core.Data;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.Tests.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// The softmax model without a penalty: "converged" is not claimed where the likelihood has no maximum — a class
/// separated from the others, or classes separated only jointly — and is where it has one; the verdict is the
/// separation check's proof (MultinomialSeparationCheck), not a symptom. Before, both separated cases reported
/// "Converged … (GradientTolerance)".
/// </summary>
public sealed class SoftmaxNoFalseConvergenceTests
{
    // Three tight clusters at 120° on a circle of radius 3: every class is separated from the other two.
    private static MulticlassTrainingSet Clusters()
    {
        var random = new Random(1);
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int i = 0; i < 300; i++)
        {
            int k = i % 3;
            double angle = 2 * Math.PI * k / 3;
            rows.Add([3 * Math.Cos(angle) + 0.3 * (2 * random.NextDouble() - 1), 3 * Math.Sin(angle) + 0.3 * (2 * random.NextDouble() - 1)]);
            labels.Add(k);
        }
        return new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels.ToArray(), 3, classNames: ["north", "west", "south"]);
    }

    [Theory]
    [InlineData(OptimizerKind.Newton)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void AClassSeparatedFromTheOthersIsNoFiniteMinimumNamingTheClass(OptimizerKind optimizer)
    {
        var events = new List<LogEvent>();
        var fit = SoftmaxRegressionTrainer.Train(Clusters(), new TrainerOptions { L2Regularization = 0, Optimizer = optimizer, Log = events.Add });
        var result = fit.Report.Optimization;
        Assert.False(result.Converged);
        Assert.Equal(TerminationReason.NoFiniteMinimum, result.Termination);
        // Firth's likelihood exists for the binary model only.
        Assert.Equal(Remedy.RaiseL2, result.Remedies);
        Assert.True(fit.Report.Separation!.Separated);
        Assert.Contains("Class 'north' is separated from the other classes", result.Message);
        Assert.Contains(events, e => e.Severity == LogSeverity.Warning && e.Message.Contains("No finite minimum"));
    }

    [Fact]
    public void ClassesSeparatedOnlyJointlyAreNoFiniteMinimum()
    {
        var fit = SoftmaxRegressionTrainer.Train(SeparatedClassCheckTests.Star(atOrigin: true, broken: false), new TrainerOptions { L2Regularization = 0 });
        Assert.Equal(TerminationReason.NoFiniteMinimum, fit.Report.Optimization.Termination);
        Assert.Contains("separated jointly", fit.Report.Optimization.Message);
    }

    [Fact]
    public void ClassesSeparatedJointlyFarFromTheOriginAreProvedToo()
    {
        // An outside tester's sectors moved to 1e6: the stacked check's rows were ±1e6 ± 1 in single precision and sat on
        // the check's numerical threshold ("not checked"); each block's own intercept absorbs the shift, so the rows are
        // centred first.
        var star = SeparatedClassCheckTests.Star(atOrigin: true, broken: false);
        var rows = Enumerable.Range(0, star.RowCount).Select(i =>
        {
            var row = new double[2];
            star.Features.CopyRow(i, row);
            return new[] { row[0] + 1e6, row[1] + 1e6 };
        }).ToList();
        var shifted = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), star.Labels.ToArray(), 3);
        var fit = SoftmaxRegressionTrainer.Train(shifted, new TrainerOptions { L2Regularization = 0 });
        Assert.True(fit.Report.Separation!.Checked, fit.Report.Separation.Reason);
        Assert.Contains("separated jointly", fit.Report.Separation.Describe());
    }

    [Fact]
    public void OverlappingClassesConvergeWithTheProofThatTheMinimumExists()
    {
        // One row across a sector boundary leaves a finite maximum (the path reaches it too: SeparatedClassCheckTests).
        var fit = SoftmaxRegressionTrainer.Train(SeparatedClassCheckTests.Star(atOrigin: true, broken: true), new TrainerOptions { L2Regularization = 0 });
        Assert.True(fit.Report.Optimization.Converged, fit.Report.Optimization.Message);
        Assert.True(fit.Report.Separation!.Checked);
        Assert.False(fit.Report.Separation.Separated);
    }

    [Fact]
    public void AClassWithoutWeightIsNoFiniteMinimum()
    {
        // An outside tester's set with one class's rows all at weight 0 came back converged, its standard errors 1.5e4–2.6e4:
        // lowering that class's intercept raises every row's likelihood, so there is no maximum.
        var data = SeparatedClassCheckTests.Star(atOrigin: true, broken: true);
        var weights = data.Labels.Select(y => y == 2 ? 0.0 : 1.0).ToArray();
        var weighted = new MulticlassTrainingSet(data.Features, data.Labels.ToArray(), 3, weights, classNames: ["a", "b", "c"]);
        var fit = SoftmaxRegressionTrainer.Train(weighted, new TrainerOptions { L2Regularization = 0 });
        Assert.Equal(TerminationReason.NoFiniteMinimum, fit.Report.Optimization.Termination);
        Assert.Contains("Class 'c' has no rows with weight", fit.Report.Optimization.Message);
        var statistics = LogReg.Core.Statistics.MultinomialStatisticsCalculator.Fit(weighted);
        Assert.False(statistics.MaximumLikelihoodEstimateExists);
    }

    [Fact]
    public void APenalisedFitRunsNoCheck()
    {
        var fit = SoftmaxRegressionTrainer.Train(Clusters(), new TrainerOptions { L2Regularization = 1 });
        Assert.True(fit.Report.Optimization.Converged);
        Assert.Null(fit.Report.Separation);
    }
}
