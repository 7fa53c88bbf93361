using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Optimizers on problems with known minima, and their stopping reports.</summary>
public class OptimizerBankTests
{
    public static TheoryData<string> SmoothOptimizers => new() { "newton", "lbfgs", "gd" };

    private static IOptimizer Create(string name) => name switch
    {
        "newton" => new NewtonOptimizer(),
        "lbfgs" => new LbfgsOptimizer(),
        _ => new GradientDescentOptimizer(),
    };

    [Theory]
    [MemberData(nameof(SmoothOptimizers))]
    public void QuadraticMinimumIsFound(string name)
    {
        var f = new QuadraticProblem(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, -2.0, 0.5 });
        var r = Create(name).Minimize(f, new double[3], new OptimizerSettings { OptimizationTolerance = 1e-10, MaximumNumberOfIterations = 5000 });
        Assert.True(r.Converged, r.Message);
        Assert.Equal(new[] { 1.0, -2.0, 0.5 }, r.Minimizer, new Close(1e-8));
        Assert.Equal(r.Iterations, r.Trace.Count);
    }

    [Theory]
    [InlineData("newton", 5)]
    [InlineData("lbfgs", 400)] // Armijo backtracking, no curvature condition: 159 iterations here
    public void IllConditionedQuadraticIsSolvedBySecondOrderMethods(string name, int maxIterations)
    {
        var a = Enumerable.Range(0, 10).Select(j => Math.Pow(10, j * 0.6)).ToArray(); // condition number 1e5.4
        var c = Enumerable.Range(0, 10).Select(j => (double)j - 4).ToArray();
        // Rounding in a·(x − c) is ≈ 2.5e5·1e-15: a gradient tolerance of 1e-8 is reachable, 1e-12 is not.
        var r = Create(name).Minimize(new QuadraticProblem(a, c), new double[10], new OptimizerSettings { OptimizationTolerance = 1e-8, MaximumNumberOfIterations = maxIterations });
        Assert.True(r.Converged, r.Message);
        Assert.Equal(c, r.Minimizer, new Close(1e-5));
    }

    [Theory]
    [InlineData("newton")]
    [InlineData("lbfgs")]
    public void RosenbrockMinimumIsFound(string name)
    {
        var r = Create(name).Minimize(new RosenbrockProblem(), new[] { -1.2, 1.0 }, new OptimizerSettings { OptimizationTolerance = 1e-10, MaximumNumberOfIterations = 500 });
        Assert.True(r.Converged, r.Message);
        Assert.Equal(new[] { 1.0, 1.0 }, r.Minimizer, new Close(1e-5));
        Assert.InRange(r.Objective, 0, 1e-10);
    }

    [Fact]
    public void OwlQnAndProximalGradientFindTheSoftThresholdedMinimum()
    {
        // ½ Σ aⱼ(xⱼ − cⱼ)² + λ‖x‖₁ has the closed form xⱼ = sign(cⱼ)·max(0, |cⱼ| − λ/aⱼ).
        var a = new[] { 1.0, 2.0, 4.0, 1.0 };
        var c = new[] { 3.0, -0.2, 1.0, -2.0 };
        const double lambda = 0.5;
        var expected = c.Select((cj, j) => Math.Sign(cj) * Math.Max(0, Math.Abs(cj) - lambda / a[j])).ToArray();
        foreach (IOptimizer optimizer in new IOptimizer[] { new LbfgsOptimizer(), new GradientDescentOptimizer() })
        {
            var r = optimizer.Minimize(new QuadraticProblem(a, c, lambda), new double[4], new OptimizerSettings { OptimizationTolerance = 1e-10, MaximumNumberOfIterations = 5000 });
            Assert.True(r.Converged, optimizer.Name + ": " + r.Message);
            Assert.Equal(expected, r.Minimizer, new Close(1e-7));
            Assert.Equal(0.0, r.Minimizer[1]); // exactly zero, not 1e-17
        }
    }

    [Theory]
    [MemberData(nameof(SmoothOptimizers))]
    public void HittingTheIterationCapIsReportedAsNotConverged(string name)
    {
        var r = Create(name).Minimize(new RosenbrockProblem(), new[] { -1.2, 1.0 }, new OptimizerSettings { OptimizationTolerance = 1e-12, MaximumNumberOfIterations = 3 });
        Assert.False(r.Converged);
        Assert.Equal(TerminationReason.MaximumIterations, r.Termination);
        Assert.Equal(3, r.Iterations);
        Assert.True(r.Remedies.HasFlag(Remedy.RaiseIterationCap), r.Message);
        Assert.Contains("raise the iteration cap", r.Message);
    }

    [Fact]
    public void TooLargeFixedLearningRateIsReportedAsDivergedWithARemedy()
    {
        var f = new QuadraticProblem(new[] { 10.0 }, new[] { 1.0 });
        var r = new GradientDescentOptimizer().Minimize(f, new double[1], new OptimizerSettings { LearningRate = 1.0, MaximumNumberOfIterations = 2000 });
        Assert.False(r.Converged);
        Assert.Equal(TerminationReason.Diverged, r.Termination);
        Assert.True(r.Remedies.HasFlag(Remedy.LowerLearningRate), r.Message);
        Assert.Contains("learning rate", r.Message);
    }

    [Fact]
    public void NewtonHandlesNegativeCurvatureOfMse()
    {
        // Far from the optimum the MSE Hessian is indefinite; the shifted Newton step still descends.
        var data = ReferenceData.Spector.Dense();
        var model = LogisticRegressionTrainer.Train(data, new TrainerOptions { Loss = LossKind.MeanSquaredError, Optimizer = OptimizerKind.Newton, L2Regularization = 0.01 }).Report.Optimization;
        var lbfgs = LogisticRegressionTrainer.Train(data, new TrainerOptions { Loss = LossKind.MeanSquaredError, Optimizer = OptimizerKind.Lbfgs, L2Regularization = 0.01 }).Report.Optimization;
        Assert.True(model.Converged, model.Message);
        Assert.True(model.Trace.Zip(model.Trace.Skip(1)).All(t => t.Second.Objective <= t.First.Objective));
        Assert.Equal(lbfgs.Objective, model.Objective, 1e-6 * model.Objective);
    }

    [Theory]
    [InlineData(LossKind.BinaryCrossEntropy)]
    [InlineData(LossKind.MeanSquaredError)]
    public void NewtonConjugateGradientPathAgreesWithTheDensePath(LossKind loss)
    {
        // DenseNewtonLimit = 1 forces truncated CG on Hessian-vector products (the path used above 512 parameters).
        var objective = ObjectiveFactory.Create(ReferenceData.Spector.Dense(), loss, l2: 1);
        var start = new double[objective.Dimension];
        var cg = new NewtonOptimizer().Minimize(objective, start, new OptimizerSettings { DenseNewtonLimit = 1, MaximumNumberOfIterations = 200 });
        var dense = new NewtonOptimizer().Minimize(objective, start, new OptimizerSettings());
        Assert.True(cg.Converged, cg.Message);
        Assert.Equal(dense.Objective, cg.Objective, 1e-9 * dense.Objective);
        if (loss == LossKind.BinaryCrossEntropy)
        {
            var reference = ReferenceData.Spector.L2Reference("C=1").Objective;
            Assert.InRange(Math.Abs(cg.Objective - reference) / reference, 0, 1e-6);
        }
    }

    [Fact]
    public void GradientDescentFollowsTheSeedsFiveStepsAndConvergesOnStandardisedFeatures()
    {
        // On standardised breast cancer (Hessian condition number ≈ 86) plain gradient descent reaches
        // the exact optimum; the tolerance is the trainer's own gradient test.
        var std = Standardised(ReferenceData.BreastCancer);
        var exact = LogisticRegressionTrainer.Train(std, new TrainerOptions { Optimizer = OptimizerKind.Newton, OptimizationTolerance = 1e-10 }).Report.Optimization;
        var gd = LogisticRegressionTrainer.Train(std, new TrainerOptions { Optimizer = OptimizerKind.GradientDescent }).Report.Optimization;
        Assert.True(gd.Converged, gd.Message);
        Assert.InRange((gd.Objective - exact.Objective) / exact.Objective, -1e-9, 1e-6);
    }

    [Fact]
    public void GradientDescentOnRawFeaturesStaysHonest()
    {
        // Raw breast cancer: Hessian condition number ≈ 1.7e9 at the optimum, so gradient descent
        // needs on the order of 1e9 iterations. After 2000 it has not converged and says why.
        var gd = LogisticRegressionTrainer.Train(ReferenceData.BreastCancer.Dense(), new TrainerOptions { Optimizer = OptimizerKind.GradientDescent, MaximumNumberOfIterations = 2000 }).Report.Optimization;
        Assert.False(gd.Converged);
        Assert.Equal(TerminationReason.MaximumIterations, gd.Termination);
        Assert.Equal(Remedy.RaiseIterationCap | Remedy.StandardizeFeatures | Remedy.UseSecondOrderOptimizer, gd.Remedies);
        Assert.True(gd.Trace.Zip(gd.Trace.Skip(1)).All(t => t.Second.Objective <= t.First.Objective), "the line search keeps F decreasing");
        // Spector (condition number ≈ 1e4): within 5% of the reference after 10000 iterations.
        var reference = ReferenceData.Spector.L2Reference("C=1").Objective;
        var spector = LogisticRegressionTrainer.Train(ReferenceData.Spector.Dense(), new TrainerOptions { Optimizer = OptimizerKind.GradientDescent }).Report.Optimization;
        Assert.InRange((spector.Objective - reference) / reference, -1e-6, 0.05);
    }

    [Fact]
    public void MiniBatchSgdGetsCloseOnStandardisedFeatures()
    {
        // SGD with a decaying step converges like 1/√t: after 1000 epochs (18 steps each) it is within
        // 5% of the optimum, and the same seed reproduces the same weights.
        var std = Standardised(ReferenceData.BreastCancer);
        var exact = LogisticRegressionTrainer.Train(std, new TrainerOptions { Optimizer = OptimizerKind.Newton }).Report.Optimization;
        var options = new TrainerOptions { Optimizer = OptimizerKind.MiniBatchSgd, MaximumNumberOfIterations = 1000, Seed = 3 };
        var sgd = LogisticRegressionTrainer.Train(std, options);
        Assert.InRange((sgd.Report.Optimization.Objective - exact.Objective) / exact.Objective, 0, 0.05);
        Assert.Equal(sgd.Model.GetWeights(), LogisticRegressionTrainer.Train(std, options).Model.GetWeights());
        Assert.NotEqual(sgd.Model.GetWeights(), LogisticRegressionTrainer.Train(std, options with { Seed = 4 }).Model.GetWeights());
    }

    internal static TrainingSet Standardised(ReferenceData data)
    {
        int d = data.FeatureCount;
        var mean = Enumerable.Range(0, d).Select(j => data.Rows.Average(r => r[j])).ToArray();
        var sd = Enumerable.Range(0, d).Select(j => Math.Sqrt(data.Rows.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])))).ToArray();
        var rows = data.Rows.Select(r => r.Select((v, j) => (v - mean[j]) / sd[j]).ToArray()).ToList();
        return new TrainingSet(DenseMatrix.FromRows(rows), data.Labels);
    }

    private sealed class Close : IEqualityComparer<double>
    {
        private readonly double _tolerance;

        public Close(double tolerance) => _tolerance = tolerance;

        public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance * Math.Max(1, Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
