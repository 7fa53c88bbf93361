using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// Auto's L-BFGS on a small dense softmax hands over to full Newton when it has not converged after
/// max(100, (d + 1)(K + 1)) iterations: on raw, nearly collinear columns (as mlbench's Vehicle) the fit must converge, to
/// full Newton's optimum, and say that it changed method; where L-BFGS converges first nothing changes.
/// </summary>
public class SoftmaxNewtonHandoffTests
{
    // Measurements of one underlying size on scales 1 … 1,000 with 0.1–1 % noise between them, as Vehicle's compactness,
    // scatter ratio and elongatedness are: a Hessian whose directions differ in curvature by many decades.
    private static MulticlassTrainingSet Collinear(int n, int seed)
    {
        var random = new Random(seed);
        // 18 columns × 4 classes (76 parameters, past the 64 that Auto fits by full Newton from the start), as Vehicle.
        var scales = Enumerable.Range(0, 18).Select(j => new[] { 1.0, 10, 100, 1000, 30, 300 }[j % 6] * (1 + j / 6)).ToArray();
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            double size = random.NextDouble() * 2 - 1, shape = random.NextDouble() * 2 - 1;
            rows[i] = scales.Select((s, j) => s * (5 + size + (j % 2 == 0 ? 0.3 : -0.3) * shape + 0.2 * (random.NextDouble() - 0.5))).ToArray();
            double z = 3 * size + 4 * shape + 6 * (random.NextDouble() - 0.5);
            labels[i] = z < -2 ? 0 : z < 0.5 ? 1 : z < 3 ? 2 : 3;
        }
        return new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 4);
    }

    [Fact]
    public void RawCollinearColumnsConvergeThroughNewtonToItsOptimum()
    {
        var set = Collinear(800, seed: 31);
        var auto = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 1 });
        var lbfgs = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs }).Report.Optimization;
        // The reference: L-BFGS given 50 times its cap (full Newton from zero stalls here after ~750 damped steps).
        var reference = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs, MaximumNumberOfIterations = 50_000 }).Report.Optimization;
        var report = auto.Report.Optimization;
        Assert.False(lbfgs.Converged && lbfgs.Iterations <= 100, $"L-BFGS alone converged in {lbfgs.Iterations}: the data no longer need the handoff");
        Assert.True(report.Converged, report.Message);
        Assert.Contains("then Newton on the dense Hessian", report.Message);
        Assert.True(report.Iterations > 100 && report.Evaluations.HessianBuilds > 0);
        Assert.Equal(OptimizerKind.Lbfgs, auto.Report.Optimizer);
        Assert.True(reference.Converged, reference.Message);
        // As low as the reference's or lower (Newton's last steps go further than L-BFGS's stopping point), and close to it.
        Assert.True(report.Objective <= reference.Objective * (1 + 1e-14), $"handoff {report.Objective:R}, L-BFGS {reference.Objective:R}");
        NumericAssert.Relative(reference.Objective, report.Objective, 1e-7, "objective");
    }

    [Fact]
    public void WhereLbfgsConvergesFirstOrTheCapComesFirstAutoIsPlainLbfgs()
    {
        var set = SoftmaxData.Set(SoftmaxData.Random(600, 30, 3, seed: 32));
        var auto = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { NumberOfThreads = 1 }).Report.Optimization;
        var lbfgs = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { NumberOfThreads = 1, Optimizer = OptimizerKind.Lbfgs }).Report.Optimization;
        Assert.Equal(lbfgs.Minimizer, auto.Minimizer);
        Assert.Equal(0, auto.Evaluations.HessianBuilds);
        // A cap at or below the handoff: L-BFGS alone, stopped at the cap as asked.
        var collinear = Collinear(800, seed: 31);
        var capped = SoftmaxRegressionTrainer.Train(collinear, new TrainerOptions { L2Regularization = 1, MaximumNumberOfIterations = 100 }).Report.Optimization;
        Assert.Equal(0, capped.Evaluations.HessianBuilds);
        Assert.True(capped.Iterations <= 100);
    }

    [Fact]
    public void WithoutL2NearlyCollinearColumnsStayWithLbfgs()
    {
        // An outside tester's set: 3,000 × 12 × 5, columns offset −2e4 … 2e4 on scales 0.1 … 100, x₁ = 3x₀ + 1e-6·noise and
        // x₃ = x₂ − x₄ + 1e-5·noise, no L2: Newton from L-BFGS's point stalled (100 iterations) where L-BFGS alone
        // converges in ~800. Auto hands over only with an L2 part.
        var random = new Random(41);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        int n = 3000, d = 12, classes = 5;
        var w = Enumerable.Range(0, d * classes).Select(_ => 0.8 * Normal()).ToArray();
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            var z = Enumerable.Range(0, d).Select(_ => Normal()).ToArray();
            var logits = Enumerable.Range(0, classes).Select(k => Enumerable.Range(0, d).Sum(j => z[j] * w[j * classes + k]) - Math.Log(-Math.Log(1 - random.NextDouble()))).ToArray();
            labels[i] = Array.IndexOf(logits, logits.Max());
            rows[i] = z.Select((v, j) => v * Math.Pow(10, -1 + 3.0 * j / (d - 1)) + (-2e4 + 4e4 * j / (d - 1))).ToArray();
            rows[i][1] = 3 * rows[i][0] + 1e-6 * z[1];
            rows[i][3] = rows[i][2] - rows[i][4] + 1e-5 * z[3];
        }
        var set = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, classes);
        // Without L2 Auto is plain L-BFGS, bit for bit.
        var auto = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 0 }).Report.Optimization;
        var lbfgs = SoftmaxRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = 0, Optimizer = OptimizerKind.Lbfgs }).Report.Optimization;
        Assert.Equal(lbfgs.Minimizer, auto.Minimizer);
        Assert.Equal(0, auto.Evaluations.HessianBuilds);
    }
}
