using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The one optimizer loop: what it counts, how it names optimizers, how it words remedies.</summary>
public class OptimizerLoopTests
{
    [Fact]
    public void NewtonOnAQuadraticCountsOneHessianAndTwoGradientPasses()
    {
        // One exact Newton step lands on the minimum; the loop then stops on the gradient test.
        var f = new QuadraticProblem(new[] { 1.0, 4.0 }, new[] { 2.0, -1.0 });
        var r = new NewtonOptimizer().Minimize(f, new double[2], new OptimizerSettings());
        Assert.Equal(TerminationReason.GradientTolerance, r.Termination);
        Assert.Equal(1, r.Iterations);
        Assert.Equal(new EvaluationCounts(Values: 0, Gradients: 2, HessianBuilds: 1, HessianVectorProducts: 0, PreconditionerPasses: 0), r.Evaluations);
    }

    [Fact]
    public void FixedRateGradientDescentCountsOneGradientPassPerIterationPlusTheStart()
    {
        var f = new QuadraticProblem(new[] { 1.0, 2.0 }, new[] { 1.0, 1.0 });
        var r = new GradientDescentOptimizer().Minimize(f, new double[2], new OptimizerSettings { LearningRate = 0.4, MaximumNumberOfIterations = 7 });
        Assert.Equal(7, r.Iterations);
        Assert.Equal(new EvaluationCounts(0, 8, 0, 0, 0), r.Evaluations);
        Assert.Equal(r.Iterations, r.Trace.Count);
    }

    [Fact]
    public void NewtonCgCountsHessianVectorProductsAndLbfgsCountsPreconditionerPasses()
    {
        var objective = ObjectiveFactory.Create(ReferenceData.Spector.Dense(), LossKind.BinaryCrossEntropy, l2: 1);
        var cg = new NewtonOptimizer().Minimize(objective, new double[4], new OptimizerSettings { DenseNewtonLimit = 1 });
        Assert.True(cg.Converged, cg.Message);
        Assert.InRange(cg.Evaluations.HessianBuilds, cg.Iterations, cg.Iterations + 1);
        Assert.True(cg.Evaluations.HessianVectorProducts >= cg.Evaluations.HessianBuilds);
        var lbfgs = new LbfgsOptimizer().Minimize(objective, new double[4], new OptimizerSettings());
        Assert.True(lbfgs.Converged, lbfgs.Message);
        // Rebuilt at iterations 0, 5, 10, 20, 40, …: as many times as those fall below the step count; one more
        // pass checks the decrement claim against the curvature diagonal.
        int expected = new[] { 0, 5, 10, 20, 40, 80, 160 }.Count(i => i <= lbfgs.Iterations)
            + (lbfgs.Termination == TerminationReason.DecrementTolerance ? 1 : 0);
        Assert.InRange(lbfgs.Evaluations.PreconditionerPasses, expected - 1, expected);
        Assert.Equal(0, lbfgs.Evaluations.HessianBuilds);
        Assert.True(lbfgs.Evaluations.Gradients >= lbfgs.Iterations + 1);
        Assert.Equal(lbfgs.Evaluations.Values + lbfgs.Evaluations.Gradients + lbfgs.Evaluations.PreconditionerPasses, lbfgs.Evaluations.Total);
    }

    [Fact]
    public void EveryOptimizerHasOneNameInOneTable()
    {
        // CoordinateDescent is what a path's report names ("cd"), not an option: not in the table, refused by validation.
        Assert.Equal("cd", OptimizerCatalog.NameOf(OptimizerKind.CoordinateDescent));
        Assert.Contains("CoordinateDescent solves regularisation paths",
            Assert.ThrowsAny<ArgumentException>(() => (TrainerOptions.Default with { Optimizer = OptimizerKind.CoordinateDescent }).Validate()).Message);
        foreach (var kind in Enum.GetValues<OptimizerKind>().Where(k => k != OptimizerKind.CoordinateDescent))
        {
            string name = OptimizerCatalog.NameOf(kind);
            Assert.Equal(kind, OptimizerCatalog.ByName[name]);
            if (kind != OptimizerKind.Auto)
            {
                Assert.Equal(name, OptimizerCatalog.Create(kind).Name);
            }
        }
        Assert.Equal(new[] { "auto", "gd", "sgd", "newton", "lbfgs" }, OptimizerCatalog.ByName.Keys);
        // Auto: Newton for up to 10 features, or small problems (measured; see OptimizerCatalog.Resolve), else L-BFGS.
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.Resolve(new TrainerOptions(), 5, 5000));
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.Resolve(new TrainerOptions(), 1, 2000));
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.Resolve(new TrainerOptions(), 10, 1_000_000)); // few features, any rows
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.Resolve(new TrainerOptions(), 11, 1_000_000));
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.Resolve(new TrainerOptions(), 30, 455));   // small: breast cancer
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.Resolve(new TrainerOptions(), 12, 10_000)); // 130,000 values: small
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.Resolve(new TrainerOptions(), 30, 5000));  // 155,000 values: small
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.Resolve(new TrainerOptions(), 30, 5200));   // 161,200 values: not small
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.Resolve(new TrainerOptions(), 12, 13_000)); // 169,000 values, 12 features: neither
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.Resolve(new TrainerOptions(), 33, 100));   // more than 32 features
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.Resolve(new TrainerOptions { L1Regularization = 1 }, 3, 5000));
        Assert.Equal(OptimizerKind.GradientDescent, OptimizerCatalog.Resolve(new TrainerOptions { Optimizer = OptimizerKind.GradientDescent }, 3, 5000));
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.Resolve(new TrainerOptions { EnforceNonNegativity = true }, 3, 5000));
    }

    [Fact]
    public void CoreWordsRemediesWithoutMLNetNamesAndTheAdapterWithThem()
    {
        var all = Enum.GetValues<Remedy>().Aggregate(Remedy.None, (a, r) => a | r);
        string plain = Remedies.Describe(all);
        foreach (var mlnetName in new[] { "MaximumNumberOfIterations", "NormalizeMeanVariance", "L2Regularization", "OptimizationTolerance", "LearningRate" })
        {
            Assert.DoesNotContain(mlnetName, plain);
        }
        string worded = RemedyWording.Describe(all);
        foreach (var mlnetName in new[] { "MaximumNumberOfIterations", "NormalizeMeanVariance", "L2Regularization", "OptimizationTolerance", "LearningRate" })
        {
            Assert.Contains(mlnetName, worded);
        }
    }

    [Fact]
    public void LogEventsCarryTheirSeverity()
    {
        var events = new List<LogEvent>();
        LogisticRegressionTrainer.Train(ReferenceData.Spector.Dense(), new TrainerOptions { Log = events.Add });
        Assert.All(events, e => Assert.Equal(LogSeverity.Info, e.Severity));
        events.Clear();
        LogisticRegressionTrainer.Train(ReferenceData.BreastCancer.Dense(), new TrainerOptions { Optimizer = OptimizerKind.GradientDescent, MaximumNumberOfIterations = 3, Log = events.Add });
        var warning = Assert.Single(events, e => e.Severity == LogSeverity.Warning);
        Assert.True(warning.Remedies.HasFlag(Remedy.RaiseIterationCap));
        Assert.Contains("raise the iteration cap", warning.ToString());
    }

    [Fact]
    public void AutoOnSmallProblemsRunsNewtonToNewtonsOptimum()
    {
        // Breast cancer, raw features (569 × 30, badly conditioned) and a well-conditioned 800 × 20 set: both
        // small, so Auto is Newton itself — the same iterations and the same optimum.
        var raw = new TrainingSet(DenseMatrix.FromRows(ReferenceData.BreastCancer.Rows.ToList()), ReferenceData.BreastCancer.Labels);
        var rng = new Random(4);
        var rows = Enumerable.Range(0, 800).Select(_ => Enumerable.Range(0, 20).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToList();
        var labels = rows.Select(r => rng.NextDouble() < 1 / (1 + Math.Exp(-r.Sum())) ? 1.0 : 0.0).ToArray();
        foreach (var set in new[] { raw, new TrainingSet(DenseMatrix.FromRows(rows), labels) })
        {
            var auto = LogisticRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 1, OptimizationTolerance = 1e-9 });
            var newton = LogisticRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 1, OptimizationTolerance = 1e-9, Optimizer = OptimizerKind.Newton });
            Assert.True(auto.Report.Optimization.Converged, auto.Report.Optimization.Message);
            Assert.Equal(OptimizerKind.Newton, auto.Report.Optimizer);
            Assert.Equal(newton.Report.Optimization.Iterations, auto.Report.Optimization.Iterations);
            Assert.Equal(newton.Report.Optimization.Objective, auto.Report.Optimization.Objective);
        }
    }
}
