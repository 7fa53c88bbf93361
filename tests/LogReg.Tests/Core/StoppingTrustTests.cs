using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Statistics;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Convergence claims that hold: what "converged" promises, at every scale of the objective.</summary>
public class StoppingTrustTests
{
    private static TrainingSet Set(double[][] rows, double[] labels, double[]? weights = null) =>
        new(DenseMatrix.FromRows(rows), labels, weights);

    [Fact]
    public void ANewtonStepBelowRoundingNearTheOptimumIsConvergenceNotAFailure()
    {
        // The issue's 12-row repro: the last Newton step's decrease was below one ulp of F.
        double[] x = { 8.1, 7.7, 9.2, 3.6, 2.8, 5.1, 5.2, 3.0, 1.4, 4.2, 8.9, 0.9 };
        double[] y = { 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0 };
        var stats = StatisticsCalculator.Fit(Set(x.Select(v => new[] { v }).ToArray(), y));
        Assert.True(stats.Converged, string.Join(" | ", stats.Warnings));
        Assert.Empty(stats.Warnings);
        Assert.Equal(0.117174, stats.Coefficients[1].Estimate, 6);
    }

    [Fact]
    public void FiftyRandomBenignDataSetsAllConverge()
    {
        var rng = new Random(2026);
        for (int set = 0; set < 50; set++)
        {
            int n = rng.Next(12, 80), d = rng.Next(1, 4);
            var scale = Enumerable.Range(0, d).Select(_ => Math.Pow(10, rng.NextDouble() * 4 - 2)).ToArray();
            var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(j => Math.Round(scale[j] * rng.NextDouble() * 10, 1)).ToArray()).ToArray();
            // Labels independent of x, both classes present: the classes overlap, so the MLE exists.
            var labels = Enumerable.Range(0, n).Select(i => i < 2 ? i : rng.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray();
            var stats = StatisticsCalculator.Fit(Set(rows, labels));
            Assert.True(stats.Converged, $"set {set} (n = {n}, d = {d}): {string.Join(" | ", stats.Warnings)}");
        }
    }

    public static TheoryData<OptimizerKind, double> Scales()
    {
        var data = new TheoryData<OptimizerKind, double>();
        foreach (var optimizer in new[] { OptimizerKind.Newton, OptimizerKind.Lbfgs })
        {
            // 1e±160: the decrement bound, (tolerance·S)²/u, overflowed (to "converged" at the start) or underflowed before it was written tolerance·S·(tolerance·S/u).
            foreach (var c in new[] { 1e-160, 1e-6, 1.0, 1e4, 1e8, 1e12, 1e160 })
            {
                data.Add(optimizer, c);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void MultiplyingEveryWeightAndL2ByAConstantGivesTheSameModel(OptimizerKind optimizer, double c)
    {
        var reference = ReferenceData.Spector;
        var ones = reference.Labels.Select(_ => 1.0).ToArray();
        foreach (double l2 in new[] { 0.0, 1.0 })
        {
            var options = new TrainerOptions { Optimizer = optimizer, L2Regularization = l2 };
            var unit = LogisticRegressionTrainer.Train(reference.Dense(), options with { L2Regularization = l2 });
            var scaled = LogisticRegressionTrainer.Train(
                new TrainingSet(DenseMatrix.FromRows(reference.Rows), reference.Labels, ones.Select(s => s * c).ToArray()),
                options with { L2Regularization = l2 * c });
            // At 1e160 L-BFGS's curvature pairs overflow (yᵀy) and it may end unconverged — but it must not claim what did not happen.
            if (c <= 1e12 || optimizer == OptimizerKind.Newton)
            {
                Assert.True(scaled.Report.Optimization.Converged, $"c = {c}, L2 = {l2}: {scaled.Report.Optimization.Message}");
            }
            if (scaled.Report.Optimization.Converged)
            {
                Assert.True(scaled.Report.Optimization.Iterations > 0);
                NumericAssert.Close(unit.Model.ToParameters(), scaled.Model.ToParameters(), 1e-6, $"c = {c}, L2 = {l2}");
            }
        }
    }

    [Theory]
    [InlineData(1e-14)]
    [InlineData(1e-50)]
    [InlineData(1e-100)]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void TheSoftmaxFullNewtonFitIsTheSameAtEveryScaleOfTheWeights(double c)
    {
        // An outsider's repro: the softmax Hessian is singular along the biases' common shift, so Cholesky may need a shift;
        // with weights × c it must shrink with the Hessian (a floor of 1 swamped it below c ≈ 1e-8, and at 1e-200 the fit
        // claimed convergence at its start).
        var random = new Random(1);
        var rows = Enumerable.Range(0, 50).Select(_ => Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 50).Select(i => i % 3).ToArray();
        var options = new TrainerOptions { Optimizer = OptimizerKind.Newton, L2Regularization = 1 };
        var unit = SoftmaxRegressionTrainer.Train(new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 3), options);
        var scaled = SoftmaxRegressionTrainer.Train(new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 3, Enumerable.Repeat(c, 50).ToArray()),
            options with { L2Regularization = c });
        Assert.True(scaled.Report.Optimization.Converged, $"c = {c}: {scaled.Report.Optimization.Message}");
        NumericAssert.Close(unit.Model.ToParameters(), scaled.Model.ToParameters(), 1e-6, $"c = {c}");
    }

    public static TheoryData<OptimizerKind, LossKind, bool> EveryOptimizer()
    {
        var data = new TheoryData<OptimizerKind, LossKind, bool>();
        foreach (var optimizer in OptimizerCatalog.Runnable)
        {
            foreach (var loss in new[] { LossKind.BinaryCrossEntropy, LossKind.MeanSquaredError })
            {
                data.Add(optimizer, loss, false);
                data.Add(optimizer, loss, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOptimizer))]
    public void ConvergedMeansAFirstOrderTestHoldsAtTheReturnedPoint(OptimizerKind optimizer, LossKind loss, bool sparse)
    {
        foreach (var reference in new[] { ReferenceData.Spector, ReferenceData.BreastCancer })
        {
            foreach (double l1 in optimizer == OptimizerKind.Newton ? new[] { 0.0 } : new[] { 0.0, 0.5 })
            {
                var data = sparse ? reference.Sparse() : reference.Dense();
                var options = new TrainerOptions { Optimizer = optimizer, Loss = loss, L2Regularization = 1, L1Regularization = l1, MaximumNumberOfIterations = optimizer is OptimizerKind.GradientDescent or OptimizerKind.MiniBatchSgd ? 200 : null };
                var (model, report) = LogisticRegressionTrainer.Train(data, options);
                var result = report.Optimization;
                if (!result.Converged)
                {
                    Assert.NotEqual(Remedy.None, result.Remedies);
                    continue;
                }
                // Recompute at the returned θ with a fresh objective.
                var f = ObjectiveFactory.Create(data, loss, 1, l1);
                var theta = model.ToParameters();
                var g = new double[theta.Length];
                double value = f.SmoothValueAndGradient(theta, g) + f.Penalty.L1Value(theta);
                var pg = new double[theta.Length];
                f.Penalty.PseudoGradient(theta, g, pg);
                bool gradientTest = StoppingTests.GradientTestMet(VectorKernels.MaxAbs(pg), value, options.OptimizationTolerance * 1.0001);
                string what = $"{reference.FeatureCount}-feature set, {optimizer}, {loss}, sparse = {sparse}, L1 = {l1}: {result.Termination}";
                if (result.Termination == TerminationReason.GradientTolerance)
                {
                    Assert.True(gradientTest, what);
                    continue;
                }
                // The decrement test, checked with the exact curvature: on the free coordinates (non-zero
                // weights and the bias) the Newton decrement of the pseudo-gradient is small, and on the
                // weights at zero the pseudo-gradient itself passes the gradient test (L1 holds them
                // there). A quasi-Newton method's own curvature may differ from the exact one by a
                // bounded factor, hence 100.
                Assert.Equal(TerminationReason.DecrementTolerance, result.Termination);
                double bound = options.OptimizationTolerance * Math.Max(1, Math.Abs(value));
                var free = Enumerable.Range(0, theta.Length).Where(j => j == theta.Length - 1 || theta[j] != 0).ToArray();
                foreach (int j in Enumerable.Range(0, theta.Length).Except(free))
                {
                    Assert.True(Math.Abs(pg[j]) <= 10 * bound, $"{what}: pseudo-gradient {pg[j]:G3} at zero weight {j}");
                }
                var h = f.HessianAt(theta, gaussNewton: true).ToDense();
                int m = free.Length;
                var hFree = new double[m * m];
                for (int r = 0; r < m; r++)
                {
                    for (int c = 0; c < m; c++)
                    {
                        hFree[r * m + c] = h[free[r] * theta.Length + free[c]];
                    }
                }
                var l = DenseLinearAlgebra.Cholesky(hFree, m)!;
                var gFree = free.Select(j => pg[j]).ToArray();
                var step = gFree.ToArray();
                DenseLinearAlgebra.CholeskySolve(l, m, step);
                double decrement = VectorKernels.Dot(gFree, step);
                Assert.True(decrement <= 100 * bound * bound, $"{what}: decrement {decrement:G3} > 100·{bound * bound:G3}");
            }
        }
    }

    [Fact]
    public void SgdOnUnscaledFeaturesSaysItDidNotConverge()
    {
        var (_, report) = LogisticRegressionTrainer.Train(ReferenceData.BreastCancer.Dense(), new TrainerOptions { Optimizer = OptimizerKind.MiniBatchSgd, MaximumNumberOfIterations = 50 });
        Assert.False(report.Optimization.Converged);
        Assert.True(report.Optimization.Remedies.HasFlag(Remedy.StandardizeFeatures), report.Optimization.Message);
    }
}
