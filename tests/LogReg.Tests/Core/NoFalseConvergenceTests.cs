using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// "Converged" is never claimed for a minimum that does not exist (separated data without a penalty) nor on the
/// word of a curvature model that the objective's own curvature contradicts (one cell of 1e20).
/// </summary>
public class NoFalseConvergenceTests
{
    public static TheoryData<string, bool> SeparatedSets() => new() { { "endometrial", false }, { "breast_cancer_wdbc", true } };

    [Theory]
    [MemberData(nameof(SeparatedSets))]
    public void AnUnpenalisedFitOnSeparatedDataReportsNoFiniteMinimumAndWarnsWithTheFeatures(string set, bool complete)
    {
        var events = new List<LogEvent>();
        foreach (var optimizer in new[] { OptimizerKind.Newton, OptimizerKind.Lbfgs })
        {
            events.Clear();
            var fit = LogisticRegressionTrainer.Train(ReferenceData.Get(set).Dense(),
                new TrainerOptions { L2Regularization = 0, Optimizer = optimizer, Log = events.Add });
            var result = fit.Report.Optimization;
            Assert.False(result.Converged);
            Assert.Equal(TerminationReason.NoFiniteMinimum, result.Termination);
            Assert.Equal(Remedy.RaiseL2 | Remedy.UseFirth, result.Remedies);
            Assert.True(fit.Report.Separation!.Separated);
            Assert.Equal(complete, fit.Report.Separation.Complete);
            var warning = Assert.Single(events, e => e.Severity == LogSeverity.Warning);
            Assert.Contains(complete ? "completely separated by '" : "quasi-completely separated by 'NV'", warning.Message);
            Assert.Contains("No finite minimum", warning.Message);
        }
    }

    [Fact]
    public void AnUnpenalisedFitOnOverlappingClassesStillConverges()
    {
        var fit = LogisticRegressionTrainer.Train(ReferenceData.Spector.Dense(), new TrainerOptions { L2Regularization = 0 });
        Assert.True(fit.Report.Optimization.Converged, fit.Report.Optimization.Message);
        Assert.False(fit.Report.Separation?.Separated ?? false);
    }

    [Fact]
    public void AQuasiSeparatedRowWithATinyWeightIsFoundWithoutTheSymptom()
    {
        // An outsider's survey-like design: 20,000 rows, 12 weak features, weights 0.5–2, and one positive row with its own 0/1 flag and
        // weight 1e-4. The flag quasi-separates the data, yet the row barely moves the fit: L-BFGS meets its stopping test
        // with every |margin| below the symptom's 5.
        var rng = new Random(100);
        int n = 20000, p = 12;
        var rows = new double[n][];
        var labels = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, p).Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).Append(0).ToArray();
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-0.4 * rows[i][0] + 0.3 * rows[i][1])) ? 1 : 0;
            weights[i] = 0.5 + 1.5 * rng.NextDouble();
        }
        int flagged = Array.FindIndex(labels, y => y == 1);
        rows[flagged][p] = 1;
        weights[flagged] = 1e-4;
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels, weights);
        var fit = LogisticRegressionTrainer.Train(data, new TrainerOptions { L2Regularization = 0, Optimizer = OptimizerKind.Lbfgs });
        Assert.Equal(TerminationReason.NoFiniteMinimum, fit.Report.Optimization.Termination);
        Assert.True(fit.Report.Separation!.Separated);
        Assert.Equal(new[] { "x12" }, fit.Report.Separation.Direction.Keys.Where(k => k != "intercept"));
    }

    [Fact]
    public void APenaltyMakesTheMinimumFiniteSoNothingIsChecked()
    {
        var fit = LogisticRegressionTrainer.Train(ReferenceData.Endometrial.Dense(), new TrainerOptions { L2Regularization = 1 });
        Assert.True(fit.Report.Optimization.Converged);
        Assert.Null(fit.Report.Separation);
    }

    // 40 rows × 3 features; one cell of the second column is 1e20 (the repro, regenerated).
    private static TrainingSet HugeCell()
    {
        var rng = new Random(5);
        var rows = new double[40][];
        var labels = new double[40];
        for (int i = 0; i < 40; i++)
        {
            rows[i] = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
            double z = 1.5 * rows[i][0] - rows[i][1] + 0.5 * rows[i][2];
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        rows[3][1] = 1e20;
        return new TrainingSet(DenseMatrix.FromRows(rows), labels);
    }

    [Fact]
    public void OneCellOf1e20NeverGivesAFalseConvergedWithLbfgs()
    {
        var data = HugeCell();
        var newton = LogisticRegressionTrainer.Train(data, new TrainerOptions { Optimizer = OptimizerKind.Newton }).Report.Optimization;
        var lbfgs = LogisticRegressionTrainer.Train(data, new TrainerOptions { Optimizer = OptimizerKind.Lbfgs }).Report.Optimization;
        Assert.True(newton.Converged, newton.Message);
        // Either L-BFGS says it did not converge, or it is at Newton's optimum.
        Assert.True(!lbfgs.Converged || Math.Abs(lbfgs.Objective - newton.Objective) <= 1e-6 * newton.Objective,
            $"L-BFGS claims convergence at {lbfgs.Objective:R} ({lbfgs.Termination}); Newton's optimum is {newton.Objective:R}");
    }

    [Fact]
    public void TheDecrementBoundIsInvariantToScalingACoordinateAndTheObjective()
    {
        // gⱼ² ≤ (tol·S)²/u·Hⱼⱼ: rescaling coordinate 0 by c multiplies g₀ by c and H₀₀ by c².
        double[] g = { 3e-7, -2e-8 }, h = { 9.0, 0.04 };
        Assert.True(StoppingTests.DecrementBoundMet(g, h, 10, 1e-7));
        Assert.False(StoppingTests.DecrementBoundMet(new[] { 4e-6, -2e-8 }, h, 10, 1e-7));
        foreach (double c in new[] { 1e-10, 1e10 })
        {
            Assert.True(StoppingTests.DecrementBoundMet(new[] { c * g[0], g[1] }, new[] { c * c * h[0], h[1] }, 10, 1e-7));
            Assert.False(StoppingTests.DecrementBoundMet(new[] { c * 4e-6, g[1] }, new[] { c * c * h[0], h[1] }, 10, 1e-7));
            // The whole objective times c (weights and L2): g, F, H and u all scale by c.
            Assert.True(StoppingTests.DecrementBoundMet(g.Select(v => c * v).ToArray(), h.Select(v => c * v).ToArray(), c * 10, 1e-7, c));
        }
    }

    [Fact]
    public void EveryConvergedLbfgsFitPassesTheBoundWithTheTrueCurvature()
    {
        var data = ReferenceData.BreastCancer.Dense();
        var objective = ObjectiveFactory.Create(data, LogReg.Core.Losses.LossKind.BinaryCrossEntropy, 1);
        var result = new LbfgsOptimizer().Minimize(objective, new double[objective.Dimension], new OptimizerSettings());
        Assert.True(result.Converged, result.Message);
        var gradient = new double[objective.Dimension];
        objective.SmoothValueAndGradient(result.Minimizer, gradient);
        Assert.True(StoppingTests.DecrementBoundMet(gradient, objective.CurvatureDiagonalAt(result.Minimizer)!, result.Objective, 1e-7, objective.ValueScale));
    }
}
